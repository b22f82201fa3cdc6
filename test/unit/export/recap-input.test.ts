import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { loadPreviewInput, loadRecapInput } from '../../../lib/export/recap-input';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';
import { makeHighlight, makeNote, makeTalk, START } from '../recap/builders';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

const a = makeTalk({ id: 'a', key: 'ka', conferenceId: 'conf1' });
const b = makeTalk({ id: 'b', key: 'kb', conferenceId: 'conf1', startAt: START + 3_600_000 });
const c = makeTalk({
  id: 'c',
  key: 'kc',
  conferenceId: 'conf2',
  start: '2025-09-10T09:30:00-07:00',
  startAt: START + 86_400_000,
});

async function seed() {
  await db.talks.bulkAdd([a, b, c]);
  await db.conferences.bulkAdd([
    { id: 'conf1', key: 'one', name: 'Conf One', url: 'https://one.example', timeZone: null, updatedAt: 1 },
    { id: 'conf2', key: 'two', name: 'Conf Two', url: null, timeZone: null, updatedAt: 1 },
  ]);
  await db.notes.bulkAdd([makeNote('a', 'plain', 'on a', START), makeNote('c', 'plain', 'on c', START)]);
  await db.highlights.bulkAdd([
    makeHighlight('b', 'on b'),
    makeHighlight('c', 'on c'),
    makeHighlight(null as never, 'loose'),
  ]);
}

describe('loadRecapInput', () => {
  it('reads the notes and highlights of the chosen talks, and the conference most of them belong to', async () => {
    await seed();
    const input = await loadRecapInput(db, [a, b]);
    expect(input.talks.map((t) => t.id)).toEqual(['a', 'b']);
    expect(input.notes.map((n) => n.text)).toEqual(['on a']);
    expect(input.highlights.map((h) => h.quote.exact)).toEqual(['on b']);
    expect(input.conference).toEqual({
      name: 'Conf One',
      url: 'https://one.example',
      timeZone: null,
      days: expect.any(Array),
    });
    expect((await loadRecapInput(db, [a, c, c])).conference?.name).toBe('Conf Two');
  });

  it('is empty for no talks', async () => {
    expect(await loadRecapInput(db, [])).toEqual({ talks: [], notes: [], highlights: [], conference: null });
  });
});

describe('loadPreviewInput', () => {
  it('uses a built-in sample when nothing is clipped', async () => {
    const preview = await loadPreviewInput(db);
    expect(preview.input).toBe(SAMPLE_RECAP_INPUT);
    expect(preview.source).toMatch(/built-in sample/);
  });

  it('uses the newest clipped day', async () => {
    await seed();
    const preview = await loadPreviewInput(db);
    expect(preview.input.talks.map((t) => t.id)).toEqual(['c']);
    expect(preview.input.notes.map((n) => n.text)).toEqual(['on c']);
    expect(preview.source).toBe('your talks of Wed, Sep 10, 2025');
  });
});

describe("a conference's days (for 'Day 2')", () => {
  it('equal the days of every talk of the conference, read from the index without rows', async () => {
    const { exportDays } = await import('../../../lib/export/export-scope');
    // Zone → its UTC offset in minutes in mid-September 2025.
    const zones: Array<[string, number]> = [
      ['Asia/Kolkata', 330],
      ['Asia/Kathmandu', 345],
      ['America/St_Johns', -150],
      ['Pacific/Chatham', 765],
      ['Europe/Zurich', 120],
    ];
    for (const [zone, offset] of zones) {
      const fresh = new TalkmarkDB(`days-${crypto.randomUUID()}`);
      // Talks every 20 minutes over three days: some fall either side of the venue's midnight
      // inside one UTC hour (+05:30, +05:45, −02:30, +12:45 zones).
      const talks = Array.from({ length: 3 * 72 }, (_, i) =>
        makeTalk({
          id: `t${i}`,
          key: `k${i}`,
          conferenceId: 'conf',
          timeZone: zone,
          startAt: Date.UTC(2025, 8, 9) + i * 20 * 60_000 + 7 * 60_000,
        }),
      );
      // A last day whose only talk starts 10 minutes after the venue's midnight, in the same UTC
      // hour as the talk 10 minutes before it.
      const midnight = Date.UTC(2025, 8, 15) - offset * 60_000;
      for (const [i, at] of [midnight - 10 * 60_000, midnight + 10 * 60_000].entries())
        talks.push(makeTalk({ id: `m${i}`, key: `km${i}`, conferenceId: 'conf', timeZone: zone, startAt: at }));
      const other = makeTalk({
        id: 'o',
        key: 'ko',
        conferenceId: 'elsewhere',
        timeZone: zone,
        startAt: Date.UTC(2025, 0, 1),
      });
      await fresh.talks.bulkAdd([...talks, other]);
      await fresh.conferences.add({ id: 'conf', key: 'c', name: 'C', url: null, timeZone: zone, updatedAt: 1 });
      const input = await loadRecapInput(fresh, talks.slice(100, 110));
      const expected = exportDays(talks)
        .map((d) => d.key)
        .filter((k) => k !== '');
      expect(input.conference?.days, zone).toEqual(expected);
      fresh.close();
    }
  });
});
