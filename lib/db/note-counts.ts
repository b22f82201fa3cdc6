import type { TalkmarkDB } from './schema';

/** Notes per talk, read from the `talkId` index alone (no note bodies), fast with 10k notes. */
export async function noteCountsByTalk(db: TalkmarkDB): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const key of await db.notes.orderBy('talkId').keys()) {
    const id = String(key);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
