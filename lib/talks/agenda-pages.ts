import type { TalkmarkDB } from '../db/schema';
import type { Talk } from '../model';
import { DEFAULT_TALK_DURATION_MS } from '../notes/spans';
import { venueZone } from '../time/display';
import { dayKey } from '../time/zones';

/**
 * How long before a calendar day's UTC midnight a talk of that day may start: the venue's clock
 * is at most UTC+14. A day's talks all start at or after `Date.UTC(day) - DAY_LEAD_MS`.
 */
const DAY_LEAD_MS = 14 * 60 * 60_000;

/** A day is read in ascending pieces, this many talks first, each next piece twice as long. */
const FIRST_PIECE = 64;

const earliestStartOf = (day: string) => Date.parse(`${day}T00:00:00Z`) - DAY_LEAD_MS;

/** The latest a talk can end for the Agenda's overlaps (`talkSpans` only ever shortens a guess). */
const latestEnd = (t: Talk) =>
  t.endAt !== null && t.endAt > t.startAt! ? t.endAt : t.startAt! + DEFAULT_TALK_DURATION_MS;

export interface AgendaTalks {
  /** The talks read: whole newest days, then possibly the first talks of the next day. */
  talks: Talk[];
  /**
   * How many cards, from the top in the Agenda's order, are final: the talk, its place and its
   * overlaps are those of the whole library. Cards past it may still move or gain an overlap
   * (their day is partly read); they are in `talks` for the overlaps of the settled ones.
   */
  settled: number;
  /** True once every talk is in `talks`, those without a time included. */
  complete: boolean;
}

interface Read {
  talk: Talk;
  day: string;
  /** The earliest start of its day (computed once: dayKey formats a date). */
  dayFrom: number;
}

/**
 * The Agenda's talks, newest day first, read through the `startAt` index until at least
 * `wanted` cards are settled (or the library ends): the first card of a 5,000-talk library
 * paints after reading the first talks of one day, not every talk, nor the whole day.
 *
 * Days are taken newest first; a day is read in ascending pieces from its earliest possible
 * start (`DAY_LEAD_MS` before its UTC midnight). A day is whole once every talk from that start
 * on is read. Of a day read in part up to a start `f` (every talk starting at or before `f`
 * read, ties included), its first cards are settled while each ends (at the latest) by `f`:
 * every talk overlapping it starts before that, so is read. Talks without a time (not in the
 * index) come with the last page. Dexie calls only, so it runs inside a live query.
 */
export async function readAgendaTalks(
  db: TalkmarkDB,
  wanted: number,
  /** The first piece of a day (FIRST_PIECE); tests lower it. */
  firstPiece = FIRST_PIECE,
): Promise<AgendaTalks> {
  const read: Read[] = [];
  const ids = new Set<string>();
  const add = (talks: Talk[]) => {
    for (const talk of talks) {
      if (ids.has(talk.id)) continue;
      ids.add(talk.id);
      const day = dayKey(talk.startAt!, venueZone(talk));
      read.push({ talk, day, dayFrom: earliestStartOf(day) });
    }
  };
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
    const day = dayKey(next.startAt, venueZone(next));
    const lo = Math.min(next.startAt, earliestStartOf(day));
    const whole = read.filter((r) => r.dayFrom >= floor).map((r) => r.talk);
    let from = lo;
    let inclusive = true;
    for (let size = firstPiece; ; size *= 2) {
      const piece = await db.talks.where('startAt').between(from, floor, inclusive, false).limit(size).toArray();
      add(piece);
      if (piece.length < size) break; // the day is read to the floor
      const f = piece[piece.length - 1]!.startAt!;
      add(await db.talks.where('startAt').equals(f).toArray());
      from = f;
      inclusive = false;
      // Enough settled cards with this day's first ones?
      const partial = read
        .filter((r) => r.day === day && r.talk.startAt! <= f)
        .map((r) => r.talk)
        .sort((a, b) => a.startAt! - b.startAt! || a.title.localeCompare(b.title));
      let settled = 0;
      while (settled < partial.length && latestEnd(partial[settled]!) <= f) settled++;
      if (whole.length + settled >= wanted)
        return { talks: [...whole, ...partial], settled: whole.length + settled, complete: false };
    }
    floor = lo;
    // Whole days so far; a talk of an older day read early waits for its day.
    const wholeNow = read.filter((r) => r.dayFrom >= floor).map((r) => r.talk);
    if (wholeNow.length >= wanted) {
      const complete = wholeNow.length === (await db.talks.count());
      return { talks: wholeNow, settled: wholeNow.length, complete };
    }
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
