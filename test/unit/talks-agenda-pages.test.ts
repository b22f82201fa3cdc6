import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import type { Talk } from '../../lib/model';
import { findConflicts } from '../../lib/notes';
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

/** The Agenda's cards in order: day, talk id and the ids of the talks it overlaps (as TalkList finds them). */
function cards(talks: readonly Talk[]) {
  return groupByDay(talks).flatMap((g) => {
    const overlaps = new Map<string, string[]>();
    for (const [a, b] of findConflicts(g.talks).pairs) {
      overlaps.set(a, [...(overlaps.get(a) ?? []), b]);
      overlaps.set(b, [...(overlaps.get(b) ?? []), a]);
    }
    return g.talks.map((t) => ({ day: g.day, id: t.id, overlaps: (overlaps.get(t.id) ?? []).sort() }));
  });
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
  it('settles cards in the order, place and overlaps of the whole library, as many as wanted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(talkArb, { maxLength: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.constantFrom(5, 20, 30, 40, 90, 200), { maxLength: 60 }),
        async (specs, wanted, minutes) => {
          // Some talks with an end (of varied length, some long), the rest estimated.
          const talks = toTalks(specs).map((t, i) =>
            t.startAt !== null && minutes[i] ? { ...t, endAt: t.startAt + minutes[i]! * 60_000 } : t,
          );
          const d = await store(talks);
          const page = await readAgendaTalks(d, wanted);
          await d.delete();
          db = null;
          const all = cards(talks);
          expect(cards(page.talks).slice(0, page.settled)).toEqual(all.slice(0, page.settled));
          // Enough for what was asked, or every talk; complete exactly when every talk is there.
          expect(page.settled >= wanted || page.settled === talks.length).toBe(true);
          expect(page.complete).toBe(page.talks.length === talks.length);
          if (page.complete) expect(groupByDay(page.talks)).toEqual(groupByDay(talks));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('reads a long day whole, in one piece, with every overlap of its cards', async () => {
    // One day of 1,400 talks, 14 rooms every 35 minutes, some 85 minutes long (Row 10's shape).
    // (Reading such a day in ascending pieces lost to this one read in the bench: af981ff.)
    const talks = toTalks(Array.from({ length: 1400 }, () => ({ hour: null, zone: 'UTC', title: 'T' }))).map((t, k) => {
      const startAt = DAY0 + Math.floor(k / 14) * 35 * 60_000 - 12 * HOUR;
      return { ...t, title: `T${k}`, startAt, endAt: startAt + (k % 4 === 3 ? 85 : 30) * 60_000 };
    });
    const d = await store(talks);
    const first = await readAgendaTalks(d, 12);
    const all = cards(talks);
    expect(first.settled).toBe(first.talks.length);
    expect(cards(first.talks).slice(0, first.settled)).toEqual(all.slice(0, first.settled));
    expect(all[first.settled - 1]!.overlaps.length).toBeGreaterThan(0);
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
    expect(first.settled).toBe(50);
    const more = await readAgendaTalks(d, 120);
    expect(more.talks).toHaveLength(150);
    expect((await readAgendaTalks(d, 10_000)).talks).toHaveLength(500);
  });
});
