import type { SyncConflict } from '../lib/db/sync-journal';
import { resolveConflict } from '../lib/sync/conflicts';
import { useDb } from './services';

export interface SyncConflictNoteProps {
  conflict: SyncConflict;
}

/**
 * A note edited on two machines at once: the other text, shown under this one, and a way to keep
 * one of them. Resolving replicates: every machine drops the version not kept.
 */
export function SyncConflictNote({ conflict }: SyncConflictNoteProps) {
  const db = useDb();
  if (conflict.losers.length === 0) return null;
  return (
    // A fieldset: the native element for a named group of controls (here the two choices).
    <fieldset class="sync-conflict" aria-label="Sync conflict">
      <strong>Conflict:</strong> this note was also edited on another machine
      {conflict.losers.map((loser) => (
        <div key={loser.rev}>
          <blockquote aria-label="The other version">
            {loser.text}
            {loser.author ? ` — ${loser.author}` : ''}
          </blockquote>
          <button type="button" class="link-button" onClick={() => void resolveConflict(db, conflict.key, loser.rev)}>
            Keep the other version
          </button>
        </div>
      ))}
      <button type="button" class="link-button" onClick={() => void resolveConflict(db, conflict.key, 'this')}>
        Keep this version
      </button>
    </fieldset>
  );
}
