/**
 * iCalendar feeds (`all.ics` of Sched, pretalx's and others' exports). Times are UTC, zoned
 * (`TZID=`) or floating; a feed that states only UTC (Sched writes `X-WR-TIMEZONE:UTC`) says
 * nothing about the venue's zone, so none is invented.
 */
import type { ExtractedTalk } from '../model';
import { describeMixed } from './description';
import { absoluteUrl, decodeEntities, hostOf, originOf } from './dom';
import { isSchedHost } from './sched-host';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { isValidTimeZone } from '../time/zones';
import { instantToIso, wallTimeToIso, type ZoneResolution } from '../time/parse';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

type Component = Map<string, Property[]>;

/** "NAME;PARAM=a;Q=\"x:y\":value" — parameters may quote colons. */
function parseLine(line: string): Property | null {
  let i = 0;
  let quoted = false;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) break;
  }
  if (i >= line.length) return null;
  const [name, ...rawParams] = line.slice(0, i).split(';');
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name!.toUpperCase(), params, value: line.slice(i + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Every component by type, each a map from property name to its occurrences. */
function parseComponents(text: string): { calendar: Component; events: Component[]; zones: Component[] } {
  const calendar: Component = new Map();
  const events: Component[] = [];
  const zones: Component[] = [];
  const stack: { type: string; props: Component }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n[ \t]/g, '').split('\n');
  for (const line of lines) {
    const prop = parseLine(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN') {
      const component = { type: prop.value.trim().toUpperCase(), props: new Map() as Component };
      stack.push(component);
      if (component.type === 'VEVENT') events.push(component.props);
      if (component.type === 'VTIMEZONE') zones.push(component.props);
    } else if (prop.name === 'END') stack.pop();
    else {
      const target = stack.length === 1 ? calendar : stack[stack.length - 1]?.props;
      // A VTIMEZONE's STANDARD/DAYLIGHT parts report to the zone itself (their TZNAME is what matters).
      const owner = stack.length > 2 && stack[stack.length - 2]?.type === 'VTIMEZONE' ? stack[stack.length - 2]!.props : target;
      if (owner) owner.set(prop.name, [...(owner.get(prop.name) ?? []), prop]);
    }
  }
  return { calendar, events, zones };
}

const first = (c: Component, name: string): Property | null => c.get(name)?.[0] ?? null;
const textOfProp = (c: Component, name: string): string | null => {
  const p = first(c, name);
  const text = p ? decodeEntities(unescapeText(p.value)).trim() : '';
  return text || null;
};

interface IcsTime {
  /** Epoch ms when the instant is known (UTC, or zoned in a known zone). */
  at: number | null;
  /** Wall time for floating values. */
  wall: { year: number; month: number; day: number; hour: number; minute: number } | null;
  zone: string | null;
  dateOnly: boolean;
}

function readTime(prop: Property | null, zoneNames: Map<string, string>): IcsTime | null {
  const m = prop && /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(prop.value.trim());
  if (!m) return null;
  const wall = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0) };
  if (!m[4]) return { at: null, wall, zone: null, dateOnly: true };
  if (m[7]) return { at: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, +(m[6] ?? 0)), wall: null, zone: 'UTC', dateOnly: false };
  const tzid = prop.params.TZID ? zoneNames.get(prop.params.TZID) ?? null : null;
  return { at: null, wall, zone: tzid, dateOnly: false };
}

function durationMs(value: string | undefined): number | null {
  const m = value && /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
  if (!m) return null;
  const [w, d, h, min, s] = [m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000;
}

/** TZIDs that name an IANA zone, directly or through the VTIMEZONE's X-LIC-LOCATION. */
function zoneNamesOf(zones: Component[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const z of zones) {
    const id = first(z, 'TZID')?.value.trim();
    const location = first(z, 'X-LIC-LOCATION')?.value.trim();
    if (!id) continue;
    if (isValidTimeZone(id) && id.includes('/')) names.set(id, id);
    else if (location && isValidTimeZone(location)) names.set(id, location);
  }
  return names;
}

function toIso(t: IcsTime | null, calendarZone: string | null): string | null {
  if (!t || t.dateOnly) return null;
  const zone: ZoneResolution = { timeZone: t.zone && t.zone !== 'UTC' ? t.zone : calendarZone, offsetMinutes: null, problem: null };
  if (t.at !== null) return instantToIso(t.at, zone);
  return t.wall && zone.timeZone ? wallTimeToIso(t.wall, zone) : null;
}

/** Every VEVENT of an iCalendar text as a talk. `url` is the feed's own address, for talks without one. */
export function parseIcs(text: string, url?: string, options: ExtractOptions = {}): ExtractionResult {
  if (!/BEGIN:VCALENDAR/i.test(text)) return { talks: [], warnings: ['This is not an iCalendar feed.'], source: 'ics' };
  const { calendar, events, zones } = parseComponents(text);
  const zoneNames = zoneNamesOf(zones);
  for (const p of events.flatMap((e) => [...(e.get('DTSTART') ?? []), ...(e.get('DTEND') ?? [])])) {
    const id = p.params.TZID;
    if (id && !zoneNames.has(id) && isValidTimeZone(id) && id.includes('/')) zoneNames.set(id, id);
  }
  const prodId = first(calendar, 'PRODID')?.value ?? '';
  const sched = /sched\.com/i.test(prodId);
  const stated = first(calendar, 'X-WR-TIMEZONE')?.value.trim() ?? '';
  const statedZone = isValidTimeZone(stated) && stated.includes('/') ? stated : null;
  const known = options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : null;
  const calendarZone = statedZone ?? (zoneNames.size === 1 ? [...zoneNames.values()][0]! : null) ?? known;

  const name = (sched ? /\/\/Sched\.com (.+?)\/\//i.exec(prodId)?.[1] : null) ?? textOfProp(calendar, 'X-WR-CALNAME');
  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  let unknownZone = false;
  for (const event of events) {
    const title = textOfProp(event, 'SUMMARY');
    if (!title) continue;
    const uid = first(event, 'UID')?.value.trim() || null;
    const href = first(event, 'URL')?.value;
    // Relative URLs resolve against the feed's address; without a valid one only absolute URLs count.
    let link = absoluteUrl(href, originOf(url) ? url! : href ?? '');
    if (link && isSchedHost(hostOf(link) ?? '')) link = link.replace(/^http:/, 'https:');
    const startProp = first(event, 'DTSTART');
    const start = readTime(startProp, zoneNames);
    const endTime = readTime(first(event, 'DTEND'), zoneNames);
    if (startProp?.params.TZID && !start?.zone) unknownZone = true;
    const startIso = toIso(start, calendarZone);
    let endIso = toIso(endTime, calendarZone);
    const duration = durationMs(first(event, 'DURATION')?.value);
    if (startIso && !endIso && duration !== null) endIso = instantToIsoLike(Date.parse(startIso) + duration, startIso, calendarZone);
    if (!startIso) untimed++;
    const location = textOfProp(event, 'LOCATION');
    // Sched writes "Room, City, Region, Country": the room is the first part.
    const room = sched && location ? location.split(', ')[0] : location;
    // A talk without its own page is addressed inside the feed (when the feed has a real address).
    const feed = originOf(url) ? url!.split('#')[0]! : null;
    talks.push(newTalk('ics', link ?? (feed && uid ? `${feed}#${encodeURIComponent(uid)}` : feed ?? ''), title, {
      externalId: uid,
      start: startIso,
      end: endIso,
      timeZone: start?.zone && start.zone !== 'UTC' ? start.zone : calendarZone,
      room: room ?? null,
      tracks: uniqueStrings((event.get('CATEGORIES') ?? []).flatMap((p) => p.value.split(/(?<!\\),/)).map((c) => decodeEntities(unescapeText(c)))),
      ...describeMixed(textOfProp(event, 'DESCRIPTION'), (globalThis.window as (Window & typeof globalThis) | undefined) ?? null),
      conference: {
        key: (sched ? hostOf(link) : null) ?? hostOf(url) ?? name ?? url ?? 'ics',
        name,
        url: sched ? originOf(link) : null,
        timeZone: calendarZone,
      },
    }));
  }

  const warnings: string[] = [];
  if (!events.length) warnings.push('This calendar has no events.');
  if (unknownZone) warnings.push('Some events name a time zone this calendar does not define; their times were left empty.');
  if (untimed) warnings.push(`The time of ${count(untimed, 'event')} could not be read (all-day, or in an unknown zone).`);
  if (talks.some((t) => t.start && !t.timeZone)) {
    warnings.push('The calendar gives times in UTC only, so the venue’s time zone is unknown; times are shown in UTC until it is known.');
  }
  return { talks, warnings, source: 'ics' };
}

function instantToIsoLike(at: number, like: string, zone: string | null): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(like)?.[1] ?? 'Z';
  if (zone) return instantToIso(at, { timeZone: zone, offsetMinutes: null });
  const minutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return instantToIso(at, { timeZone: null, offsetMinutes: minutes === 0 ? null : minutes });
}
