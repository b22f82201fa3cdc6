import type { TalkmarkDB } from '../db/schema';
import type { Talk } from '../model';

/** Talks per read: a few milliseconds of deserializing each, so no read is a long task. */
export const TALK_CHUNK = 400;

/**
 * Every talk, read in primary-key pages one after another. Each page's result arrives in its own
 * IndexedDB event, so the browser handles input and frames between pages: reading 5,000 talks
 * (with descriptions) as one `getAll` was one long task of the idle panel. Dexie calls only, so
 * it runs inside a live query.
 */
export async function readAllTalks(db: TalkmarkDB, chunk = TALK_CHUNK): Promise<Talk[]> {
  const pages: Talk[][] = [];
  let page: Talk[] = await db.talks.orderBy(':id').limit(chunk).toArray();
  while (page.length > 0) {
    pages.push(page);
    if (page.length < chunk) break;
    page = await db.talks
      .where(':id')
      .above(page[page.length - 1]!.id)
      .limit(chunk)
      .toArray();
  }
  return pages.flat();
}
