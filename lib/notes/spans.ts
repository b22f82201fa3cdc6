import type { Talk } from '../model';

/** Used when a talk has no (or a nonsensical) end: most conference slots are 25–45 minutes. */
export const DEFAULT_TALK_DURATION_MS = 30 * 60_000;

/** The fields timing logic reads; `Talk` satisfies it, tests can pass less. */
export type TimedTalk = Pick<Talk, 'id' | 'title' | 'room' | 'startAt' | 'endAt'>;

export interface TalkSpan<T extends TimedTalk = TimedTalk> {
  talk: T;
  start: number;
  end: number;
  /** True when `end` was guessed because the talk has no usable end. */
  estimated: boolean;
}

export interface SpanOptions {
  defaultDurationMs?: number;
}

const roomOf = (t: TimedTalk) => t.room?.trim().toLowerCase() || null;

/** A room holds one talk at a time; a talk with no room might be in any of them. */
function mayShareRoom(a: TimedTalk, b: TimedTalk): boolean {
  const ra = roomOf(a);
  const rb = roomOf(b);
  return ra === null || rb === null || ra === rb;
}

/**
 * The time span of every talk with a start, sorted by start (then title, id). A missing end, or
 * one not after the start, becomes start + default duration, cut short at the next talk that
 * starts later in the same room — the next session there is a firm end.
 */
export function talkSpans<T extends TimedTalk>(talks: readonly T[], options: SpanOptions = {}): TalkSpan<T>[] {
  const fallback = options.defaultDurationMs ?? DEFAULT_TALK_DURATION_MS;
  const timed = talks
    .filter((t): t is T & { startAt: number } => t.startAt !== null && Number.isFinite(t.startAt))
    .sort((a, b) => a.startAt - b.startAt || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));

  return timed.map((talk, i) => {
    const start = talk.startAt;
    if (talk.endAt !== null && talk.endAt > start) return { talk, start, end: talk.endAt, estimated: false };
    let end = start + fallback;
    for (let j = i + 1; j < timed.length; j++) {
      const later = timed[j]!;
      if (later.startAt >= end) break;
      if (later.startAt > start && mayShareRoom(talk, later)) {
        end = later.startAt;
        break;
      }
    }
    return { talk, start, end, estimated: true };
  });
}
