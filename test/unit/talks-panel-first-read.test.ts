import { describe, expect, it } from 'vitest';
import { sameData } from '../../lib/db/same-data';
import { TalkmarkDB } from '../../lib/db/schema';
import { setSetting } from '../../lib/db/settings';
import { currentTalkId } from '../../lib/notes';
import { readPanelFirst } from '../../lib/talks/panel-first-read';
import { makeNote, makeTalk } from './notes/factories';

const now = Date.UTC(2026, 4, 20, 10, 10);
const talkAt = (id: string, startMin: number, endMin: number) =>
  makeTalk({ id, key: id, title: id, startAt: now + startMin * 60_000, endAt: now + endMin * 60_000, timeZone: 'UTC' });

describe('the side panel’s first read', () => {
  it('reads the talk the Now view chooses, with its notes in time order, its highlights and the user’s name', async () => {
    const db = new TalkmarkDB(`first-read-${crypto.randomUUID()}`);
    const talks = [talkAt('earlier', -90, -40), talkAt('running', -10, 30), talkAt('next', 40, 70)];
    await db.talks.bulkAdd(talks);
    const notes = [3, 1, 2].map((i) =>
      makeNote({ id: `n${i}`, talkId: 'running', text: `Note ${i}`, createdAt: now - 10 * 60_000 + i * 1000 }),
    );
    await db.notes.bulkAdd([...notes, makeNote({ id: 'other', talkId: 'earlier' })]);
    await setSetting(db, 'authorName', 'Ada');
    const read = await readPanelFirst(db, now);
    expect(read.talkId).toBe('running');
    expect(read.talkId).toBe(currentTalkId(read.nearby.talks, read.pick, now));
    expect(read.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(read.me).toBe('Ada');
    expect(read.highlights).toEqual([]);
    expect(read.nearby.total).toBe(3);
    // A pick in force wins over the talk running.
    await setSetting(db, 'pickedTalkId', 'earlier');
    await setSetting(db, 'pickedAt', now - 60_000);
    const picked = await readPanelFirst(db, now);
    expect(picked.talkId).toBe('earlier');
    expect(picked.notes.map((n) => n.id)).toEqual(['other']);
  });

  it('reads no notes when the library is empty', async () => {
    const read = await readPanelFirst(new TalkmarkDB(`first-read-${crypto.randomUUID()}`), now);
    expect(read).toMatchObject({ talkId: null, notes: [], nearby: { total: 0 } });
  });
});

describe('sameData (a live query’s first answer against the first read)', () => {
  it('compares plain records by value, anything else by identity', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData([{ id: 'n1', updatedAt: 1 }], [{ id: 'n1', updatedAt: 2 }])).toBe(false);
    expect(sameData(new Uint8Array([1]), new Uint8Array([1]))).toBe(false);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
  });
});
