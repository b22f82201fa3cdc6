import { useState } from 'preact/hooks';
import { getDb } from '../lib/db/schema';
import type { Note, Talk } from '../lib/model';
import { deleteNote, listNotes, restoreNote } from '../lib/notes';
import { NoteItem } from './NoteItem';
import { UndoToast } from './UndoToast';
import { useLiveQuery } from './useLiveQuery';

export interface NoteListProps {
  talk: Talk;
  viewerZone: string;
}

/** A talk's notes in time order, live; deleting offers undo. */
export function NoteList({ talk, viewerZone }: NoteListProps) {
  const db = getDb();
  const notes = useLiveQuery(() => listNotes(db, talk.id), [talk.id]);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (note: Note) => {
    const result = await deleteNote(db, note.id);
    if (result.ok) setDeleted(result.value);
    else setError(result.error.message);
  };
  const undo = async () => {
    if (!deleted) return;
    const result = await restoreNote(db, deleted);
    setDeleted(null);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <section aria-label="Notes">
      {error && <p class="error" role="alert">{error}</p>}
      {notes.status === 'error' && <p class="error" role="alert">Notes could not be read: {notes.error.message}</p>}
      {notes.status === 'ready' && notes.value.length === 0 && <p class="muted">No notes yet for this talk.</p>}
      {notes.status === 'ready' && notes.value.length > 0 && (
        <ol class="plain notes" aria-label="Notes of this talk">
          {notes.value.map((n) => (
            <NoteItem key={n.id} note={n} talk={talk} viewerZone={viewerZone} onDelete={(x) => void remove(x)} />
          ))}
        </ol>
      )}
      {deleted && <UndoToast message="Note deleted." onUndo={() => void undo()} onDismiss={() => setDeleted(null)} />}
    </section>
  );
}
