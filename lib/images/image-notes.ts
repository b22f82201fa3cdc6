import Dexie from 'dexie';
import type { TalkmarkDB } from '../db/schema';
import { attemptWrite, StorageError, type StorageResult } from '../db/storage-errors';
import { ownAuthor } from '../db/settings';
import type { Note, NoteImage, NoteKind } from '../model';
import { type ImageCodec, type PrepareOptions, prepareImage, type PreparedImage } from './prepare';

/**
 * Notes that carry a picture. The note and its image are written in one transaction: a full disk
 * (QuotaExceededError) aborts both, so there is never a note pointing at a missing image nor an
 * image without its note. Every write returns a `StorageResult`, as note writes do.
 */

export interface NewImageNote {
  talkId: string;
  kind: NoteKind;
  /** The note's text ("Slide" for a snapshot, the caption typed with a photo). */
  text: string;
  /** The instant the note is about; defaults to `now`. */
  at?: number;
  image: PreparedImage;
}

export interface AddedImageNote {
  note: Note;
  image: NoteImage;
  /** The talk's last image had the same source bytes: nothing was written, this is that note. */
  duplicate: boolean;
}

/** The talk's most recent image (by the instant its note is about). */
export function lastImageOf(db: TalkmarkDB, talkId: string): Promise<NoteImage | undefined> {
  return db.images.where('[talkId+createdAt]').between([talkId, Dexie.minKey], [talkId, Dexie.maxKey]).last();
}

export function addImageNote(
  db: TalkmarkDB,
  input: NewImageNote,
  options: { now?: number; id?: string } = {},
): Promise<StorageResult<AddedImageNote>> {
  return attemptWrite(async () => {
    const now = options.now ?? Date.now();
    const at = input.at ?? now;
    if (!Number.isFinite(at)) throw new StorageError('invalid', 'That is not a valid time for a note.');
    const text = input.text.trim() ? input.text : 'Slide';
    const noteId = options.id ?? crypto.randomUUID();
    return db.transaction('rw', [db.notes, db.talks, db.images, db.settings], async () => {
      if (!(await db.talks.get(input.talkId)))
        throw new StorageError('missing', 'The talk for this note no longer exists.');
      // Identical consecutive captures (the same slide shot twice) are stored once.
      const last = await lastImageOf(db, input.talkId);
      if (last && last.sourceHash === input.image.sourceHash) {
        const existing = await db.notes.get(last.noteId);
        if (existing) return { note: existing, image: last, duplicate: true };
      }
      const image: NoteImage = { id: crypto.randomUUID(), noteId, talkId: input.talkId, createdAt: at, ...input.image };
      const note: Note = {
        id: noteId,
        talkId: input.talkId,
        kind: input.kind,
        text,
        createdAt: at,
        updatedAt: now,
        imageId: image.id,
      };
      const author = await ownAuthor(db);
      if (author) note.author = author;
      await db.notes.add(note);
      await db.images.add(image);
      return { note, image, duplicate: false };
    });
  });
}

/**
 * Checks, downscales and stores raw image bytes (a capture, a pasted or dropped file) as a note.
 * A refused image is an `invalid` failure whose message says why ("Only PNG, JPEG and WebP…").
 */
export async function addImageNoteFromBytes(
  db: TalkmarkDB,
  bytes: Uint8Array,
  codec: ImageCodec,
  input: Omit<NewImageNote, 'image'>,
  options: PrepareOptions & { now?: number; id?: string } = {},
): Promise<StorageResult<AddedImageNote>> {
  const prepared = await prepareImage(bytes, codec, options);
  if (!prepared.ok) return { ok: false, error: { kind: 'invalid', message: prepared.reason } };
  return addImageNote(db, { ...input, image: prepared.image }, options);
}

export function getImage(db: TalkmarkDB, id: string): Promise<NoteImage | undefined> {
  return db.images.get(id);
}

export interface DeletedNote {
  note: Note;
  image: NoteImage | null;
}

/** Deletes a note and its image together, handing both back for Undo (`restoreDeletedNote`). */
export function deleteNoteAndImage(db: TalkmarkDB, id: string): Promise<StorageResult<DeletedNote>> {
  return attemptWrite(() =>
    db.transaction('rw', db.notes, db.images, async () => {
      const note = await db.notes.get(id);
      if (!note) throw new StorageError('missing', 'This note no longer exists (deleted elsewhere?).');
      const found = note.imageId === undefined ? undefined : await db.images.get(note.imageId);
      await db.notes.delete(id);
      if (found !== undefined) await db.images.delete(found.id);
      return { note, image: found ?? null };
    }),
  );
}

/** Puts a deleted note and its image back exactly as they were. Idempotent. */
export function restoreDeletedNote(db: TalkmarkDB, deleted: DeletedNote): Promise<StorageResult<DeletedNote>> {
  return attemptWrite(() =>
    db.transaction('rw', db.notes, db.images, async () => {
      await db.notes.put(deleted.note);
      if (deleted.image) await db.images.put(deleted.image);
      return deleted;
    }),
  );
}
