import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { forgetEdit, mirrorEdit, recoverEdits } from '../../../lib/notes/edit-mirror';
import { memoryStorage } from '../helpers';
import { makeNote, makeTalk } from './factories';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('edit mirror', () => {
  it('writes back an edit newer than the stored note, then forgets it', async () => {
    const talk = makeTalk();
    await db.talks.add(talk);
    const note = makeNote({ talkId: talk.id, text: 'before', updatedAt: 1000 });
    await db.notes.add(note);
    const s = memoryStorage();
    mirrorEdit(s, 'note', note.id, 'after the panel closed', 2000);
    expect(await recoverEdits(db, s)).toBe(1);
    expect((await db.notes.get(note.id))?.text).toBe('after the panel closed');
    expect(s.data.size).toBe(0);
  });

  it('forgets an edit the note already holds, an older one, and one of a deleted note, without writing', async () => {
    const talk = makeTalk();
    await db.talks.add(talk);
    const held = makeNote({ talkId: talk.id, text: 'same', updatedAt: 1000 });
    const newer = makeNote({ talkId: talk.id, text: 'edited on another path later', updatedAt: 5000 });
    await db.notes.bulkAdd([held, newer]);
    const s = memoryStorage();
    mirrorEdit(s, 'note', held.id, 'same', 2000);
    mirrorEdit(s, 'note', newer.id, 'stale', 2000);
    mirrorEdit(s, 'note', 'deleted-note', 'orphan', 2000);
    s.data.set('talkmark:draft:talk-1', JSON.stringify({ text: 'a composer draft', at: 1 }));
    expect(await recoverEdits(db, s)).toBe(0);
    expect((await db.notes.get(newer.id))?.text).toBe('edited on another path later');
    expect((await db.notes.get(held.id))?.updatedAt).toBe(1000);
    // Only edit mirrors are touched: the composer's draft stays.
    expect([...s.data.keys()]).toEqual(['talkmark:draft:talk-1']);
  });

  it('keeps the mirror when the write fails, and only forgets the text that was saved', async () => {
    const talk = makeTalk();
    await db.talks.add(talk);
    const note = makeNote({ talkId: talk.id, text: 'before', updatedAt: 1000 });
    await db.notes.add(note);
    const s = memoryStorage();
    mirrorEdit(s, 'note', note.id, 'x'.repeat(1_000_001), 2000); // over the note length limit: the write is refused
    expect(await recoverEdits(db, s)).toBe(0);
    expect(s.data.size).toBe(1);
    mirrorEdit(s, 'note', note.id, 'typed on', 3000);
    forgetEdit(s, 'note', note.id, 'typed'); // an older value was saved: the newer one stays
    expect(s.data.size).toBe(1);
    forgetEdit(s, 'note', note.id, 'typed on');
    expect(s.data.size).toBe(0);
  });

  it('writes back a highlight comment typed as the panel closed', async () => {
    const talk = makeTalk();
    await db.talks.add(talk);
    const id = crypto.randomUUID();
    await db.highlights.add({
      id, talkId: talk.id, pageUrl: 'https://blog.example/post', pageTitle: 'Post', color: 'yellow', comment: '',
      quote: { type: 'TextQuoteSelector', exact: 'a quote', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 7 },
      createdAt: 1000, updatedAt: 1000, orphanedAt: null,
    });
    const s = memoryStorage();
    mirrorEdit(s, 'comment', id, 'why this matters', 2000);
    s.data.set('talkmark:draft:edit:unknown-kind:x', JSON.stringify({ text: 'ignored', at: 3000 }));
    expect(await recoverEdits(db, s)).toBe(1);
    expect((await db.highlights.get(id))?.comment).toBe('why this matters');
    expect([...s.data.keys()]).toEqual(['talkmark:draft:edit:unknown-kind:x']);
  });
});
