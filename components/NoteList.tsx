import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useDb } from './services';
import type { Note, Talk } from '../lib/model';
import { listNotes } from '../lib/notes';
import { deleteNoteAndImage, restoreDeletedNote, type DeletedNote } from '../lib/images';
import { isOwn, ownAuthor } from '../lib/db/settings';
import { AuthorFilter, type AuthorScope } from './AuthorFilter';
import { NoteItem } from './NoteItem';
import { markPanelReady } from './panelReady';
import { takeFirstRead } from './firstRead';
import { UndoToast } from './UndoToast';
import { useLiveQuery } from './useLiveQuery';
import { useNoteWindow } from './useNoteWindow';

export interface NoteListProps {
  talk: Talk;
  viewerZone: string;
  /** A note just added: scrolled into view (above the pinned note box) once the list shows it. */
  reveal?: string | null;
}

/**
 * Scroll the least that shows `el` whole between the panel's sticky header and the note box
 * pinned to the bottom (or the bottom of the window, where the box is not on screen).
 */
export function revealAboveComposer(el: Element): void {
  const margin = 8;
  const header = document.querySelector('.panel-header')?.getBoundingClientRect().bottom ?? 0;
  const composerTop = document.querySelector('.composer')?.getBoundingClientRect().top ?? innerHeight;
  const bottom = Math.min(composerTop, innerHeight) - margin;
  const top = Math.max(header, 0) + margin;
  const box = el.getBoundingClientRect();
  if (box.bottom > bottom) window.scrollBy(0, Math.min(box.bottom - bottom, box.top - top));
  else if (box.top < top) window.scrollBy(0, box.top - top);
}

/** A talk's notes in time order, newest last (next to the note box), live; deleting offers undo. */
export function NoteList({ talk, viewerZone, reveal }: NoteListProps) {
  const db = useDb();
  // The user's name is read with the notes, in one live query: whose note is whose is known as
  // the list first shows (no flash of buttons on someone else's note), and follows a rename.
  // The panel's first read (main.tsx) holds them when this is the talk it chose.
  const notes = useLiveQuery(
    async () => {
      const [list, me] = await Promise.all([listNotes(db, talk.id), ownAuthor(db)]);
      return { list, me: me ?? null };
    },
    [talk.id],
    useState(() => takeFirstRead('notes', (r) => (r.talkId === talk.id ? { list: r.notes, me: r.me } : undefined)))[0],
  );
  // Notes edited on two machines at once (sync): few, usually none, so read them all.
  const conflicts = useLiveQuery(
    () => db.syncConflicts.where('table').equals('notes').toArray(),
    [],
    useState(() => takeFirstRead('conflicts', (r) => r.conflicts))[0],
  );
  const conflictOf = (id: string) =>
    conflicts.status === 'ready' ? conflicts.value.find((c) => c.id === id && c.losers.length > 0) : undefined;
  // The panel's first render is done once these notes are on screen (the benchmark's mark): set
  // as they are put in the page, it marks the next frame, the one that paints them.
  useLayoutEffect(() => {
    if (notes.status !== 'loading') markPanelReady();
  }, [notes.status]);
  const list = useRef<HTMLOListElement>(null);
  const revealed = useRef<string | null>(null);
  // The note typed a moment ago shows up when the live query catches up with the write.
  useEffect(() => {
    if (!reveal || revealed.current === reveal || notes.status !== 'ready') return;
    const item = list.current?.querySelector(`[data-note-id="${CSS.escape(reveal)}"]`);
    if (!item) return;
    revealed.current = reveal;
    revealAboveComposer(item);
  }, [reveal, notes]);
  // The newest note in view as a talk's notes first show (issue #12): the list ends at the note
  // box, but the page opens at its top, and focusing the box (pinned, so already on screen)
  // scrolls nothing. Before the frame is painted, so the first frame shows it.
  const opened = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (notes.status !== 'ready' || opened.current === talk.id) return;
    opened.current = talk.id;
    const newest = list.current?.lastElementChild;
    if (newest) revealAboveComposer(newest);
  }, [notes.status, talk.id]);
  const [deleted, setDeleted] = useState<DeletedNote | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A team's database holds other people's notes too: they are shown with their author's name,
  // read-only, and the user can narrow the list to their own.
  const [scope, setScope] = useState<AuthorScope>('everyone');
  const all = notes.status === 'ready' ? notes.value.list : [];
  const me = notes.status === 'ready' ? notes.value.me : null;
  const mine = all.filter((n) => isOwn(n, me));
  const shared = mine.length < all.length;
  const shown = shared && scope === 'mine' ? mine : all;
  // The newest notes first, the older ones a moment later (useNoteWindow).
  const earlier = useNoteWindow(shown.length, list, `${talk.id} ${shown === all ? 'all' : 'mine'}`);
  const drawn = earlier.start > 0 ? shown.slice(earlier.start) : shown;
  // "Show earlier notes" goes away as it shows them: the caret goes to the list, at its top.
  const toOldest = useRef(false);
  useLayoutEffect(() => {
    if (!toOldest.current || earlier.start > 0) return;
    toOldest.current = false;
    list.current?.focus();
  }, [earlier.start]);

  const remove = async (note: Note) => {
    // The note's picture goes with it, and comes back with Undo.
    const result = await deleteNoteAndImage(db, note.id);
    if (result.ok) setDeleted(result.value);
    else setError(result.error.message);
  };
  const undo = async () => {
    if (!deleted) return;
    const result = await restoreDeletedNote(db, deleted);
    setDeleted(null);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <section aria-label="Notes">
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notes.status === 'error' && (
        <p class="error" role="alert">
          Notes could not be read: {notes.error.message}
        </p>
      )}
      {shared && <AuthorFilter scope={scope} everyone={all.length} mine={mine.length} onScope={setScope} />}
      {notes.status === 'ready' && shown.length === 0 && (
        <p class="muted">{all.length === 0 ? 'No notes yet for this talk.' : 'No notes of yours yet for this talk.'}</p>
      )}
      {notes.status === 'ready' && shown.length > 0 && (
        <>
          {earlier.start > 0 && (
            <button
              type="button"
              class="link-button earlier-notes"
              onClick={() => {
                earlier.showAll();
                toOldest.current = true;
              }}
            >
              Show {earlier.start} earlier {earlier.start === 1 ? 'note' : 'notes'}
            </button>
          )}
          <ol ref={list} class="plain notes" aria-label="Notes of this talk" tabIndex={-1}>
            {drawn.map((n) => (
              <NoteItem
                key={n.id}
                note={n}
                talk={talk}
                viewerZone={viewerZone}
                byOther={isOwn(n, me) ? null : (n.author ?? null)}
                conflict={conflictOf(n.id)}
                onDelete={(x) => void remove(x)}
              />
            ))}
          </ol>
        </>
      )}
      {deleted && <UndoToast message="Note deleted." onUndo={() => void undo()} onDismiss={() => setDeleted(null)} />}
    </section>
  );
}
