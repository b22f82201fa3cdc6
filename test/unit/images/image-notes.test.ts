import { beforeEach, describe, expect, it } from 'vitest';
import { openHistoricalSchema } from '../../../lib/backup/schema-history';
import { seedDatabase } from '../../../lib/backup/seed';
import { TalkmarkDB } from '../../../lib/db/schema';
import type { StorageResult } from '../../../lib/db/storage-errors';
import { addImageNote, deleteNoteAndImage, getImage, restoreDeletedNote } from '../../../lib/images/image-notes';
import { prepareImage, type PreparedImage } from '../../../lib/images/prepare';
import { listNotes } from '../../../lib/notes/notes-store';
import { databaseFixtures } from '../backup/fixtures';
import { makeTalk } from '../notes/factories';
import { fixtureCodec, imageFixture } from './fixtures';

let db: TalkmarkDB;
const talk = makeTalk({ id: 'talk-1', startAt: 1_700_000_000_000 });

function value<T>(r: StorageResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

async function prepared(file: string): Promise<PreparedImage> {
  const result = await prepareImage(imageFixture(file), fixtureCodec().codec);
  if (!result.ok) throw new Error(result.reason);
  return result.image;
}

beforeEach(async () => {
  db = new TalkmarkDB(`images-${crypto.randomUUID()}`);
  await db.talks.add(talk);
});

describe('image notes', () => {
  it('stores the note and its image together, linked both ways, at the given instant', async () => {
    const image = await prepared('big-2400x1200.jpg');
    const at = talk.startAt! + 5 * 60_000;
    const added = value(
      await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', at, image }, { now: at + 10 }),
    );
    expect(added.duplicate).toBe(false);
    expect(added.note).toMatchObject({
      talkId: talk.id,
      kind: 'slide',
      text: 'Slide',
      createdAt: at,
      imageId: added.image.id,
    });
    const stored = await getImage(db, added.note.imageId!);
    expect(stored).toMatchObject({ noteId: added.note.id, talkId: talk.id, width: 1920, height: 960, createdAt: at });
    expect(new Uint8Array(stored!.bytes)).toEqual(new Uint8Array(image.bytes));
    expect(new Uint8Array(stored!.thumb)).toEqual(new Uint8Array(image.thumb));
  });

  it('does not store the same capture twice in a row, but does after another image', async () => {
    const a = await prepared('big-2400x1200.jpg');
    const b = await prepared('slide-300x200.png');
    const first = value(await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', at: 1, image: a }));
    const again = value(await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', at: 2, image: a }));
    expect(again).toMatchObject({ duplicate: true, note: { id: first.note.id } });
    expect(await db.images.count()).toBe(1);
    value(await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', at: 3, image: b }));
    const back = value(await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', at: 4, image: a }));
    expect(back.duplicate).toBe(false);
    expect(await db.images.count()).toBe(3);
    expect((await listNotes(db, talk.id)).map((n) => n.createdAt)).toEqual([1, 3, 4]);
  });

  it('writes nothing when the disk is full, and says why in words', async () => {
    const image = await prepared('big-2400x1200.jpg');
    // The note is added first; the image write then hits the quota: the note must not stay.
    db.images.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', image });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('quota');
    expect(result.error.message).toMatch(/storage is full/i);
    expect(await db.notes.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });

  it('refuses a talk that is gone', async () => {
    const image = await prepared('slide-300x200.png');
    const result = await addImageNote(db, { talkId: 'nope', kind: 'slide', text: '', image });
    expect(!result.ok && result.error.kind).toBe('missing');
    expect(await db.images.count()).toBe(0);
  });

  it('deletes the note with its image, and Undo brings both back byte for byte', async () => {
    const image = await prepared('slide-300x200.jpg');
    const added = value(await addImageNote(db, { talkId: talk.id, kind: 'plain', text: 'Speaker on stage', image }));
    const deleted = value(await deleteNoteAndImage(db, added.note.id));
    expect([await db.notes.count(), await db.images.count()]).toEqual([0, 0]);
    value(await restoreDeletedNote(db, deleted));
    expect(await db.notes.get(added.note.id)).toEqual(added.note);
    expect(new Uint8Array((await getImage(db, added.image.id))!.bytes)).toEqual(new Uint8Array(image.bytes));
    expect(!(await deleteNoteAndImage(db, 'gone')).ok).toBe(true);
  });
});

describe('schema v3 upgrade', () => {
  it('opens a v1 database with data, keeps every note, and takes image notes on its talks', async () => {
    const v1 = databaseFixtures().find((f) => f.schemaVersion === 1)!;
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openHistoricalSchema(name, 1);
    await seedDatabase(old, v1.data);
    old.close();
    const upgraded = new TalkmarkDB(name);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(3);
    const notes = v1.data.notes as Array<{ id: string; talkId: string }>;
    expect(await upgraded.notes.count()).toBe(notes.length);
    expect(await upgraded.images.count()).toBe(0);
    const talkId = notes[0]!.talkId;
    const added = value(
      await addImageNote(upgraded, { talkId, kind: 'slide', text: '', image: await prepared('slide-300x200.png') }),
    );
    expect((await listNotes(upgraded, talkId)).map((n) => n.id)).toContain(added.note.id);
    // Old notes have no image field at all: nothing was rewritten.
    expect((await upgraded.notes.get(notes[0]!.id))?.imageId).toBeUndefined();
  });
});

describe('deleting a talk', () => {
  it('takes its notes’ pictures along, and Undo brings them back', async () => {
    const { deleteTalk, restoreTalk } = await import('../../../lib/talks/edit');
    const added = value(
      await addImageNote(db, { talkId: talk.id, kind: 'slide', text: '', image: await prepared('slide-300x200.png') }),
    );
    const deleted = await deleteTalk(db, talk.id);
    expect([await db.notes.count(), await db.images.count()]).toEqual([0, 0]);
    await restoreTalk(db, deleted);
    expect(await getImage(db, added.image.id)).toEqual(added.image);
  });
});
