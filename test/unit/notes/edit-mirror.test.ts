import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import type { Highlight } from '../../../lib/model';
import { editSaved, mirrorEdit, pendingEdit, recoverEdits } from '../../../lib/notes/edit-mirror';
import { memoryStorage } from '../helpers';
import { makeNote, makeTalk } from './factories';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

async function storedNote(text: string, updatedAt = 1000) {
  const talk = makeTalk();
  await db.talks.add(talk);
  const note = makeNote({ talkId: talk.id, text, updatedAt });
  await db.notes.add(note);
  return note;
}

const highlight = (talkId: string, over: Partial<Highlight> = {}): Highlight => ({
  id: crypto.randomUUID(),
  talkId,
  pageUrl: 'https://blog.example/post',
  pageTitle: 'Post',
  color: 'yellow',
  comment: '',
  quote: { type: 'TextQuoteSelector', exact: 'a quote', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 7 },
  createdAt: 1000,
  updatedAt: 1000,
  orphanedAt: null,
  ...over,
});

describe('edit mirror', () => {
  it('writes back an edit typed over the stored text, then forgets it', async () => {
    const note = await storedNote('before');
    const s = memoryStorage();
    mirrorEdit(s, 'note', note.id, 'after the panel closed', 'before', 2000);
    expect(await recoverEdits(db, s, 3000)).toBe(1);
    expect(await db.notes.get(note.id)).toMatchObject({ text: 'after the panel closed', updatedAt: 3000 });
    expect(s.data.size).toBe(0);
  });

  it('writes it back even when the record changed since in another way (re-timed), its text untouched', async () => {
    const note = await storedNote('before', 1000);
    const s = memoryStorage();
    mirrorEdit(s, 'note', note.id, 'typed, then the panel closed', 'before', 2000);
    await db.notes.update(note.id, { createdAt: 5, updatedAt: 9000 }); // re-timed later
    expect(await recoverEdits(db, s)).toBe(1);
    expect((await db.notes.get(note.id))?.text).toBe('typed, then the panel closed');
  });

  it('drops an edit the record already holds, one of a deleted record, and one a later edit replaced', async () => {
    const held = await storedNote('same');
    const replaced = await storedNote('edited in another panel later', 9000);
    const s = memoryStorage();
    mirrorEdit(s, 'note', held.id, 'same', 'older', 2000);
    mirrorEdit(s, 'note', replaced.id, 'stale', 'the text before either edit', 2000);
    mirrorEdit(s, 'note', 'deleted-note', 'orphan', 'x', 2000);
    s.data.set('talkmark:draft:talk-1', JSON.stringify({ text: 'a composer draft', at: 1 }));
    s.data.set('talkmark:draft:edit:unknown-kind:x', JSON.stringify({ text: 'ignored', base: '', at: 3000 }));
    expect(await recoverEdits(db, s)).toBe(0);
    expect((await db.notes.get(replaced.id))?.text).toBe('edited in another panel later');
    expect((await db.notes.get(held.id))?.updatedAt).toBe(1000);
    // Only edit mirrors of known kinds are touched: the composer's draft stays.
    expect([...s.data.keys()].sort()).toEqual(['talkmark:draft:edit:unknown-kind:x', 'talkmark:draft:talk-1']);
  });

  it('keeps the mirror when the text cannot be stored, and moves its base as writes land', async () => {
    const note = await storedNote('before');
    const s = memoryStorage();
    mirrorEdit(s, 'note', note.id, 'x'.repeat(1_000_001), 'before', 2000); // over the note length limit
    expect(await recoverEdits(db, s)).toBe(0);
    expect(s.data.size).toBe(1);
    mirrorEdit(s, 'note', note.id, 'typed on', 'before', 3000);
    editSaved(s, 'note', note.id, 'typed'); // an older value landed: the newer text stays, over the new base
    expect(pendingEdit(s, 'note', note.id)).toEqual({ text: 'typed on', base: 'typed', at: 3000 });
    editSaved(s, 'note', note.id, 'typed on');
    expect(s.data.size).toBe(0);
  });

  it('writes back a highlight comment typed as the panel closed, after the highlight was recoloured', async () => {
    const talk = makeTalk();
    await db.talks.add(talk);
    const h = highlight(talk.id);
    await db.highlights.add(h);
    const s = memoryStorage();
    mirrorEdit(s, 'comment', h.id, 'why this matters', '', 2000);
    await db.highlights.update(h.id, { color: 'blue', updatedAt: 5000 });
    expect(await recoverEdits(db, s)).toBe(1);
    expect(await db.highlights.get(h.id)).toMatchObject({ comment: 'why this matters', color: 'blue' });
  });
});
