import type { Talk } from '../model';
import { venueZone } from '../time/display';
import { dayKey } from '../time/zones';

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
export function extractedByDay<T extends Pick<Talk, 'start' | 'timeZone'>>(talks: readonly T[]): Array<{ day: string; talks: T[] }> {
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
