/**
 * The conference as a recap names it: name, site, dates and place, and each day's number
 * counted from the conference's first day ("Day 2" of the conference, even in a post that
 * covers only that day). The dates come from every talk Talkmark holds for the conference, not
 * only the exported ones (lib/export/recap-input.ts reads them).
 */
import { isValidTimeZone } from '../time/zones';
import { normalizeInlineText, safeLinkUrl } from './escape';

/** What the caller knows about the conference; everything but the name is optional. */
export interface ConferenceInput {
  name: string | null;
  url: string | null;
  /** `YYYY-MM-DD` days the conference's talks fall on (in their venue's clock), any order. */
  days?: readonly string[];
  /** Where it takes place, as text ("Computer History Museum, Mountain View"), or "Online". */
  place?: string | null;
  /** The conference's IANA zone, when known. */
  timeZone?: string | null;
}

export interface ConferenceView {
  name: string | null;
  url: string | null;
  /** `YYYY-MM-DD` of its first day, or null when unknown. */
  start_date: string | null;
  /** `YYYY-MM-DD` of its last day, or null when unknown. */
  end_date: string | null;
  /** Calendar days from the first to the last, or null when unknown. */
  day_count: number | null;
  place: string | null;
  time_zone: string | null;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** Whole calendar days from `a` to `b` (`YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function conferenceView(input: ConferenceInput, exportedDays: readonly string[]): ConferenceView {
  const name = input.name ? normalizeInlineText(input.name) : '';
  // The exported days belong to the conference too (a talk may be missing from `days`).
  const days = [...(input.days ?? []), ...exportedDays].filter((d) => DAY_KEY.test(d) && !Number.isNaN(Date.parse(d)));
  days.sort();
  const start = days[0] ?? null;
  const end = days[days.length - 1] ?? null;
  const place = input.place ? normalizeInlineText(input.place) : '';
  return {
    name: name || null,
    url: safeLinkUrl(input.url),
    start_date: start,
    end_date: end,
    day_count: start && end ? daysBetween(start, end) + 1 : null,
    place: place || null,
    time_zone: input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : null,
  };
}

/** "Day N" of the conference for a day key: counted in calendar days from its first day. */
export function conferenceDayNumber(conference: ConferenceView | null, key: string | null): number | null {
  if (!conference?.start_date || key === null || !DAY_KEY.test(key)) return null;
  const n = daysBetween(conference.start_date, key) + 1;
  return n >= 1 ? n : null;
}
