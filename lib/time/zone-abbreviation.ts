/**
 * The zone abbreviation people write after a time: `CEST`, `PDT`, `JST`, `AEST` — what a
 * schedule prints — and an offset (`GMT+5:45`) only where no common abbreviation exists.
 *
 * Intl's `timeZoneName: 'short'` gives an abbreviation only where the locale's CLDR data says
 * people of that region use it: en-US names American zones (`PDT`) and writes `GMT+2` for
 * Berlin, en-GB writes `CEST`, ja-JP `JST`. So each zone is asked in en-US, then in the English
 * (or local) locale of its own region; a small table covers zones CLDR names in no locale
 * (Seoul's `KST`, Moscow's `MSK`), each entry tied to the offset it means, so a zone whose
 * offset changed in history prints that offset rather than a wrong name.
 */
import { cachedFormatter, zoneOffsetMinutes } from './zones';

/** The locale whose CLDR data has the zone's own abbreviation, by zone or zone prefix (longest first). */
const REGION_LOCALES: ReadonlyArray<readonly [string, string]> = [
  ['Europe/Dublin', 'en-IE'],
  ['Europe/', 'en-GB'],
  ['Atlantic/Reykjavik', 'en-GB'],
  ['Atlantic/', 'en-GB'],
  ['Asia/Kolkata', 'en-IN'],
  ['Asia/Calcutta', 'en-IN'],
  ['Asia/Dubai', 'en-GB'],
  ['Asia/Singapore', 'en-SG'],
  ['Asia/Hong_Kong', 'en-HK'],
  ['Asia/Tokyo', 'ja-JP'],
  ['Australia/', 'en-AU'],
  ['Pacific/Auckland', 'en-NZ'],
  ['America/St_Johns', 'en-CA'],
  ['Africa/', 'en-ZA'],
];

/** Abbreviations no CLDR locale gives, as [offset minutes, abbreviation] for the offsets they mean. */
const KNOWN: Readonly<Record<string, ReadonlyArray<readonly [number, string]>>> = {
  'Asia/Seoul': [[540, 'KST']],
  'Asia/Shanghai': [[480, 'CST']],
  'Asia/Taipei': [[480, 'CST']],
  'Asia/Manila': [[480, 'PHT']],
  'Asia/Jakarta': [[420, 'WIB']],
  'Asia/Bangkok': [[420, 'ICT']],
  'Asia/Ho_Chi_Minh': [[420, 'ICT']],
  'Asia/Saigon': [[420, 'ICT']],
  'Asia/Karachi': [[300, 'PKT']],
  'Asia/Jerusalem': [
    [120, 'IST'],
    [180, 'IDT'],
  ],
  'Asia/Tel_Aviv': [
    [120, 'IST'],
    [180, 'IDT'],
  ],
  'Europe/Moscow': [[180, 'MSK']],
  'Europe/Istanbul': [[180, 'TRT']],
  'America/Sao_Paulo': [[-180, 'BRT']],
  'America/Argentina/Buenos_Aires': [[-180, 'ART']],
  'America/Buenos_Aires': [[-180, 'ART']],
  'America/Bogota': [[-300, 'COT']],
  'America/Lima': [[-300, 'PET']],
};

/**
 * What Intl's en-US short names are for the North American zones most conferences sit in, by
 * offset, so the common case builds no Intl formatter (the first costs ~40 ms of ICU start-up).
 * Only for 2007 on (today's US daylight-saving rules); a unit test holds each entry equal to Intl.
 */
const EASTERN = { '-300': 'EST', '-240': 'EDT' };
const CENTRAL = { '-360': 'CST', '-300': 'CDT' };
const MOUNTAIN = { '-420': 'MST', '-360': 'MDT' };
const PACIFIC = { '-480': 'PST', '-420': 'PDT' };
export const EN_US_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'America/New_York': EASTERN,
  'America/Detroit': EASTERN,
  'America/Toronto': EASTERN,
  'America/Chicago': CENTRAL,
  'America/Winnipeg': CENTRAL,
  'America/Denver': MOUNTAIN,
  'America/Edmonton': MOUNTAIN,
  'America/Phoenix': { '-420': 'MST' },
  'America/Los_Angeles': PACIFIC,
  'America/Vancouver': PACIFIC,
  'America/Anchorage': { '-540': 'AKST', '-480': 'AKDT' },
  'Pacific/Honolulu': { '-600': 'HST' },
  UTC: { '0': 'UTC' },
};
const EN_US_NAMES_FROM = Date.UTC(2007, 0, 1);

/** `GMT+2`, `UTC-3`: an offset, not a name. */
const OFFSET_NAME = /^(?:GMT|UTC)[+\-\u2212]/;

function shortName(at: number, timeZone: string, locale: string): string | null {
  try {
    return (
      cachedFormatter('abbr-short', locale, timeZone, { timeZoneName: 'short' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value ?? null
    );
  } catch {
    return null;
  }
}

function regionLocale(timeZone: string): string | null {
  return REGION_LOCALES.find(([prefix]) => timeZone === prefix || timeZone.startsWith(prefix))?.[1] ?? null;
}

const cache = new Map<string, string>();

/**
 * The abbreviation of `timeZone` at `at`, or Intl's offset form (`GMT+5:45`) where none is
 * common. Memoized per zone and offset: a day's 50 talks share a handful of answers.
 */
export function commonZoneAbbreviation(at: number, timeZone: string): string {
  let offset: number;
  try {
    offset = zoneOffsetMinutes(timeZone, at);
  } catch {
    return timeZone;
  }
  const key = `${timeZone}|${offset}|${Math.floor(at / 86_400_000 / 366)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const american =
    (at >= EN_US_NAMES_FROM ? EN_US_NAMES[timeZone]?.[String(offset)] : undefined) ?? shortName(at, timeZone, 'en-US');
  let name = american;
  if (name === null || OFFSET_NAME.test(name)) {
    const locale = regionLocale(timeZone);
    const regional = locale ? shortName(at, timeZone, locale) : null;
    const known = KNOWN[timeZone]?.find(([minutes]) => minutes === offset)?.[1];
    name = regional && !OFFSET_NAME.test(regional) ? regional : (known ?? american ?? timeZone);
  }
  cache.set(key, name);
  return name;
}
