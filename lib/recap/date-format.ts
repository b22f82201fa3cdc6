/**
 * strftime-style formatting in an IANA zone, for the `date_in_zone` template filter. Intl does
 * the zone arithmetic; we only map directives to its parts. Supported: %Y %y %m %-m %d %-d %e
 * %H %-H %I %-I %M %S %p %P %A %a %B %b %Z %z %:z %F %T %R %s %%. `%:z` (`-07:00`) is the offset
 * RFC 3339, TOML and Hugo want; `%z` (`-0700`) is Jekyll's.
 */
import { commonZoneAbbreviation } from '../time/zone-abbreviation';
import { cachedFormatter, parseInstant, zoneOffsetMinutes } from '../time/zones';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  weekday: string;
  weekdayShort: string;
  monthName: string;
  monthShort: string;
}

// The zone's numeric wall clock and the locale's names, from the formatter cache lib/time keeps.
const NUMERIC: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};
function formattersFor(timeZone: string, locale: string): Intl.DateTimeFormat[] {
  return [
    cachedFormatter('strftime-numeric', 'en-US', timeZone, NUMERIC),
    cachedFormatter('strftime-long', locale, timeZone, { weekday: 'long', month: 'long' }),
    cachedFormatter('strftime-short', locale, timeZone, { weekday: 'short', month: 'short' }),
  ];
}

function partsOf(at: number, timeZone: string, locale: string): Parts {
  const [numeric, long, short] = formattersFor(timeZone, locale);
  const get = (f: Intl.DateTimeFormat, type: string) => f.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return {
    year: get(numeric!, 'year'),
    month: get(numeric!, 'month'),
    day: get(numeric!, 'day'),
    hour: get(numeric!, 'hour'),
    minute: get(numeric!, 'minute'),
    second: get(numeric!, 'second'),
    weekday: get(long!, 'weekday'),
    monthName: get(long!, 'month'),
    weekdayShort: get(short!, 'weekday'),
    monthShort: get(short!, 'month'),
  };
}

/**
 * Below this a number is epoch seconds, Liquid's convention (`{{ 1757435400 | date }}`); from it
 * on, epoch milliseconds, ours (`talk.start_at`). 1e11 ms is March 1973, 1e11 s the year 5138,
 * so the guess is wrong only for millisecond times before March 1973 (read as seconds: far
 * future) and second times after 5138: no talk's. Documented for templates in starter-templates.ts.
 */
const SECONDS_BELOW = 1e11;
/**
 * The range a Date holds (±8.64e15 ms); past it, Intl throws "Invalid time value". A day less,
 * so the zone arithmetic around an instant (its offset a day either side) stays inside it.
 */
const MAX_INSTANT_MS = 8.64e15 - 86_400_000;

/**
 * Epoch ms from a number or numeric string (seconds or milliseconds, see above), an ISO string,
 * a Date, or `now`/`today`; null when none fits.
 */
export function toInstant(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const ms = Math.abs(value) < SECONDS_BELOW ? value * 1000 : value;
    return Math.abs(ms) > MAX_INSTANT_MS ? null : ms;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^(?:now|today)$/i.test(s)) return Date.now();
  return /^-?\d+$/.test(s) ? toInstant(Number(s)) : parseInstant(s);
}

export function isUsableTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * `at` in `timeZone`'s clock. `floating`: `at` is a wall time (read as UTC) that belongs to no
 * zone (`recap.date`, "2025-09-15 11:00"), so %Z %z %:z print nothing rather than a UTC that
 * was never said: `%FT%T%:z` then gives a local date-time, which TOML and Hugo read as such.
 */
export function formatInZone(at: number, format: string, timeZone: string, locale = 'en-US', floating = false): string {
  const zone = floating || !isUsableTimeZone(timeZone) ? 'UTC' : timeZone;
  const p = partsOf(at, zone, locale);
  const hour = Number(p.hour);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const offset = zoneOffsetMinutes(zone, at);
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  const table: Record<string, () => string> = {
    Y: () => p.year,
    y: () => p.year.slice(-2),
    m: () => p.month,
    '-m': () => String(Number(p.month)),
    d: () => p.day,
    '-d': () => String(Number(p.day)),
    e: () => String(Number(p.day)).padStart(2, ' '),
    H: () => p.hour,
    '-H': () => String(hour),
    I: () => String(h12).padStart(2, '0'),
    '-I': () => String(h12),
    M: () => p.minute,
    S: () => p.second,
    p: () => (hour < 12 ? 'AM' : 'PM'),
    P: () => (hour < 12 ? 'am' : 'pm'),
    A: () => p.weekday,
    a: () => p.weekdayShort,
    B: () => p.monthName,
    b: () => p.monthShort,
    // The abbreviation people write (CEST, JST), whatever the locale of the day names.
    Z: () => (floating ? '' : commonZoneAbbreviation(at, zone)),
    z: () => (floating ? '' : `${sign}${hh}${mm}`),
    ':z': () => (floating ? '' : `${sign}${hh}:${mm}`),
    s: () => String(Math.floor(at / 1000)),
    F: () => `${p.year}-${p.month}-${p.day}`,
    T: () => `${p.hour}:${p.minute}:${p.second}`,
    R: () => `${p.hour}:${p.minute}`,
    '%': () => '%',
  };
  return format.replace(/%(-?[A-Za-z%]|:z)/g, (all, directive: string) => table[directive]?.() ?? all);
}
