/**
 * Which talk the highlights of a page go to, as the popup shows it and lets the user change it.
 * Choosing a talk attaches the page to it (`links`, which outranks a description's link, see
 * talkForPage) and moves the page's existing highlights along, in one transaction.
 */
import { cleanPageUrl } from '../anchoring/page-url';
import type { TalkmarkDB } from '../db/schema';
import type { Talk } from '../model';
import { getSetting } from '../db/settings';
import { talkForPage } from '../highlights/talk-links';
import { currentTalkId } from '../notes/current-talk';

/** Attach `pageUrl` to `talkId` (detaching it from any other talk) and move its highlights there. Returns how many moved. */
export async function sendPageTo(db: TalkmarkDB, pageUrl: string, talkId: string, now = Date.now()): Promise<number> {
  const page = cleanPageUrl(pageUrl);
  return db.transaction('rw', db.talks, db.highlights, async () => {
    if (!(await db.talks.get(talkId))) throw new Error('This talk was deleted meanwhile.');
    const talks = await db.talks.toArray();
    for (const t of talks) {
      const has = t.links.some((l) => cleanPageUrl(l) === page);
      if (t.id === talkId && !has) await db.talks.update(t.id, { links: [...t.links, page], updatedAt: now });
      if (t.id !== talkId && has)
        await db.talks.update(t.id, { links: t.links.filter((l) => cleanPageUrl(l) !== page), updatedAt: now });
    }
    const moving = (await db.highlights.where('pageUrl').equals(page).toArray()).filter((h) => h.talkId !== talkId);
    for (const h of moving) await db.highlights.update(h.id, { talkId, updatedAt: now });
    return moving.length;
  });
}

export interface PageTalkChoice {
  /** Stored talks to choose from. */
  talks: Talk[];
  /** Where highlights on the page go now (null: nowhere yet). */
  talkId: string | null;
}

export async function pageTalkChoice(db: TalkmarkDB, pageUrl: string, now = Date.now()): Promise<PageTalkChoice> {
  const [talks, talkId] = await Promise.all([db.talks.toArray(), talkForNewHighlight(db, cleanPageUrl(pageUrl), now)]);
  return { talks, talkId };
}

/** The talk a new highlight on `pageUrl` goes to (the popup shows it, and lets the user change it). */
export async function talkForNewHighlight(db: TalkmarkDB, pageUrl: string, now: number): Promise<string | null> {
  const [talks, picked, pickedAt] = await Promise.all([
    db.talks.toArray(),
    getSetting(db, 'pickedTalkId'),
    getSetting(db, 'pickedAt'),
  ]);
  return talkForPage(pageUrl, talks, currentTalkId(talks, { id: picked, at: pickedAt }, now));
}
