/**
 * `9:30 – 10:00 AM` and `Tuesday, September 9` for en-US written by hand from the zone's offset,
 * byte for byte what Intl.DateTimeFormat('en-US') prints (a unit test holds them equal over
 * years of instants in many zones). Why: the first Intl.DateTimeFormat a page builds loads ICU's
 * locale data and pattern generator, ~40 ms of CPU — most of a cold recap's budget — while the
 * offset comes from Temporal (zones.ts) without it. Other locales, and a span that crosses
 * midnight (Intl then adds dates), return null: the caller asks Intl.
 */
import { zoneOffsetMinutes } from './zones';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The venue's wall clock at an instant, as a Date read with its UTC getters. */
function wall(at: number, timeZone: string): Date {
  return new Date(at + zoneOffsetMinutes(timeZone, at) * 60_000);
}

const isEnUs = (locale: string | undefined) => locale === undefined || locale === 'en-US';

/** Only modern instants: whole-minute offsets (old local mean times had seconds), four-digit years. */
const inRange = (d: Date) => {
  const y = d.getUTCFullYear();
  return y >= 1970 && y <= 9999;
};

function clock(d: Date): { text: string; half: 'AM' | 'PM' } {
  const h = d.getUTCHours();
  const half = h < 12 ? 'AM' : 'PM';
  return { text: `${h % 12 === 0 ? 12 : h % 12}:${String(d.getUTCMinutes()).padStart(2, '0')}`, half };
}

/**
 * `9:30 AM`, `9:30 – 10:00 AM`, `11:30 AM – 12:30 PM` (spaces plain, as the recap writes them);
 * null where this does not speak for Intl.
 */
export function enUsTimeSpan(start: number, end: number | null, timeZone: string, locale?: string): string | null {
  if (!isEnUs(locale)) return null;
  const a = wall(start, timeZone);
  if (!inRange(a)) return null;
  const from = clock(a);
  if (end === null || end < start) return `${from.text} ${from.half}`;
  const b = wall(end, timeZone);
  if (!inRange(b) || Math.floor(a.getTime() / 86_400_000) !== Math.floor(b.getTime() / 86_400_000)) return null;
  const to = clock(b);
  if (from.text === to.text && from.half === to.half) return `${from.text} ${from.half}`;
  return from.half === to.half
    ? `${from.text} – ${to.text} ${to.half}`
    : `${from.text} ${from.half} – ${to.text} ${to.half}`;
}

/** `Tuesday, September 9`; null where this does not speak for Intl. */
export function enUsDayLabel(at: number, timeZone: string, locale?: string): string | null {
  if (!isEnUs(locale)) return null;
  const d = wall(at, timeZone);
  if (!inRange(d)) return null;
  return `${WEEKDAYS[d.getUTCDay()]}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}
