import { cachedFormatter, formatDay, formatTime, isoOffsetMinutes, viewerTimeZone, zoneOffsetMinutes } from './zones';
import { commonZoneAbbreviation } from './zone-abbreviation';

interface Timed {
  start: string | null;
  end: string | null;
  startAt: number | null;
  endAt: number | null;
  timeZone: string | null;
}

/**
 * The venue's clock for a talk: its IANA zone when known, else a fixed zone from the offset the
 * page wrote (Etc/GMT zones have inverted signs and whole hours only), else null.
 */
export function venueZone(t: Pick<Timed, 'start' | 'timeZone'>): string | null {
  if (t.timeZone) return t.timeZone;
  const offset = t.start ? isoOffsetMinutes(t.start) : null;
  if (offset === null || offset % 60 !== 0) return null;
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset / 60)}`;
}

export interface TalkTimeLabel {
  /** "Tuesday, September 9, 2025" in the venue's clock. */
  day: string;
  /** "9:30 – 10:00 AM PDT" in the venue's clock. */
  venue: string;
  /** The same span in the viewer's clock, when the viewer is elsewhere; else null. */
  viewer: string | null;
}

function span(start: number, end: number | null, zone: string | null, locale?: string): string {
  // What schedules print (CEST, JST), not Intl's `GMT+2` for zones outside the locale's region.
  const abbr = zone ? ` ${commonZoneAbbreviation(start, zone)}` : '';
  if (end === null || end < start) return `${formatTime(start, zone, locale).replace(/\u202f/g, ' ')}${abbr}`;
  // formatRange shares the AM/PM the way people write it: "9:30 – 10:00 AM".
  const range = cachedFormatter('time', locale, zone, { hour: 'numeric', minute: '2-digit' })
    .formatRange(start, end)
    .replace(/[\u2009\u202f]/g, ' ');
  return `${range}${abbr}`;
}

export function talkTimeLabel(t: Timed, viewer: string = viewerTimeZone(), locale?: string): TalkTimeLabel | null {
  if (t.startAt === null) return null;
  const zone = venueZone(t);
  const sameClock = zone !== null && zoneOffsetMinutes(zone, t.startAt) === zoneOffsetMinutes(viewer, t.startAt);
  return {
    day: formatDay(t.startAt, zone, locale),
    venue: span(t.startAt, t.endAt, zone, locale),
    viewer: sameClock ? null : `${span(t.startAt, t.endAt, viewer, locale)}${dayShift(t.startAt, zone, viewer)}`,
  };
}

/** " (next day)" when the viewer's date differs from the venue's: a 4 a.m. virtual talk. */
function dayShift(at: number, zone: string | null, viewer: string): string {
  const day = (z: string | null) =>
    cachedFormatter('ymd', 'en-CA', z, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const a = day(zone);
  const b = day(viewer);
  if (a === b) return '';
  return b > a ? ' (next day)' : ' (previous day)';
}
