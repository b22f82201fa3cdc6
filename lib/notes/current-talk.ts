import { chooseNowAndNext } from './now-next';
import type { SpanOptions, TimedTalk } from './spans';

export interface TalkPick {
  /** The talk the user picked by hand, or null when following the schedule. */
  id: string | null;
  /** When it was picked. */
  at: number | null;
}

/**
 * The talk notes (and highlights) go to now: the one the user picked, until a talk starts after
 * the pick — then the schedule takes over again, so a pick made at 10:55 for the 11:00 talk does
 * not swallow the notes of the 11:45 one. With no pick (or a deleted talk), the talk happening now.
 */
export function currentTalkId<T extends TimedTalk>(
  talks: readonly T[],
  pick: TalkPick,
  now: number,
  options: SpanOptions = {},
): string | null {
  const picked = pick.id ? talks.find((t) => t.id === pick.id) : undefined;
  const running = chooseNowAndNext(talks, now, { ...options, preferredId: picked?.id ?? null }).now;
  if (!picked) return running?.id ?? null;
  const startedSincePick =
    running && running.id !== picked.id && running.startAt !== null && running.startAt > (pick.at ?? 0);
  return startedSincePick ? running.id : picked.id;
}
