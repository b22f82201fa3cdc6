import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import type { Talk } from '../../lib/model';
import { groupByDay } from '../../lib/talks/agenda';
import { readAgendaTalks } from '../../lib/talks/agenda-pages';
import { makeTalk } from './notes/factories';

const HOUR = 60 * 60_000;
const DAY0 = Date.UTC(2026, 4, 12);
const ZONES = ['Pacific/Kiritimati', 'Asia/Tokyo', 'Europe/Berlin', 'UTC', 'America/New_York', 'Pacific/Pago_Pago'];

let db: TalkmarkDB | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

async function store(talks: Talk[]): Promise<TalkmarkDB> {
  db = new TalkmarkDB(`agenda-pages-${Math.random()}`);
  await db.talks.bulkPut(talks);
  return db;
}

const talkArb = fc.record({
  // Several days, a gap of weeks between two conferences, some talks without a time.
  hour: fc.option(fc.integer({ min: 0, max: 24 * 40 }), { freq: 12 }),
  zone: fc.constantFrom(...ZONES),
  title: fc.constantFrom('A', 'B', 'C'),
});
const toTalks = (specs: Array<{ hour: number | null; zone: string; title: string }>) =>
  specs.map((s, i) =>
    makeTalk({
      id: `t${String(i).padStart(4, '0')}`,
      key: `k${i}`,
      title: s.title,
      startAt: s.hour === null ? null : DAY0 + (s.hour > 24 * 10 ? s.hour + 24 * 20 : s.hour) * HOUR,
      timeZone: s.zone,
      url: `https://conf.example/${i}`,
    }),
  );

describe('readAgendaTalks: the Agenda read a day at a time', () => {
  it('returns whole days: its groups are the first groups of the whole library, in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(talkArb, { maxLength: 60 }), fc.integer({ min: 1, max: 70 }), async (specs, wanted) => {
        const talks = toTalks(specs);
        const d = await store(talks);
        const page = await readAgendaTalks(d, wanted);
        await d.delete();
        db = null;
        const all = groupByDay(talks);
        const got = groupByDay(page.talks);
        expect(got).toEqual(all.slice(0, got.length));
        const count = page.talks.length;
        // Enough for what was asked, or every talk; complete exactly when every talk is there.
        expect(count >= wanted || count === talks.length).toBe(true);
        expect(page.complete).toBe(count === talks.length);
        if (page.complete) expect(got).toEqual(all);
      }),
      { numRuns: 60 },
    );
  });

  it('reads a day, not the library, for a first page', async () => {
    // Ten days of 50 talks: 40 wanted are one day's worth.
    const talks = toTalks(
      Array.from({ length: 500 }, (_, i) => ({ hour: Math.floor(i / 50) * 24 + 9 + (i % 8), zone: 'UTC', title: 'T' })),
    );
    const d = await store(talks);
    const first = await readAgendaTalks(d, 40);
    expect(first.complete).toBe(false);
    expect(new Set(groupByDay(first.talks).map((g) => g.day)).size).toBe(1);
    expect(first.talks).toHaveLength(50);
    const more = await readAgendaTalks(d, 120);
    expect(more.talks).toHaveLength(150);
    expect((await readAgendaTalks(d, 10_000)).talks).toHaveLength(500);
  });
});
