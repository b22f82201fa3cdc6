import type { TalkmarkDB } from '../db/schema';

/**
 * Notes of each of these talks: one IndexedDB count per talk on the `talkId` index. The Agenda
 * asks for the cards it draws (40 at a time): counting every note of a 100,000-note library walks
 * a cursor over the whole index, ~100,000 steps before the first count shows.
 */
export async function noteCountsOf(db: TalkmarkDB, talkIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(talkIds.map((id) => db.notes.where('talkId').equals(id).count()));
  return new Map(talkIds.map((id, i) => [id, counts[i]!]));
}
