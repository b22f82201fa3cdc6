import { talkSpans, type SpanOptions, type TalkSpan, type TimedTalk } from './spans';

export interface NowAndNext<T> {
  /** The talk happening at `now`, or null. */
  now: T | null;
  /** The soonest talk starting after `now`, or null. */
  next: T | null;
}

export interface ChooseOptions extends SpanOptions {
  /** The talk the user last picked by hand: wins among overlapping talks while it runs. */
  preferredId?: string | null;
}

/**
 * The talk to attach notes to right now, and the one coming up. Chosen by instants only, so the
 * viewer's zone (remote attendee, laptop still on home time) never matters. Talks without a
 * start are never chosen. Among overlapping talks (a conflict) the preferred one wins, else the
 * one that started last — the viewer most likely walked into it.
 */
export function chooseNowAndNext<T extends TimedTalk>(
  talks: readonly T[],
  now: number,
  options: ChooseOptions = {},
): NowAndNext<T> {
  const spans = talkSpans(talks, options);
  const running = spans.filter((s) => s.start <= now && now < s.end);
  const preferred = options.preferredId ? running.find((s) => s.talk.id === options.preferredId) : undefined;
  // Spans are sorted by start, so the last running one started most recently.
  const current = preferred ?? running[running.length - 1] ?? null;
  const upcoming = spans.find((s) => s.start > now) ?? null;
  return { now: current?.talk ?? null, next: upcoming?.talk ?? null };
}

export interface TalkProgress {
  /** Time since the start; negative before it. */
  elapsedMs: number;
  /** Start to (possibly estimated) end. */
  durationMs: number;
  /** Time left until the end; negative once it is over. */
  remainingMs: number;
  /** elapsed / duration, clamped to 0–1 for a progress bar. */
  fraction: number;
  /** The end is a guess (no end in the schedule): show it as approximate. */
  endEstimated: boolean;
}

/**
 * Where `now` is within a talk. `agenda` is the talks around it (the day, or every clipped
 * talk), used to estimate a missing end; null when the talk has no start.
 */
export function talkProgress<T extends TimedTalk>(
  talk: T,
  now: number,
  agenda: readonly T[] = [talk],
  options: SpanOptions = {},
): TalkProgress | null {
  const pool = agenda.some((t) => t.id === talk.id) ? agenda : [...agenda, talk];
  const span: TalkSpan<T> | undefined = talkSpans(pool, options).find((s) => s.talk.id === talk.id);
  if (!span) return null;
  const durationMs = span.end - span.start;
  const elapsedMs = now - span.start;
  return {
    elapsedMs,
    durationMs,
    remainingMs: span.end - now,
    fraction: durationMs > 0 ? Math.min(1, Math.max(0, elapsedMs / durationMs)) : elapsedMs >= 0 ? 1 : 0,
    endEstimated: span.estimated,
  };
}
