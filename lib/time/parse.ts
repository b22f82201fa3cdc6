/**
 * Reading the times schedule pages print ("Wednesday April 22, 2026  9:30am - 11:30am EDT") and
 * choosing the venue's IANA zone. A printed abbreviation only narrows a list of candidate zones
 * ("CST" is US Central, China or Cuba); offsets the site states elsewhere (JSON-LD, iCalendar)
 * and the event's dates pick among them. Nothing is chosen when the evidence does not agree.
 */
import { mentions } from './places';
import {
  canonicalTimeZone,
  isValidTimeZone,
  toIsoInZone,
  toIsoWithOffset,
  wallTimeToInstant,
  zoneOffsetMinutes,
  type WallTime,
} from './zones';

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export interface ClockTime {
  hour: number; // 0–23
  minute: number;
}

export interface PrintedRange {
  startDate: CalendarDate | null;
  start: ClockTime;
  /** The end's date: printed (a session crossing midnight repeats it) or inferred from the clock. */
  endDate: CalendarDate | null;
  end: ClockTime | null;
  /** The zone as printed: "EDT", "UTC+8", "Europe/Berlin"; null when none was printed. */
  zone: string | null;
}

/**
 * Month names as schedules print them: English, and the locales pretalx and organisers' sites
 * print dates in (German "28. Dezember", French "28 décembre", Spanish "28 de diciembre", …).
 * Foreign abbreviations are kept to those that are no English word.
 */
const MONTH_WORDS: string[] = [
  'jan january januar jänner janvier janv enero gennaio janeiro januari',
  'feb february februar février fevrier févr febrero febbraio fevereiro februari',
  'mar march märz maerz mär mrz mars marzo março maart',
  'apr april avril avr abril aprile',
  'may mai mayo maggio maio mei',
  'jun june juni juin junio giugno junho',
  'jul july juli juillet juil julio luglio julho',
  'aug august août aout agosto augustus',
  'sep sept september septembre septiembre setiembre settembre setembro',
  'oct october oktober okt octobre octubre ottobre outubro',
  'nov november novembre noviembre novembro',
  'dec december dezember dez décembre decembre déc diciembre dicembre dezembro',
];
const MONTHS = new Map(MONTH_WORDS.flatMap((words, i) => words.split(' ').map((w) => [w, i + 1] as const)));
// Longest first, so "march" is not read as "mar" + "ch"; no letter may follow ("14 Mayfair" is no date).
// Latin letters spelled out rather than \p{L}: the same check without the `u` flag, whose
// matching of this long alternation cost ~5 ms on a 600-session list.
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?(?![a-z\\u00c0-\\u024f])`;
const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number | null, number, number] }[] = [
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4})(?![\\d:]))?`, 'gi'),
    read: (m) => [year(m[3]), monthOf(m[1]!), Number(m[2])],
  },
  // "28. Dezember 2024", "1er janvier", "28 de diciembre de 2024".
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\.?\\s+(?:de\\s+)?${MONTH}(?:,?\\s+(?:de\\s+)?(\\d{4})(?![\\d:]))?`,
      'gi',
    ),
    read: (m) => [year(m[3]), monthOf(m[2]!), Number(m[1])],
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})/g, read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // 12/14/2020 (US) unless the first part cannot be a month; 14.12.2020 (European) always day first.
  {
    re: /\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/g,
    read: (m) =>
      m[2] === '/' && Number(m[1]) <= 12
        ? [Number(m[4]), Number(m[1]), Number(m[3])]
        : [Number(m[4]), Number(m[3]), Number(m[1])],
  },
];
const CLOCK =
  /(?<![\d:])(\d{1,2})(?:[:.](\d{2}))?\s*([AaPp])\.?\s?[Mm]\.?(?![a-z])|(?<![\d:.])(\d{1,2}):(\d{2})(?!\d)/g;

function year(s: string | undefined): number | null {
  return s ? Number(s) : null;
}

function monthOf(name: string): number {
  return MONTHS.get(name.toLowerCase()) ?? 0;
}

function isRealDate(d: CalendarDate): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

interface Found<T> {
  at: number;
  end: number;
  value: T;
}

function findDates(text: string, fallbackYear: number | null): Found<CalendarDate>[] {
  const found: Found<CalendarDate>[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, month, day] = read(m);
      const date = { year: y ?? fallbackYear ?? NaN, month, day };
      const overlaps = found.some((f) => m!.index < f.end && f.at < m!.index + m![0].length);
      if (!overlaps && !Number.isNaN(date.year) && isRealDate(date))
        found.push({ at: m.index, end: m.index + m[0].length, value: date });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

interface RawClock {
  hour: number;
  minute: number;
  meridiem: 'a' | 'p' | null;
}

function findClocks(text: string): Found<RawClock>[] {
  const found: Found<RawClock>[] = [];
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(text); m; m = CLOCK.exec(text)) {
    const clock: RawClock = m[1]
      ? { hour: Number(m[1]), minute: Number(m[2] ?? 0), meridiem: m[3]!.toLowerCase() as 'a' | 'p' }
      : { hour: Number(m[4]), minute: Number(m[5]), meridiem: null };
    const valid = clock.minute < 60 && (clock.meridiem ? clock.hour >= 1 && clock.hour <= 12 : clock.hour <= 24);
    if (valid) found.push({ at: m.index, end: m.index + m[0].length, value: clock });
  }
  return found;
}

function to24(c: RawClock, meridiem: 'a' | 'p' | null): ClockTime {
  if (!meridiem) return { hour: c.hour, minute: c.minute };
  return { hour: (c.hour % 12) + (meridiem === 'p' ? 12 : 0), minute: c.minute };
}

const minutesOf = (c: ClockTime): number => c.hour * 60 + c.minute;

/** The zone printed after the last time (or in parentheses): an IANA name, an offset or an abbreviation. */
function findZone(text: string): string | null {
  const iana = /\b([A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_+-]+){1,2})\b/g;
  for (let m = iana.exec(text); m; m = iana.exec(text)) if (isValidTimeZone(m[1]!)) return m[1]!;
  const offset = /(?<![A-Za-z])(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|(?<![\d:])[+\-−]\d{2}:?\d{2}(?!\d)/.exec(
    text,
  );
  if (offset) return offset[0].replace(/\s+/g, '');
  // PHP (Sched) prints a bare "+08" / "-03" for zones without an abbreviation (Singapore, São
  // Paulo): only right after the time, at most 14 hours, never "+10 min" — elsewhere a bare
  // signed number is a floor ("Level -01"), a language ("C++17") or a phone prefix.
  const bare = /^\s*([+\-−](?:0\d|1[0-4]))(?![\w:])(?!\s*min)/i.exec(text);
  if (bare) return bare[1]!;
  const abbr = /(?<![A-Za-z])([A-Z]{2,5})(?![A-Za-z])/g;
  for (let m = abbr.exec(text); m; m = abbr.exec(text)) if (ABBREVIATIONS[m[1]!]) return m[1]!;
  return null;
}

/**
 * A printed time range, 12- or 24-hour, with an optional zone glued on ("14:30CET") and an end
 * that may repeat the full date when it falls after midnight. Null when no time of day is printed.
 */
export function parseTimeRange(text: string, options: { year?: number | null } = {}): PrintedRange | null {
  const clean = text
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\bnoon\b/gi, '12:00pm')
    .replace(/\bmidnight\b/gi, '12:00am');
  const clocks = findClocks(clean);
  const first = clocks[0];
  if (!first) return null;
  const second = clocks[1] ?? null;
  const dates = findDates(clean, options.year ?? null);
  const startDate = [...dates].reverse().find((d) => d.end <= first.at)?.value ?? dates[0]?.value ?? null;
  const printedEndDate = second ? (dates.find((d) => d.at >= first.end && d.end <= second.at)?.value ?? null) : null;

  // "9:30 - 11:30am": the start borrows the end's am/pm unless that would put it after the end.
  let startMeridiem = first.value.meridiem;
  if (!startMeridiem && second?.value.meridiem && first.value.hour <= 12) {
    startMeridiem = second.value.meridiem;
    const end = to24(second.value, second.value.meridiem);
    if (!printedEndDate && minutesOf(to24(first.value, startMeridiem)) > minutesOf(end))
      startMeridiem = startMeridiem === 'a' ? 'p' : 'a';
  }
  let start = to24(first.value, startMeridiem);
  let startDay = startDate;
  if (start.hour === 24) [start, startDay] = [{ hour: 0, minute: start.minute }, startDay && addDays(startDay, 1)];

  // "9:30am - 11:30": the end borrows the start's am/pm, moving to pm when it would end before it began.
  let endMeridiem = second?.value.meridiem ?? null;
  if (second && !endMeridiem && first.value.meridiem && second.value.hour <= 12 && !printedEndDate) {
    endMeridiem = first.value.meridiem;
    if (endMeridiem === 'a' && minutesOf(to24(second.value, 'a')) < minutesOf(start)) endMeridiem = 'p';
  }
  let end: ClockTime | null = second ? to24(second.value, endMeridiem) : null;
  let endDate: CalendarDate | null = printedEndDate;
  const duration = /(?:→|->|\+)\s*(\d{1,3})\s*min/i.exec(clean.slice(first.end));
  if (!end && duration) {
    const total = minutesOf(start) + Number(duration[1]);
    end = { hour: Math.floor(total / 60) % 24, minute: total % 60 };
    endDate = startDay && addDays(startDay, Math.floor(total / 1440));
  } else if (end) {
    if (end.hour === 24)
      [end, endDate] = [{ hour: 0, minute: end.minute }, endDate ?? (startDay && addDays(startDay, 1))];
    endDate ??= startDay && (minutesOf(end) < minutesOf(start) ? addDays(startDay, 1) : startDay);
  }
  const last = second ?? first;
  const zone = findZone(clean.slice(last.end)) ?? findZone((/\(([^)]*)\)/.exec(clean) ?? [])[1] ?? '');
  return { startDate: startDay, start, endDate, end, zone };
}

/** The first calendar date in a text ("Sunday, October 22", "2017-10-22", "22 Oct 2017"). */
export function parsePrintedDate(text: string, fallbackYear: number | null = null): CalendarDate | null {
  return findDates(text.replace(/\s+/g, ' '), fallbackYear)[0]?.value ?? null;
}

export function wallTime(date: CalendarDate, clock: ClockTime): WallTime {
  return { ...date, ...clock };
}

/** The offset a printed "UTC+8", "GMT-05:30", "+0100" or "UTC" states, in minutes; null otherwise. */
export function printedOffsetMinutes(token: string | null | undefined): number | null {
  if (!token) return null;
  const t = token.trim().replace('−', '-');
  if (/^(?:UTC|GMT|Z)$/i.test(t)) return 0;
  const m = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? null : (m[1] === '-' ? -1 : 1) * minutes;
}

/** The venue offset implied by a wall time printed for a known instant (list time vs. ICS UTC time). */
export function offsetBetween(wall: WallTime, at: number): number {
  return Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - at) / 60000);
}

// --- Zones -------------------------------------------------------------------------------------

/** "zone=offset …": the zones where conferences commonly print an abbreviation, and the offset it means there. */
const entries = (s: string): [string, number][] =>
  s.split(' ').map((p) => {
    const [zone, offset] = p.split('=');
    return [zone!, Number(offset)];
  });
const shift = (list: [string, number][], by: number): [string, number][] => list.map(([z, o]) => [z, o + by]);
const CET = entries(
  'Europe/Berlin=60 Europe/Paris=60 Europe/Amsterdam=60 Europe/Brussels=60 Europe/Vienna=60 Europe/Zurich=60 Europe/Rome=60 Europe/Madrid=60 Europe/Prague=60 Europe/Warsaw=60 Europe/Stockholm=60 Europe/Copenhagen=60 Europe/Oslo=60 Europe/Budapest=60 Europe/Belgrade=60 Europe/Luxembourg=60',
);
const EET = entries(
  'Europe/Athens=120 Europe/Helsinki=120 Europe/Kyiv=120 Europe/Bucharest=120 Europe/Sofia=120 Europe/Riga=120 Europe/Tallinn=120 Europe/Vilnius=120',
);
const ABBREVIATIONS: Record<string, [string, number][]> = {
  UTC: entries('UTC=0'),
  GMT: entries('Europe/London=0 UTC=0'),
  BST: entries('Europe/London=60'),
  WET: entries('Europe/Lisbon=0'),
  WEST: entries('Europe/Lisbon=60'),
  CET,
  CEST: shift(CET, 60),
  MEZ: CET,
  MESZ: shift(CET, 60),
  EET,
  EEST: shift(EET, 60),
  MSK: entries('Europe/Moscow=180'),
  TRT: entries('Europe/Istanbul=180'),
  IST: entries('Asia/Kolkata=330 Europe/Dublin=60 Asia/Jerusalem=120'),
  IDT: entries('Asia/Jerusalem=180'),
  GST: entries('Asia/Dubai=240'),
  PKT: entries('Asia/Karachi=300'),
  NPT: entries('Asia/Kathmandu=345'),
  ICT: entries('Asia/Bangkok=420 Asia/Ho_Chi_Minh=420'),
  WIB: entries('Asia/Jakarta=420'),
  SGT: entries('Asia/Singapore=480'),
  HKT: entries('Asia/Hong_Kong=480'),
  MYT: entries('Asia/Kuala_Lumpur=480'),
  PHT: entries('Asia/Manila=480'),
  AWST: entries('Australia/Perth=480'),
  JST: entries('Asia/Tokyo=540'),
  KST: entries('Asia/Seoul=540'),
  ACST: entries('Australia/Adelaide=570 Australia/Darwin=570'),
  ACDT: entries('Australia/Adelaide=630'),
  AEST: entries('Australia/Sydney=600 Australia/Melbourne=600 Australia/Brisbane=600'),
  AEDT: entries('Australia/Sydney=660 Australia/Melbourne=660'),
  NZST: entries('Pacific/Auckland=720'),
  NZDT: entries('Pacific/Auckland=780'),
  HST: entries('Pacific/Honolulu=-600'),
  AKST: entries('America/Anchorage=-540'),
  AKDT: entries('America/Anchorage=-480'),
  PST: entries('America/Los_Angeles=-480 America/Vancouver=-480 America/Tijuana=-480'),
  PDT: entries('America/Los_Angeles=-420 America/Vancouver=-420 America/Tijuana=-420'),
  MST: entries('America/Denver=-420 America/Edmonton=-420 America/Phoenix=-420'),
  MDT: entries('America/Denver=-360 America/Edmonton=-360'),
  CST: entries(
    'America/Chicago=-360 America/Winnipeg=-360 America/Mexico_City=-360 Asia/Shanghai=480 Asia/Taipei=480 America/Havana=-300',
  ),
  CDT: entries('America/Chicago=-300 America/Winnipeg=-300 America/Havana=-240'),
  EST: entries('America/New_York=-300 America/Toronto=-300'),
  EDT: entries('America/New_York=-240 America/Toronto=-240'),
  AST: entries('America/Halifax=-240 America/Puerto_Rico=-240 Asia/Riyadh=180'),
  ADT: entries('America/Halifax=-180'),
  NST: entries('America/St_Johns=-210'),
  NDT: entries('America/St_Johns=-150'),
  BRT: entries('America/Sao_Paulo=-180'),
  ART: entries('America/Argentina/Buenos_Aires=-180'),
  COT: entries('America/Bogota=-300'),
  PET: entries('America/Lima=-300'),
  SAST: entries('Africa/Johannesburg=120'),
  WAT: entries('Africa/Lagos=60'),
  EAT: entries('Africa/Nairobi=180'),
  CAT: entries('Africa/Maputo=120'),
};

/** The zones printed (abbreviations, offsets, IANA names) and stated (offsets) by a site. */
export interface ZoneQuery {
  printed?: readonly (string | null | undefined)[];
  /** Venue offsets the site states for instants: JSON-LD offsets, printed wall time vs. ICS UTC time. */
  observed?: readonly { at: number; offsetMinutes: number }[];
  /** Approximate instants of the talks: the zone must be right for them. */
  dates?: readonly number[];
  /** Free text about the venue ("Pittsburgh, PA, United States"), to break ties. */
  place?: string | null;
  /** A zone the caller already trusts (from the page, the platform or an earlier clip). */
  known?: string | null;
}

export interface ZoneResolution {
  timeZone: string | null;
  /** The venue's offset when it is certain but no IANA zone could be chosen; else null. */
  offsetMinutes: number | null;
  /** Why no zone was chosen, in words for a warning; null when `timeZone` is set. */
  problem: string | null;
}

function offsetAt(zone: string, at: number): number | null {
  try {
    return zoneOffsetMinutes(zone, at);
  } catch {
    return null;
  }
}

/** Two zones are interchangeable for a site when they agree on its dates and across its years. */
function agree(zones: string[], samples: number[]): boolean {
  return zones.every((z) => samples.every((at) => offsetAt(z, at) === offsetAt(zones[0]!, at)));
}

function seasonSamples(dates: number[]): number[] {
  const years = new Set(dates.map((d) => new Date(d).getUTCFullYear()));
  if (!years.size) years.add(new Date().getUTCFullYear());
  return [...years].flatMap((y) => [Date.UTC(y, 0, 15), Date.UTC(y, 6, 15)]);
}

/**
 * The venue's IANA zone, chosen only with confidence: a trusted or printed IANA name that fits
 * the stated offsets, or the candidates of a printed abbreviation that fit every stated offset and
 * date and agree with each other all year (then the first, most common, one). Offsets alone never
 * name a zone: many zones share them.
 */
export function resolveTimeZone(query: ZoneQuery): ZoneResolution {
  const printed = [...new Set((query.printed ?? []).map((p) => p?.trim()).filter((p): p is string => !!p))];
  const observed = query.observed ?? [];
  // Offsets change at most a few times a year: one sample per hour of the site's dates is enough.
  const dates = [
    ...new Set([...(query.dates ?? []), ...observed.map((o) => o.at)].map((d) => Math.floor(d / 3600000) * 3600000)),
  ];
  const fitsObserved = (zone: string) => observed.every((o) => offsetAt(zone, o.at) === o.offsetMinutes);

  for (const zone of [query.known, ...printed.filter((p) => p.includes('/'))]) {
    // Canonical IANA names (`US/Eastern` → America/New_York), so every source of a conference agrees.
    if (zone && isValidTimeZone(zone) && fitsObserved(zone))
      return { timeZone: canonicalTimeZone(zone) ?? zone, offsetMinutes: null, problem: null };
  }

  const allowed = new Map<string, Set<number>>();
  for (const p of printed) {
    for (const [zone, offset] of ABBREVIATIONS[p.toUpperCase()] ?? [])
      allowed.set(zone, (allowed.get(zone) ?? new Set()).add(offset));
  }
  let candidates = [...allowed]
    .filter(([zone, offsets]) => fitsObserved(zone) && dates.every((d) => offsets.has(offsetAt(zone, d) ?? NaN)))
    .map(([z]) => z);
  const near = query.place ? candidates.filter((z) => mentions(query.place!, z)) : [];
  if (near.length) candidates = near;
  if (candidates.length && agree(candidates, [...dates, ...seasonSamples(dates)]))
    return { timeZone: candidates[0]!, offsetMinutes: null, problem: null };

  // No zone: an offset is still certain when everything stated or printed gives the same one.
  const offsets = new Set<number>([
    ...observed.map((o) => o.offsetMinutes),
    ...printed.map(printedOffsetMinutes).filter((o): o is number => o !== null),
  ]);
  if (!offsets.size && candidates.length && dates.length)
    for (const z of candidates) for (const d of dates) offsets.add(offsetAt(z, d) ?? NaN);
  if (!offsets.size && !dates.length)
    for (const p of printed) for (const [, o] of ABBREVIATIONS[p.toUpperCase()] ?? []) offsets.add(o);
  const offsetMinutes = offsets.size === 1 && !Number.isNaN([...offsets][0]) ? [...offsets][0]! : null;

  const abbreviations = printed.filter((p) => !p.includes('/') && printedOffsetMinutes(p) === null);
  const names = printed.filter((p) => p.includes('/'));
  let problem: string;
  if (!printed.length && !observed.length) problem = 'the page does not say which time zone its times are in';
  else if (names.length && !abbreviations.length)
    problem = `the time zone “${names.join('”, “')}” does not fit the times the site states elsewhere`;
  else if (abbreviations.some((a) => !ABBREVIATIONS[a.toUpperCase()]))
    problem = `the time zone “${abbreviations.join('”, “')}” is not one Talkmark knows`;
  else if (abbreviations.length && allowed.size) {
    const known = [...allowed.keys()];
    problem =
      candidates.length > 1
        ? `“${abbreviations.join('”, “')}” can mean several time zones (${candidates.slice(0, 4).join(', ')}) and nothing on the page says which`
        : `“${abbreviations.join('”, “')}” (${known.slice(0, 4).join(', ')}) does not fit this event’s dates or the times the site states elsewhere`;
  } else problem = 'the page gives only a UTC offset, which many time zones share';
  return { timeZone: null, offsetMinutes, problem };
}

/** A wall time as an ISO instant in the resolved zone (or fixed offset); null when neither is known. */
export function wallTimeToIso(wall: WallTime, zone: Pick<ZoneResolution, 'timeZone' | 'offsetMinutes'>): string | null {
  if (zone.timeZone) return toIsoInZone(wallTimeToInstant(wall, zone.timeZone), zone.timeZone);
  if (zone.offsetMinutes === null) return null;
  return toIsoWithOffset(
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - zone.offsetMinutes * 60000,
    zone.offsetMinutes,
  );
}

/** An instant written in the resolved zone, else with the fixed offset, else in UTC. */
export function instantToIso(at: number, zone: Pick<ZoneResolution, 'timeZone' | 'offsetMinutes'>): string {
  if (zone.timeZone) return toIsoInZone(at, zone.timeZone);
  return zone.offsetMinutes === null ? toIsoInZone(at, null) : toIsoWithOffset(at, zone.offsetMinutes);
}

/** Zones by their city, lower-cased ("vienna" → Europe/Vienna): built once, a pure memo of Intl's list. */
let zonesByCity: Map<string, string> | null = null;

/** The IANA zone named after a city ("Vienna" → Europe/Vienna), as Sessionize names event zones. */
export function zoneFromCityName(city: string | null | undefined): string | null {
  const wanted = city?.trim().replace(/\s+/g, '_').toLowerCase();
  if (!wanted) return null;
  if (!zonesByCity) {
    zonesByCity = new Map();
    const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    for (const zone of supported) {
      const key = zone.split('/').pop()!.toLowerCase();
      if (!zonesByCity.has(key)) zonesByCity.set(key, zone);
    }
  }
  return zonesByCity.get(wanted) ?? null;
}

/** A time written without an offset ("2026-06-04T14:00:00") is a wall time: it needs the zone to become an instant. */
export function floatingIsoToIso(iso: string, zone: Pick<ZoneResolution, 'timeZone' | 'offsetMinutes'>): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso.trim());
  return m ? wallTimeToIso({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! }, zone) : null;
}
