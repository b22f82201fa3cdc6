import { useEffect, useRef, useState } from 'preact/hooks';
import { useDb } from './services';
import type { Note, Talk } from '../lib/model';
import {
  editSaved,
  formatNoteOffset,
  mirrorEdit,
  offsetIntoTalk,
  pendingEdit,
  pageStorage,
  setNoteTime,
  updateNoteText,
} from '../lib/notes';
import { parseOffsetInput } from '../lib/time/offset-input';
import { formatTime } from '../lib/time/zones';
import { KindBadge } from './KindBadge';
import { NoteImageThumb } from './NoteImageThumb';
import { NoteText } from './NoteText';
import { SyncConflictNote } from './SyncConflictNote';
import type { SyncConflict } from '../lib/db/sync-journal';
import { useDurableWriter } from './useDurableWriter';
import { useFocusOnMount } from './useFocusOnMount';

/** The note's text being edited: the caret goes to its end as it opens. */
function EditBox(props: { value: string; onInput: (value: string) => void; onDone: () => void }) {
  const box = useRef<HTMLTextAreaElement>(null);
  useFocusOnMount(box, 'end');
  return (
    <textarea
      ref={box}
      aria-label="Edit note"
      value={props.value}
      rows={Math.min(8, props.value.split('\n').length + 1)}
      onInput={(e) => props.onInput((e.target as HTMLTextAreaElement).value)}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' && !e.shiftKey && !e.isComposing) || e.key === 'Escape') {
          e.preventDefault();
          props.onDone();
        }
      }}
    />
  );
}

/** The time into the talk being retyped: selected as it opens, so typing replaces it. */
function TimeBox(props: { value: string; onSave: (value: string) => void; onCancel: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useFocusOnMount(input, 'all');
  return (
    <input
      ref={input}
      aria-label="Time into the talk"
      class="offset-input"
      defaultValue={props.value}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          props.onSave((e.target as HTMLInputElement).value);
        }
        if (e.key === 'Escape') props.onCancel();
      }}
    />
  );
}

export interface NoteItemProps {
  note: Note;
  talk: Talk;
  viewerZone: string;
  /**
   * Someone else's name when they wrote the note (a team's shared database): the note shows it
   * and is read-only here — no edit, no time change, no delete, as those would change their
   * note on every machine. Null: the user's own note.
   */
  byOther?: string | null;
  onDelete: (note: Note) => void;
  /** Another machine's version of this note, when both were edited at once (sync). */
  conflict?: SyncConflict;
}

/** One note: kind, offset into the talk and wall-clock time; editable in place, deletable. */
export function NoteItem({ note, talk, viewerZone, byOther = null, onDelete, conflict }: NoteItemProps) {
  const db = useDb();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [editingTime, setEditingTime] = useState(false);
  const [timeError, setTimeError] = useState<string | null>(null);
  // When an editor closes from the keyboard, the caret goes back to the button that opened it
  // (the editor is gone; left alone, the focus would fall to the page's <body>).
  const editButton = useRef<HTMLButtonElement>(null);
  const timeButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState<'edit' | 'time' | null>(null);
  useEffect(() => {
    if (!refocus) return;
    (refocus === 'edit' ? editButton : timeButton).current?.focus();
    setRefocus(null);
  }, [refocus, editing, editingTime]);
  // Every keystroke is mirrored at once; the mirror goes when IndexedDB holds the text.
  const writer = useDurableWriter(async (value) => {
    const result = await updateNoteText(db, note.id, value);
    if (result.ok) editSaved(pageStorage(), 'note', note.id, value);
    return result;
  });
  const offset = offsetIntoTalk(talk, note.createdAt);
  const offsetText = offset === null ? null : formatNoteOffset(offset);
  const wall = formatTime(note.createdAt, viewerZone);

  /** The editor stays open, with the text and the reason, when the last write failed. */
  const finishEdit = async (fromKeyboard = false) => {
    if (!(await writer.flush())) return;
    setEditing(false);
    if (fromKeyboard) setRefocus('edit');
  };

  const saveTime = async (input: string) => {
    const ms = parseOffsetInput(input);
    if (ms === null || talk.startAt === null) return setTimeError('Type the time into the talk as m:ss, e.g. 12:34.');
    const result = await setNoteTime(db, note.id, talk.startAt + ms);
    if (!result.ok) return setTimeError(result.error.message);
    setTimeError(null);
    setEditingTime(false);
    setRefocus('time');
  };

  return (
    <li class={`note note-${note.kind}`} data-note-id={note.id}>
      <div class="note-meta">
        <KindBadge kind={note.kind} />
        {editingTime ? (
          <TimeBox
            value={offsetText ?? ''}
            onSave={(v) => void saveTime(v)}
            onCancel={() => (setEditingTime(false), setRefocus('time'))}
          />
        ) : offsetText !== null && byOther !== null ? (
          <span>{offsetText}</span>
        ) : offsetText !== null ? (
          <button
            ref={timeButton}
            type="button"
            class="link-button"
            aria-label={`${offsetText} into the talk, change time`}
            onClick={() => setEditingTime(true)}
          >
            {offsetText}
          </button>
        ) : null}
        <time class="muted" dateTime={new Date(note.createdAt).toISOString()}>
          {wall}
        </time>
        {byOther !== null ? (
          <span class="note-author" title={`Written by ${byOther}; only they can change it`}>
            <span class="visually-hidden">Written by </span>
            {byOther}
          </span>
        ) : (
          <span class="note-actions">
            <button
              ref={editButton}
              type="button"
              class="link-button"
              onClick={() => {
                if (editing) return void finishEdit();
                // An edit a closed panel left in the mirror (not yet written back) is where typing resumes.
                const left = pendingEdit(pageStorage(), 'note', note.id)?.text;
                setText(left ?? note.text);
                if (left && left !== note.text) writer.schedule(left);
                setEditing(true);
              }}
            >
              {editing ? 'Done' : 'Edit'}
            </button>
            <button type="button" class="link-button" aria-label="Delete note" onClick={() => onDelete(note)}>
              Delete
            </button>
          </span>
        )}
      </div>
      {timeError && (
        <p class="error" role="alert">
          {timeError}
        </p>
      )}
      {editing ? (
        <>
          <EditBox
            value={text}
            onInput={(value) => {
              setText(value);
              if (!value.trim()) return;
              mirrorEdit(pageStorage(), 'note', note.id, value, note.text);
              writer.schedule(value);
            }}
            onDone={() => void finishEdit(true)}
          />
          {writer.error && (
            <p class="error" role="alert">
              {writer.error.message} Your text is still here.
            </p>
          )}
        </>
      ) : (
        <p class="note-text">
          <NoteText text={note.text} />
        </p>
      )}
      {note.imageId && (
        <NoteImageThumb
          imageId={note.imageId}
          alt={note.text}
          cropTalkId={note.kind === 'slide' ? note.talkId : undefined}
        />
      )}
      {conflict && <SyncConflictNote conflict={conflict} />}
    </li>
  );
}
