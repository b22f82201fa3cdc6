import type { TalkmarkDB } from '../db/schema';
import type { SyncConflict } from '../db/sync-journal';

/**
 * The user picks one version of a record that was edited on two machines at once. Keeping the
 * other text writes it over this one (an ordinary edit, which replicates); either way every
 * losing revision is marked dismissed, and the sync runner removes them from the mirror, so the
 * conflict is resolved on every machine. `keep`: 'this' or the revision to keep.
 */
export async function resolveConflict(
  db: TalkmarkDB,
  key: string,
  keep: 'this' | string | Promise<string>,
  now = Date.now(),
): Promise<void> {
  const choice = await keep;
  const row: SyncConflict | undefined = await db.syncConflicts.get(key);
  if (!row) return;
  const chosen = choice === 'this' ? null : row.losers.find((l) => l.rev === choice);
  await db.transaction('rw', [db.notes, db.highlights, db.syncConflicts], async () => {
    if (chosen && row.table === 'notes') await db.notes.update(row.id, { text: chosen.text, updatedAt: now });
    if (chosen && row.table === 'highlights')
      await db.highlights.update(row.id, { comment: chosen.text, updatedAt: now });
    await db.syncConflicts.put({ ...row, losers: [], resolvedRevs: row.losers.map((l) => l.rev) });
  });
}
