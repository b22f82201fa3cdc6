/**
 * A note's place in its talk: how long after the talk's start it was taken. Notes taken before
 * the start (or for a talk with no start) have no offset rather than a negative or made-up one.
 */

export function noteOffsetMs(noteAt: number, talkStartAt: number | null): number | null {
  if (talkStartAt === null || !Number.isFinite(noteAt) || noteAt < talkStartAt) return null;
  return noteAt - talkStartAt;
}

/** `12:34`, or `1:02:03` from an hour on: the form video players show. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
