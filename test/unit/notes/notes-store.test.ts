import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { loadDraft, saveDraft } from '../../../lib/notes/drafts';
import {
  MAX_NOTE_CHARS,
  addNote,
  deleteNote,
  listNotes,
  restoreNote,
  setNoteTime,
  updateNoteText,
} from '../../../lib/notes/notes-store';
import type { StorageResult } from '../../../lib/db/storage-errors';
import { makeTalk } from './factories';

let db: TalkmarkDB;
const talk = makeTalk({ id: 'talk-1' });

beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.talks.add(talk);
});

function value<T>(r: StorageResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

describe('notes', () => {
  it('adds notes and lists them in time order, not insertion order', async () => {
    value(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'second', at: 2000 }, { now: 5000, id: 'n2' }));
    value(await addNote(db, { talkId: talk.id, kind: 'takeaway', text: 'first', at: 1000 }, { now: 5000, id: 'n1' }));
    await db.talks.add(makeTalk({ id: 'talk-2' }));
    value(await addNote(db, { talkId: 'talk-2', kind: 'plain', text: 'elsewhere', at: 1500 }));
    const notes = await listNotes(db, talk.id);
    expect(notes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(notes[0]).toEqual({
      id: 'n1',
      talkId: talk.id,
      kind: 'takeaway',
      text: 'first',
      createdAt: 1000,
      updatedAt: 5000,
    });
  });

  it('defaults the note time to now', async () => {
    const note = value(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'x' }, { now: 7777 }));
    expect(note).toMatchObject({ createdAt: 7777, updatedAt: 7777 });
  });

  it('rejects empty text, unknown kinds, bad times and unknown talks as typed failures', async () => {
    expect(await addNote(db, { talkId: talk.id, kind: 'plain', text: '   ' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await addNote(db, { talkId: talk.id, kind: 'nope' as never, text: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'x', at: Number.NaN })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await addNote(db, { talkId: 'gone', kind: 'plain', text: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'missing' },
    });
    expect(await db.notes.count()).toBe(0);
  });

  it('edits text and time, bumping updatedAt', async () => {
    value(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'old', at: 1000 }, { now: 1000, id: 'n' }));
    expect(value(await updateNoteText(db, 'n', 'new', 2000))).toMatchObject({
      text: 'new',
      updatedAt: 2000,
      createdAt: 1000,
    });
    expect(value(await setNoteTime(db, 'n', 500, 4000))).toMatchObject({
      createdAt: 500,
      updatedAt: 4000,
      text: 'new',
    });
    expect(await db.notes.get('n')).toMatchObject({ text: 'new', kind: 'plain', createdAt: 500 });
  });

  it('a corrected time reorders the list', async () => {
    value(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'a', at: 1000 }, { id: 'a' }));
    value(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'b', at: 2000 }, { id: 'b' }));
    value(await setNoteTime(db, 'b', 500));
    expect((await listNotes(db, talk.id)).map((n) => n.id)).toEqual(['b', 'a']);
  });

  it('edits of a missing note fail as missing; invalid edits change nothing', async () => {
    expect(await updateNoteText(db, 'ghost', 'x')).toMatchObject({ ok: false, error: { kind: 'missing' } });
    expect(await setNoteTime(db, 'ghost', 1)).toMatchObject({ ok: false, error: { kind: 'missing' } });
    value(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'keep', at: 1 }, { id: 'n' }));
    expect(await updateNoteText(db, 'n', '')).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await setNoteTime(db, 'n', Number.POSITIVE_INFINITY)).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await db.notes.get('n')).toMatchObject({ text: 'keep', createdAt: 1 });
  });

  it('delete returns the record and restore puts it back unchanged', async () => {
    const note = value(await addNote(db, { talkId: talk.id, kind: 'quote', text: 'undo me', at: 10 }, { now: 20 }));
    const deleted = value(await deleteNote(db, note.id));
    expect(deleted).toEqual(note);
    expect(await db.notes.get(note.id)).toBeUndefined();
    expect(await deleteNote(db, note.id)).toMatchObject({ ok: false, error: { kind: 'missing' } });
    value(await restoreNote(db, deleted));
    value(await restoreNote(db, deleted));
    expect(await listNotes(db, talk.id)).toEqual([note]);
  });
});

describe('write failures', () => {
  it('a quota error inside the transaction comes back as kind "quota" and nothing is written', async () => {
    db.notes.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await addNote(db, { talkId: talk.id, kind: 'plain', text: 'x' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'quota' } });
    expect(await db.notes.count()).toBe(0);
  });

  it('a closed database comes back as kind "closed" for every write', async () => {
    db.close();
    const results = await Promise.all([
      addNote(db, { talkId: talk.id, kind: 'plain', text: 'x' }),
      updateNoteText(db, 'n', 'x'),
      setNoteTime(db, 'n', 1),
      deleteNote(db, 'n'),
      restoreNote(db, { id: 'n', talkId: talk.id, kind: 'plain', text: 'x', createdAt: 1, updatedAt: 1 }),
      saveDraft(db, 'k', 'x'),
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: false, error: { kind: 'closed' } });
  });
});

describe('drafts', () => {
  it('saves, overwrites, loads and clears', async () => {
    expect(await loadDraft(db, 'none')).toBeNull();
    value(await saveDraft(db, 'none', 'half a thought', 1));
    value(await saveDraft(db, 'none', 'half a thought, finished', 2));
    expect(await loadDraft(db, 'none')).toEqual({ key: 'none', text: 'half a thought, finished', updatedAt: 2 });
    value(await saveDraft(db, 'none', '   ', 3));
    expect(await loadDraft(db, 'none')).toBeNull();
  });

  it('keeps the text exactly, and an emptied composer removes the draft', async () => {
    value(await saveDraft(db, 'k', '  ! spaced\n', 1));
    expect((await loadDraft(db, 'k'))?.text).toBe('  ! spaced\n');
    expect(value(await saveDraft(db, 'k', ' \n ', 2))).toBeNull();
    expect(await loadDraft(db, 'k')).toBeNull();
  });
});

describe('limits', () => {
  it('refuses a runaway note or draft and an out-of-range time', async () => {
    const huge = 'x'.repeat(MAX_NOTE_CHARS + 1);
    expect(await addNote(db, { talkId: talk.id, kind: 'plain', text: huge })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await saveDraft(db, 'k', huge)).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await addNote(db, { talkId: talk.id, kind: 'plain', text: 'x', at: 1e300 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
  });
});
