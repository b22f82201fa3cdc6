import { useState } from 'preact/hooks';
import { getDb } from '../lib/db/schema';
import type { Note, Talk } from '../lib/model';
import { editSaved, formatOffset, mirrorEdit, offsetIntoTalk, pendingEdit, pageStorage, setNoteTime, updateNoteText } from '../lib/notes';
import { parseOffsetInput } from '../lib/time/offset-input';
import { formatTime } from '../lib/time/zones';
import { KindBadge } from './KindBadge';
import { NoteText } from './NoteText';
import { useDurableWriter } from './useDurableWriter';

export interface NoteItemProps {
  note: Note;
  talk: Talk;
  viewerZone: string;
  onDelete: (note: Note) => void;
}

/** One note: kind, offset into the talk and wall-clock time; editable in place, deletable. */
export function NoteItem({ note, talk, viewerZone, onDelete }: NoteItemProps) {
  const db = getDb();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [editingTime, setEditingTime] = useState(false);
  const [timeError, setTimeError] = useState<string | null>(null);
  // Every keystroke is mirrored at once; the mirror goes when IndexedDB holds the text.
  const writer = useDurableWriter(async (value) => {
    const result = await updateNoteText(db, note.id, value);
    if (result.ok) editSaved(pageStorage(), 'note', note.id, value);
    return result;
  });
  const offset = offsetIntoTalk(talk, note.createdAt);
  const offsetText = offset === null ? null : formatOffset(offset);
  const wall = formatTime(note.createdAt, viewerZone);

  /** The editor stays open, with the text and the reason, when the last write failed. */
  const finishEdit = async () => {
    if (await writer.flush()) setEditing(false);
  };

  const saveTime = async (input: string) => {
    const ms = parseOffsetInput(input);
    if (ms === null || talk.startAt === null) return setTimeError('Type the time into the talk as m:ss, e.g. 12:34.');
    const result = await setNoteTime(db, note.id, talk.startAt + ms);
    if (!result.ok) return setTimeError(result.error.message);
    setTimeError(null);
    setEditingTime(false);
  };

  return (
    <li class={`note note-${note.kind}`}>
      <div class="note-meta">
        <KindBadge kind={note.kind} />
        {editingTime ? (
          <input
            aria-label="Time into the talk"
            class="offset-input"
            defaultValue={offsetText ?? ''}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') void saveTime((e.target as HTMLInputElement).value);
              if (e.key === 'Escape') setEditingTime(false);
            }}
          />
        ) : offsetText !== null ? (
          <button type="button" class="link-button" aria-label={`${offsetText} into the talk, change time`} onClick={() => setEditingTime(true)}>
            {offsetText}
          </button>
        ) : null}
        <time class="muted" dateTime={new Date(note.createdAt).toISOString()}>
          {wall}
        </time>
        <span class="note-actions">
          <button type="button" class="link-button" onClick={() => {
              if (editing) return void finishEdit();
              // An edit a closed panel left in the mirror (not yet written back) is where typing resumes.
              const left = pendingEdit(pageStorage(), 'note', note.id)?.text;
              setText(left ?? note.text);
              if (left && left !== note.text) writer.schedule(left);
              setEditing(true);
            }}>
            {editing ? 'Done' : 'Edit'}
          </button>
          <button type="button" class="link-button" aria-label="Delete note" onClick={() => onDelete(note)}>
            Delete
          </button>
        </span>
      </div>
      {timeError && <p class="error" role="alert">{timeError}</p>}
      {editing ? (
        <>
          <textarea
            aria-label="Edit note"
            value={text}
            rows={Math.min(8, text.split('\n').length + 1)}
            autoFocus
            onInput={(e) => {
              const value = (e.target as HTMLTextAreaElement).value;
              setText(value);
              if (!value.trim()) return;
              mirrorEdit(pageStorage(), 'note', note.id, value, note.text);
              writer.schedule(value);
            }}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Escape') {
                e.preventDefault();
                void finishEdit();
              }
            }}
          />
          {writer.error && <p class="error" role="alert">{writer.error.message} Your text is still here.</p>}
        </>
      ) : (
        <p class="note-text">
          <NoteText text={note.text} />
        </p>
      )}
    </li>
  );
}
