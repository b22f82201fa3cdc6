import Dexie from 'dexie';
import type { TalkmarkDB } from '../db/schema';
import { NOTE_KINDS, type Note, type NoteKind } from '../model';
import { attemptWrite, StorageError, type StorageResult } from '../db/storage-errors';
import { ownAuthor } from '../db/settings';

/**
 * Note writes for the side panel. Every write returns a `StorageResult` instead of throwing, so
 * a full disk or a closed database becomes a message next to the composer, not a lost note.
 * Reads (`listNotes`) reject normally.
 */

export interface NewNote {
  talkId: string;
  kind: NoteKind;
  text: string;
  /** The instant the note is about; defaults to `now`. */
  at?: number;
}

export interface AddNoteOptions {
  now?: number;
  /** Fixed id (tests, imports); a random UUID otherwise. */
  id?: string;
}

/** Far beyond any typed note; keeps a runaway paste from filling the quota (backups accept more). */
export const MAX_NOTE_CHARS = 1_000_000;
/** The range a JS Date can represent; backups reject anything outside it. */
const MAX_TIME_MS = 8.64e15;

function checkText(text: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new StorageError('invalid', 'A note needs some text.');
  if (text.length > MAX_NOTE_CHARS) throw new StorageError('invalid', 'This note is too long to save; split it up.');
  return text;
}

function checkInstant(at: number): number {
  if (!Number.isFinite(at) || Math.abs(at) > MAX_TIME_MS)
    throw new StorageError('invalid', 'That is not a valid time for a note.');
  return at;
}

function checkKind(kind: NoteKind): NoteKind {
  if (!NOTE_KINDS.includes(kind)) throw new StorageError('invalid', `Unknown note kind "${String(kind)}".`);
  return kind;
}

const missingNote = () => new StorageError('missing', 'This note no longer exists (deleted elsewhere?).');

export function addNote(db: TalkmarkDB, input: NewNote, options: AddNoteOptions = {}): Promise<StorageResult<Note>> {
  return attemptWrite(async () => {
    const now = options.now ?? Date.now();
    const note: Note = {
      id: options.id ?? crypto.randomUUID(),
      talkId: input.talkId,
      kind: checkKind(input.kind),
      text: checkText(input.text),
      createdAt: checkInstant(input.at ?? now),
      updatedAt: now,
    };
    await db.transaction('rw', db.notes, db.talks, db.settings, async () => {
      // Both reads in one round trip: each IndexedDB result is a task of its own, and after a real
      // key press each waits behind the frame the emptied note box asks for (bench row 3b).
      const [talk, author] = await Promise.all([db.talks.get(input.talkId), ownAuthor(db)]);
      if (!talk) throw new StorageError('missing', 'The talk for this note no longer exists.');
      if (author) note.author = author;
      await db.notes.add(note);
    });
    return note;
  });
}

type NoteChanges = Partial<Pick<Note, 'text' | 'kind' | 'createdAt'>>;

/** Validates, then read-modify-writes one note in a transaction; `missing` when it is gone. */
function changeNote(db: TalkmarkDB, id: string, changes: () => NoteChanges, now: number): Promise<StorageResult<Note>> {
  return attemptWrite(async () => {
    const valid = changes();
    return db.transaction('rw', db.notes, async () => {
      const old = await db.notes.get(id);
      if (!old) throw missingNote();
      const next: Note = { ...old, ...valid, updatedAt: now };
      await db.notes.put(next);
      return next;
    });
  });
}

export function updateNoteText(
  db: TalkmarkDB,
  id: string,
  text: string,
  now = Date.now(),
): Promise<StorageResult<Note>> {
  return changeNote(db, id, () => ({ text: checkText(text) }), now);
}

/** Timestamp correction: moves the note to `at` (a late note moved back to the slide it is about). */
export function setNoteTime(db: TalkmarkDB, id: string, at: number, now = Date.now()): Promise<StorageResult<Note>> {
  return changeNote(db, id, () => ({ createdAt: checkInstant(at) }), now);
}

/** Deletes a note and hands back the record, so the UI can offer Undo via `restoreNote`. */
export function deleteNote(db: TalkmarkDB, id: string): Promise<StorageResult<Note>> {
  return attemptWrite(() =>
    db.transaction('rw', db.notes, async () => {
      const old = await db.notes.get(id);
      if (!old) throw missingNote();
      await db.notes.delete(id);
      return old;
    }),
  );
}

/** Puts a deleted note back exactly as it was (same id, times and text). Idempotent. */
export function restoreNote(db: TalkmarkDB, note: Note): Promise<StorageResult<Note>> {
  return attemptWrite(async () => {
    await db.notes.put(note);
    return note;
  });
}

/** A talk's notes in time order (the `[talkId+createdAt]` index), ties by id. */
export function listNotes(db: TalkmarkDB, talkId: string): Promise<Note[]> {
  return db.notes.where('[talkId+createdAt]').between([talkId, Dexie.minKey], [talkId, Dexie.maxKey]).toArray();
}

/** Which of these note ids are stored (a note sent just before the panel closed may not be). */
export async function storedNoteIds(db: TalkmarkDB, ids: readonly string[]): Promise<Set<string>> {
  const found = await db.notes.bulkGet(ids as string[]);
  return new Set(found.filter((n): n is Note => !!n).map((n) => n.id));
}
