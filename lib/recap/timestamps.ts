/**
 * A note's place in its talk: how long after the talk's start it was taken. Notes taken before
 * the start (or for a talk with no start) have no offset rather than a negative or made-up one,
 * and so do notes written well after the end (a to-do typed that evening): `[7:45:00]` would
 * be no moment of the talk, and its link would point past the recording's end.
 */

/** Talks overrun and Q&A goes on: a note this long after the scheduled end still has its offset. */
export const LATE_NOTE_GRACE_MS = 30 * 60_000;

export function noteOffsetMs(
  noteAt: number,
  talkStartAt: number | null,
  talkEndAt: number | null = null,
): number | null {
  if (talkStartAt === null || !Number.isFinite(noteAt) || noteAt < talkStartAt) return null;
  // An end at the start (a zero-length calendar event) says nothing about the length: no cut-off.
  if (talkEndAt !== null && talkEndAt > talkStartAt && noteAt > talkEndAt + LATE_NOTE_GRACE_MS) return null;
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
