import type { TalkmarkDB } from '../db/schema';
import type { Talk } from '../model';
import { venueZone } from '../time/display';
import { dayKey } from '../time/zones';

/**
 * How long before a calendar day's UTC midnight a talk of that day may start: the venue's clock
 * is at most UTC+14. A day's talks all start at or after `Date.UTC(day) - DAY_LEAD_MS`.
 */
const DAY_LEAD_MS = 14 * 60 * 60_000;

const earliestStartOf = (day: string) => Date.parse(`${day}T00:00:00Z`) - DAY_LEAD_MS;

export interface AgendaTalks {
  /** Every talk of the newest whole days read (the Agenda's order: newest day first). */
  talks: Talk[];
  /**
   * Cards from the top that are final (every one: only whole days are read). Kept for TalkList,
   * which draws no more than these; a day read in pieces (af981ff) lost to one read per day.
   */
  settled: number;
  /** True once every talk is in `talks`, those without a time included. */
  complete: boolean;
}

/**
 * The Agenda's talks, newest day first, read a day at a time through the `startAt` index until
 * the whole days read hold at least `wanted` talks (or the library ends): the first card of a
 * 5,000-talk library paints after reading one day, not every talk. Only whole days are
 * returned (the day's overlaps and its order need all its talks): a day is whole once every talk
 * starting at or after its earliest possible start (`DAY_LEAD_MS` before its UTC midnight) has
 * been read. Talks without a time (not in the index) come with the last page. Dexie calls only,
 * so it runs inside a live query.
 */
export async function readAgendaTalks(db: TalkmarkDB, wanted: number): Promise<AgendaTalks> {
  // Each talk read, with the earliest start of its day (computed once: dayKey formats a date).
  const read: Array<{ talk: Talk; dayFrom: number }> = [];
  // Every talk starting at or after `floor` has been read.
  let floor = Infinity;
  for (;;) {
    const next =
      floor === Infinity
        ? await db.talks.orderBy('startAt').last()
        : await db.talks.where('startAt').below(floor).last();
    if (!next || next.startAt == null) break;
    // The newest unread talk's day, and every talk that may belong to it or to a later day.
    // (never after the talk itself, so every step reads it and moves on)
    const lo = Math.min(next.startAt, earliestStartOf(dayKey(next.startAt, venueZone(next))));
    const page =
      floor === Infinity
        ? await db.talks.where('startAt').aboveOrEqual(lo).toArray()
        : await db.talks.where('startAt').between(lo, floor, true, false).toArray();
    for (const talk of page) read.push({ talk, dayFrom: earliestStartOf(dayKey(talk.startAt!, venueZone(talk))) });
    floor = lo;
    // Whole days so far; a talk of an older day read early waits for its day.
    const whole = read.filter((r) => r.dayFrom >= floor).map((r) => r.talk);
    if (whole.length >= wanted)
      return { talks: whole, settled: whole.length, complete: whole.length === (await db.talks.count()) };
  }
  // Every timed talk is read: add those without a time (the primary keys not in the index).
  const [allKeys, timedKeys] = await Promise.all([
    db.talks.toCollection().primaryKeys(),
    db.talks.orderBy('startAt').primaryKeys(),
  ]);
  const timed = new Set(timedKeys as string[]);
  const untimedIds = (allKeys as string[]).filter((k) => !timed.has(k));
  const untimed = untimedIds.length ? (await db.talks.bulkGet(untimedIds)).filter((t) => t !== undefined) : [];
  const talks = [...read.map((r) => r.talk), ...untimed];
  return { talks, settled: talks.length, complete: true };
}
