/**
 * Instants ⇄ wall-clock times in IANA zones, built on Intl only (no tz database to ship).
 * Abbreviations such as "CST" are ambiguous (US Central, China, Cuba), so the venue's IANA zone
 * is always what turns a printed time into an instant.
 */

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The part of Temporal used to check a zone and read the system's: no ICU locale data, unlike Intl. */
interface TemporalZones {
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(timeZone: string): unknown } };
  Now: { timeZoneId(): string };
}
const temporalZones = (): TemporalZones | undefined => (globalThis as { Temporal?: TemporalZones }).Temporal;

export function isValidTimeZone(timeZone: string): boolean {
  // Temporal knows the same IANA names without building an Intl formatter (the first costs ~40 ms
  // of ICU start-up); offsets (`+02:00`) and whatever it refuses are left to Intl, as before.
  const temporal = temporalZones();
  if (temporal && /^[A-Za-z]/.test(timeZone)) {
    try {
      temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
      return true;
    } catch {
      // Intl decides.
    }
  }
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's name as Intl spells it (`europe/berlin` → `Europe/Berlin`); null when it is no
 * zone. Only Area/City names and UTC count: Intl also takes ICU's old abbreviations and maps
 * them silently (`BST` → Asia/Dhaka, `EST` → America/Panama, without daylight saving), and an
 * abbreviation must never pick a zone.
 */
export function intlTimeZoneName(timeZone: string): string | null {
  const name = timeZone.trim();
  if (!name.includes('/') && !/^(?:UTC|GMT)$/i.test(name)) return null;
  try {
    return partsFormatter(name).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * `intlTimeZoneName`, with IANA's old links (`US/Eastern`, `Asia/Calcutta`) made their current
 * names: browsers differ on them, and two sources of one conference must agree.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  const resolved = intlTimeZoneName(timeZone);
  if (!resolved) return null;
  const modern = LEGACY_ZONES[resolved.toLowerCase()] ?? LEGACY_ZONES[timeZone.trim().toLowerCase()];
  return modern && isValidTimeZone(modern) ? modern : resolved;
}

/**
 * IANA's backward links that real schedules still print (pretalx events set up long ago say
 * `US/Eastern`), each to its canonical zone, so two sources of one conference agree.
 */
// Keys lower-cased, in a plain literal: a bundle that never canonicalizes (the highlighter) drops it.
const LEGACY_ZONES: Readonly<Record<string, string>> = {
  'us/eastern': 'America/New_York',
  'us/central': 'America/Chicago',
  'us/mountain': 'America/Denver',
  'us/pacific': 'America/Los_Angeles',
  'us/alaska': 'America/Anchorage',
  'us/hawaii': 'Pacific/Honolulu',
  'us/arizona': 'America/Phoenix',
  'us/east-indiana': 'America/Indiana/Indianapolis',
  'us/michigan': 'America/Detroit',
  'us/aleutian': 'America/Adak',
  'us/samoa': 'Pacific/Pago_Pago',
  'canada/eastern': 'America/Toronto',
  'canada/central': 'America/Winnipeg',
  'canada/mountain': 'America/Edmonton',
  'canada/pacific': 'America/Vancouver',
  'canada/atlantic': 'America/Halifax',
  'canada/newfoundland': 'America/St_Johns',
  'canada/saskatchewan': 'America/Regina',
  'australia/act': 'Australia/Sydney',
  'australia/nsw': 'Australia/Sydney',
  'australia/canberra': 'Australia/Sydney',
  'australia/victoria': 'Australia/Melbourne',
  'australia/queensland': 'Australia/Brisbane',
  'australia/west': 'Australia/Perth',
  'australia/south': 'Australia/Adelaide',
  'australia/north': 'Australia/Darwin',
  'australia/tasmania': 'Australia/Hobart',
  'brazil/east': 'America/Sao_Paulo',
  'mexico/general': 'America/Mexico_City',
  'chile/continental': 'America/Santiago',
  'asia/calcutta': 'Asia/Kolkata',
  'asia/saigon': 'Asia/Ho_Chi_Minh',
  'asia/katmandu': 'Asia/Kathmandu',
  'asia/rangoon': 'Asia/Yangon',
  'europe/kiev': 'Europe/Kyiv',
  'america/buenos_aires': 'America/Argentina/Buenos_Aires',
  'etc/utc': 'UTC',
  'etc/universal': 'UTC',
  'etc/zulu': 'UTC',
};

/** The part of Temporal (ES2026; Chrome 144+, Firefox 139+) used here; absent in older engines and Node 20. */
interface TemporalOffsets {
  Instant: {
    fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(timeZone: string): { offsetNanoseconds: number } };
  };
}

/**
 * The zone's offset from Temporal, where the engine has it: the first `Intl.DateTimeFormat` of a
 * page loads ICU's locale data and pattern generator (~40–60 ms on a busy machine, the largest
 * single cost of reading a 600-session schedule), Temporal reads only the zone's rules (~1 ms).
 * Null when Temporal is absent or refuses the name (Intl then decides, as before). An e2e test
 * holds the two to the same offsets for every zone the browser knows.
 */
function offsetFromTemporal(timeZone: string, at: number): number | null {
  // Read here, not at module level: a global read there would ship in every bundle importing this file.
  const temporal = (globalThis as { Temporal?: TemporalOffsets }).Temporal;
  if (!temporal) return null;
  try {
    const ns = temporal.Instant.fromEpochMilliseconds(Math.floor(at / 1000) * 1000).toZonedDateTimeISO(
      timeZone,
    ).offsetNanoseconds;
    return Math.round(ns / 60e9);
  } catch {
    return null;
  }
}

/** The zone's offset at an instant: Temporal's where the engine has it, else Intl's (a few microseconds: formatToParts allocates). */
function offsetFromIntl(timeZone: string, at: number): number {
  const fromTemporal = offsetFromTemporal(timeZone, at);
  if (fromTemporal !== null) return fromTemporal;
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60000);
}

const QUARTER_HOUR = 15 * 60_000;
const DAY = 24 * 60 * 60_000;
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 20_000;

/** The offset over a whole bucket of UTC time, when both ends agree; null when it changes inside. */
function bucketOffset(timeZone: string, size: number, at: number): number | null {
  const bucket = Math.floor(at / size);
  const key = `${timeZone}@${size}@${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return Number.isNaN(cached) ? null : cached;
  const start = offsetFromIntl(timeZone, bucket * size);
  // Both ends and the middle: a change and its reversal inside one bucket would need two
  // transitions less than half a day apart, which no zone has had.
  const steady =
    offsetFromIntl(timeZone, (bucket + 1) * size - 1000) === start &&
    offsetFromIntl(timeZone, bucket * size + size / 2) === start;
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, steady ? start : NaN);
  return steady ? start : null;
}

/**
 * The zone's offset from UTC in minutes at an instant (e.g. -420 for PDT). A schedule asks for
 * the same few offsets thousands of times (every start and end, several times each, and every
 * hour of the event while the zone is being chosen), so offsets are memoized: per UTC day when
 * the day's two ends agree (a zone does not change twice in a day and back), else per quarter
 * hour (modern transitions fall on quarter hours), else, for an old local-mean-time transition
 * inside a quarter, asked of Intl each time. A pure memo, bounded in size.
 */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  return bucketOffset(timeZone, DAY, at) ?? bucketOffset(timeZone, QUARTER_HOUR, at) ?? offsetFromIntl(timeZone, at);
}

/**
 * The instant at which the venue's clock shows `wall`, as Temporal's "compatible" rule reads
 * it: in a repeated hour (DST ends) the first occurrence; in a skipped hour (DST starts) the
 * time moves forward by the gap (02:30 → 03:30) — what a printed schedule almost always means.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const DAY = 86_400_000;
  // A zone has at most two offsets within a day either side: before and after a transition.
  const before = zoneOffsetMinutes(timeZone, naive - DAY);
  const after = zoneOffsetMinutes(timeZone, naive + DAY);
  const valid = [...new Set([before, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((at) => naive - zoneOffsetMinutes(timeZone, at) * 60_000 === at);
  if (valid.length) return Math.min(...valid);
  return naive - before * 60_000; // in the gap: read with the offset before it, i.e. shifted forward
}

export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `2025-09-09T09:30:00-07:00`: the instant written in the venue's clock with its offset. */
export function toIsoInZone(at: number, timeZone: string | null): string {
  const offset = timeZone ? zoneOffsetMinutes(timeZone, at) : 0;
  const local = new Date(at + offset * 60000).toISOString().slice(0, 19);
  return `${local}${timeZone ? formatUtcOffset(offset) : 'Z'}`;
}

/** Writes an offset without a colon (`+0100`, as Sched's JSON-LD does) the way ISO 8601 parsers want it. */
export function normalizeIsoOffset(iso: string): string {
  return iso.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** The offset written in an ISO string, in minutes; null for a floating (zone-less) time. */
export function isoOffsetMinutes(iso: string): number | null {
  const m = /(?:([+-])(\d{2}):?(\d{2})|Z)$/.exec(iso.trim());
  if (!m) return null;
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export function parseInstant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(normalizeIsoOffset(iso));
  return Number.isNaN(ms) ? null : ms;
}

/** Every zone this browser knows, for pickers' suggestions (empty where Intl cannot list them). */
export const supportedTimeZones = (): string[] =>
  (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

/** The viewer's own zone, as the browser knows it. */
export function viewerTimeZone(): string {
  // Temporal reads it without building an Intl formatter (see isValidTimeZone).
  try {
    const zone = temporalZones()?.Now.timeZoneId();
    if (zone) return zone;
  } catch {
    // Intl's, then.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Building an Intl.DateTimeFormat costs far more than using one (a panel of 500 talks formats
 * thousands of times per render), so formatters are kept per kind, locale and zone. A pure
 * memo: the same arguments always give the same formatter.
 */
const labelFormatters = new Map<string, Intl.DateTimeFormat>();
export function cachedFormatter(
  kind: string,
  locale: string | undefined,
  timeZone: string | null,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}|${locale ?? ''}|${timeZone ?? ''}`;
  let f = labelFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone ?? undefined });
    labelFormatters.set(key, f);
  }
  return f;
}

export function formatTime(at: number, timeZone: string | null, locale?: string): string {
  return cachedFormatter('time', locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
}

export function formatDay(at: number, timeZone: string | null, locale?: string): string {
  return cachedFormatter('day', locale, timeZone, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(at);
}

/** `YYYY-MM-DD` of an instant in a zone: the key that groups talks into days. */
export function dayKey(at: number, timeZone: string | null): string {
  return toIsoInZone(at, timeZone).slice(0, 10);
}

export function zoneAbbreviation(at: number, timeZone: string, locale?: string): string {
  const part = cachedFormatter('abbr', locale ?? 'en-US', timeZone, { timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** An instant written with a fixed offset (`+08:00`), for when the venue's offset is known but its IANA zone is not. */
export function toIsoWithOffset(at: number, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * 60000).toISOString().slice(0, 19);
  return `${local}${formatUtcOffset(offsetMinutes)}`;
}
