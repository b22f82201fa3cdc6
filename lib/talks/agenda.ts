import type { Talk } from '../model';
import { venueZone } from '../time/display';
import { cachedFormatter, dayKey } from '../time/zones';

export interface DayGroup {
  /** `YYYY-MM-DD` in the venue's clock, or '' for talks with no time. */
  day: string;
  talks: Talk[];
}

/**
 * Clipped talks grouped by the venue's calendar day: newest day first (today's conference on
 * top), talks inside a day in time order. Talks without a time come last.
 */
export function groupByDay(talks: readonly Talk[]): DayGroup[] {
  const groups = new Map<string, Talk[]>();
  for (const t of talks) {
    const day = t.startAt === null ? '' : dayKey(t.startAt, venueZone(t));
    const list = groups.get(day);
    if (list) list.push(t);
    else groups.set(day, [t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : b.localeCompare(a)))
    .map(([day, list]) => ({
      day,
      talks: list.sort((x, y) => (x.startAt ?? 0) - (y.startAt ?? 0) || x.title.localeCompare(y.title)),
    }));
}

/** Extracted (not yet stored) talks by the venue's day, earliest first: the popup's "Add the day". */
export function extractedByDay<T extends Pick<Talk, 'start' | 'timeZone'>>(
  talks: readonly T[],
): Array<{ day: string; talks: T[] }> {
  const groups = new Map<string, T[]>();
  for (const t of talks) {
    const at = t.start ? Date.parse(t.start) : NaN;
    const day = Number.isNaN(at) ? '' : dayKey(at, venueZone(t));
    groups.set(day, [...(groups.get(day) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([day, list]) => ({ day, talks: list }));
}

/**
 * A day key (`2025-09-09`, already in the venue's clock) as people read it: "Tuesday, September
 * 9, 2025" (long) or "Tue, Sep 9, 2025" (short). Formatted in UTC so no zone shifts the date.
 */
export function dayLabel(day: string, style: 'long' | 'short' = 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return style === 'long' ? 'No time given' : 'Talks without a time';
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }
      : { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' };
  return cachedFormatter(`day-${style}`, 'en-US', 'UTC', options).format(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );
}
