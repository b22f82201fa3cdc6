import type { Talk } from '../model';

/**
 * How far into a talk an instant is, in ms. Negative before the start (a note typed while the
 * room fills up); null when the talk has no start time. Instants only: zones never matter here.
 */
export function offsetIntoTalk(talk: Pick<Talk, 'startAt'>, at: number): number | null {
  return talk.startAt === null ? null : at - talk.startAt;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `m:ss` under an hour (`0:05`, `12:34`), `h:mm:ss` from an hour on (`1:02:03`); whole seconds,
 * truncated. Decision for before-the-start offsets: a leading `-` (`-2:05` = 2 min 5 s before),
 * so a stamp is never hidden and sorts visibly apart. Throws RangeError for NaN/Infinity (a bug).
 */
export function formatNoteOffset(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatNoteOffset: not a finite duration: ${ms}`);
  const total = Math.floor(Math.abs(ms) / 1000);
  const sign = ms < 0 && total > 0 ? '-' : '';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}
