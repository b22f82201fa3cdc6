import type { TalkmarkDB } from '../db/schema';
import type { Talk } from '../model';
import { DEFAULT_TALK_DURATION_MS } from '../notes/spans';

/** How far back a talk running now may have started: slots are minutes to hours, a workshop a day. */
export const RUNNING_LOOKBACK_MS = 24 * 60 * 60_000;
/**
 * How far after a talk's start the talk that ends it may start: a talk without an end runs
 * `DEFAULT_TALK_DURATION_MS` (30 min) or until the next talk in its room (lib/notes/spans.ts).
 */
export const END_LOOKAHEAD_MS = 2 * DEFAULT_TALK_DURATION_MS;
/** One read serves every instant this long after it: the panel reads again each hour, not each tick. */
export const NEARBY_VALID_MS = 60 * 60_000;

export interface NearbyTalks {
  /** The picked talk and those that may end it, the talks that may run at `now`, and the next one after it. */
  talks: Talk[];
  /** Every talk in the library (an index count, no rows read): 0 means nothing is clipped yet. */
  total: number;
}

/**
 * What the Now view needs to choose its talk, read through the `startAt` index instead of the
 * whole table: with 5,000 talks the panel's first render reads a few dozen rows, not all of them.
 * `currentTalkId`, `chooseNowAndNext` and `talkProgress` give the same answer on this set as on
 * the whole library: a talk running at `now` started within a day before it, the talks that
 * bound an estimated end start within the half hour after its start, and the next talk after
 * `now` is read on its own.
 *
 * The answer holds for every instant from `from` to `from + NEARBY_VALID_MS`: the window reaches
 * that far (plus the end look-ahead), and the next talk is the first one after the window, so a
 * talk starting just after an hour-old read is still "up next".
 */
export async function nearbyTalks(db: TalkmarkDB, pickedId: string | null, from: number): Promise<NearbyTalks> {
  return db.transaction('r', db.talks, async () => {
    const byId = new Map<string, Talk>();
    const add = (list: readonly (Talk | undefined)[]) => {
      for (const t of list) if (t) byId.set(t.id, t);
    };
    const between = (lo: number, hi: number) => db.talks.where('startAt').between(lo, hi, true, true).toArray();
    const until = from + NEARBY_VALID_MS + END_LOOKAHEAD_MS;
    const [picked, near, next, total] = await Promise.all([
      pickedId ? db.talks.get(pickedId) : undefined,
      between(from - RUNNING_LOOKBACK_MS, until),
      db.talks.where('startAt').above(until).first(),
      db.talks.count(),
    ]);
    add([picked, next]);
    add(near);
    if (picked?.startAt != null) add(await between(picked.startAt, picked.startAt + END_LOOKAHEAD_MS));
    return { talks: [...byId.values()], total };
  });
}
