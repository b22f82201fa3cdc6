/**
 * iCalendar feeds (`all.ics` of Sched, pretalx's and others' exports). Times are UTC, zoned
 * (`TZID=`) or floating; a feed that states only UTC (Sched writes `X-WR-TIMEZONE:UTC`) says
 * nothing about the venue's zone, so none is invented.
 */
import type { ExtractedTalk, Speaker } from '../model';
import { describeMixed } from './description';
import { absoluteUrl, decodeEntities, hostOf, originOf } from './dom';
import { isSchedHost } from './sched-host';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { canonicalTimeZone } from '../time/zones';
import { instantToIso, resolveTimeZone, wallTimeToIso, type ZoneResolution } from '../time/parse';
import { pretalxPerson } from './pretalx-common';
import { splitTitleSpeakers } from './speaker-suffix';

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
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
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
      const owner =
        stack.length > 2 && stack[stack.length - 2]?.type === 'VTIMEZONE' ? stack[stack.length - 2]!.props : target;
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
  if (m[7])
    return {
      at: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, +(m[6] ?? 0)),
      wall: null,
      zone: 'UTC',
      dateOnly: false,
    };
  const tzid = prop.params.TZID ? (zoneNames.get(prop.params.TZID) ?? null) : null;
  return { at: null, wall, zone: tzid, dateOnly: false };
}

function durationMs(value: string | undefined): number | null {
  const m = value && /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value.trim());
  if (!m) return null;
  const [w, d, h, min, s] = [m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return ((((w * 7 + d) * 24 + h) * 60 + min) * 60 + s) * 1000;
}

/**
 * The IANA zone a TZID or zone hint names: `Europe/Berlin`, a legacy `US/Eastern` (made canonical),
 * or one inside a vendor prefix (`/mozilla.org/20050126_1/Europe/Berlin`). Null for abbreviations.
 */
export function ianaZoneOf(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/^"|"$/g, '');
  if (!text) return null;
  const direct = text.includes('/') || /^(?:UTC|GMT)$/i.test(text) ? canonicalTimeZone(text) : null;
  if (direct) return direct;
  const tail = /((?:[A-Z][A-Za-z_+-]*\/){1,2}[A-Z][A-Za-z_+-]*)$/.exec(text)?.[1];
  return tail ? canonicalTimeZone(tail) : null;
}

/**
 * TZIDs that name an IANA zone, directly or through the VTIMEZONE's X-LIC-LOCATION. A TZID that
 * is only an abbreviation (old pretalx wrote `TZID:PST`) is resolved like a printed one: only
 * when its candidates agree, with the zone the caller knows preferred.
 */
function zoneNamesOf(zones: Component[], known: string | null): Map<string, string> {
  const names = new Map<string, string>();
  for (const z of zones) {
    const id = first(z, 'TZID')?.value.trim();
    if (!id) continue;
    const named = ianaZoneOf(id) ?? ianaZoneOf(first(z, 'X-LIC-LOCATION')?.value);
    const tznames = (z.get('TZNAME') ?? []).map((p) => p.value.trim());
    const guessed = named ? null : resolveTimeZone({ printed: [id, ...tznames], known }).timeZone;
    if (named ?? guessed) names.set(id, (named ?? guessed)!);
  }
  return names;
}

function toIso(t: IcsTime | null, calendarZone: string | null): string | null {
  if (!t || t.dateOnly) return null;
  const zone: ZoneResolution = {
    timeZone: t.zone && t.zone !== 'UTC' ? t.zone : calendarZone,
    offsetMinutes: null,
    problem: null,
  };
  if (t.at !== null) return instantToIso(t.at, zone);
  return t.wall && zone.timeZone ? wallTimeToIso(t.wall, zone) : null;
}

/** Every VEVENT of an iCalendar text as a talk. `url` is the feed's own address, for talks without one. */
export function parseIcs(text: string, url?: string, options: ExtractOptions = {}): ExtractionResult {
  if (!/BEGIN:VCALENDAR/i.test(text)) return { talks: [], warnings: ['This is not an iCalendar feed.'], source: 'ics' };
  const { calendar, events, zones } = parseComponents(text);
  const known = options.timeZone ? ianaZoneOf(options.timeZone) : null;
  const zoneNames = zoneNamesOf(zones, known);
  for (const p of events.flatMap((e) => [...(e.get('DTSTART') ?? []), ...(e.get('DTEND') ?? [])])) {
    const id = p.params.TZID;
    const zone = id && !zoneNames.has(id) ? ianaZoneOf(id) : null;
    if (zone) zoneNames.set(id!, zone);
  }
  const prodId = first(calendar, 'PRODID')?.value ?? '';
  const sched = /sched\.com/i.test(prodId);
  const pretalx = /^-\/\/pretalx\/\//i.test(prodId.trim());
  const indico = /\/\/INDICO\/\//i.test(prodId);
  // Zone hints: X-WR-TIMEZONE, and a `VTIMEZONE:Europe/Berlin` (or `TIMEZONE:`) line some hand-made feeds write as a property.
  const statedZone =
    ['X-WR-TIMEZONE', 'VTIMEZONE', 'TIMEZONE', 'TZ']
      .map((n) => ianaZoneOf(first(calendar, n)?.value))
      .find((z) => z && z !== 'UTC') ?? null;
  const calendarZone =
    statedZone ?? (new Set(zoneNames.values()).size === 1 ? [...zoneNames.values()][0]! : null) ?? known;
  const ids = uniqueEventIds(events);

  const name = (sched ? /\/\/Sched\.com (.+?)\/\//i.exec(prodId)?.[1] : null) ?? textOfProp(calendar, 'X-WR-CALNAME');
  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  let floating = 0;
  let unknownZone = false;
  for (const [index, event] of events.entries()) {
    const summary = textOfProp(event, 'SUMMARY');
    if (!summary) continue;
    // pretalx writes "Title - Ada Lovelace, Bob Builder" (and "Title - " without speakers).
    const split = pretalx ? splitTitleSpeakers(summary) : { title: summary, names: [] };
    const title = split.title;
    const uid = ids[index] ?? null;
    const href = first(event, 'URL')?.value;
    // Relative URLs resolve against the feed's address; without a valid one only absolute URLs count.
    let link = absoluteUrl(href, originOf(url) ? url! : (href ?? ''));
    if (link && isSchedHost(hostOf(link) ?? '')) link = link.replace(/^http:/, 'https:');
    const startProp = first(event, 'DTSTART');
    const start = readTime(startProp, zoneNames);
    const endTime = readTime(first(event, 'DTEND'), zoneNames);
    if (startProp?.params.TZID && !start?.zone) unknownZone = true;
    const startIso = toIso(start, calendarZone);
    let endIso = toIso(endTime, calendarZone);
    const duration = durationMs(first(event, 'DURATION')?.value);
    if (startIso && !endIso && duration !== null)
      endIso = instantToIsoLike(Date.parse(startIso) + duration, startIso, calendarZone);
    if (!startIso && start && !start.dateOnly && start.at === null && !start.zone && !startProp?.params.TZID)
      floating++;
    else if (!startIso) untimed++;
    // "Whole Ship\\," → "Whole Ship": parts split on commas, empty ones dropped. Sched writes
    // "Room, City, Region, Country": the room is the first part.
    const parts = (textOfProp(event, 'LOCATION') ?? '').split(/\s*,\s*/).filter(Boolean);
    const room = parts.length ? (sched ? parts[0]! : parts.join(', ')) : null;
    // A talk without its own page is addressed inside the feed (when the feed has a real address).
    const feed = originOf(url) ? url!.split('#')[0]! : null;
    const pretalxCode = pretalx && link ? (/\/talk\/([A-Za-z0-9]+)\/?$/.exec(link)?.[1] ?? null) : null;
    talks.push(
      newTalk(
        pretalx ? 'pretalx' : indico ? 'indico' : 'ics',
        link ?? (feed && uid ? `${feed}#${encodeURIComponent(uid)}` : (feed ?? '')),
        title,
        {
          // Keyed as the platform's own pages key it, so a feed and a page of one talk agree.
          externalId:
            pretalxCode ??
            (indico && link ? /\/event\/([^/]+)\/contributions\/(\d+)/.exec(link)?.slice(1).join('/') : null) ??
            uid,
          speakers: indico
            ? indicoSpeakers(textOfProp(event, 'DESCRIPTION'))
            : split.names.map((n) => pretalxPerson(n)),
          start: startIso,
          end: endIso,
          timeZone: start?.zone && start.zone !== 'UTC' ? start.zone : calendarZone,
          room: room ?? null,
          tracks: uniqueStrings(
            (event.get('CATEGORIES') ?? [])
              .flatMap((p) => p.value.split(/(?<!\\),/))
              .map((c) => decodeEntities(unescapeText(c))),
          ),
          ...describeMixed(
            textOfProp(event, 'DESCRIPTION'),
            (globalThis.window as (Window & typeof globalThis) | undefined) ?? null,
          ),
          conference: {
            key:
              (sched ? hostOf(link) : null) ??
              (pretalxCode ? pretalxEventUrl(link) : null) ??
              hostOf(url) ??
              name ??
              url ??
              'ics',
            name,
            url: sched ? originOf(link) : pretalxCode ? pretalxEventUrl(link) : null,
            timeZone: calendarZone,
          },
        },
      ),
    );
  }

  const warnings: string[] = [];
  if (!events.length) warnings.push('This calendar has no events.');
  if (unknownZone)
    warnings.push('Some events name a time zone this calendar does not define; their times were left empty.');
  if (untimed)
    warnings.push(`The time of ${count(untimed, 'event')} could not be read (all-day, or in an unknown zone).`);
  if (floating)
    warnings.push(
      `The calendar writes the times of ${count(floating, 'event')} without a time zone and names none: they were left empty until the conference’s time zone is chosen.`,
    );
  if (talks.some((t) => t.start && !t.timeZone)) {
    warnings.push(
      'The calendar gives times in UTC only, so the venue’s time zone is unknown; times are shown in UTC until it is known.',
    );
  }
  return { talks, warnings, source: 'ics' };
}

/** Indico's DESCRIPTION opens with "Speakers: Marie Curie (CERN), Pierre Auger (Université Paris-Saclay)". */
function indicoSpeakers(description: string | null): Speaker[] {
  const line = description ? /^\s*Speakers?:\s*(.+)$/im.exec(description)?.[1] : null;
  if (!line) return [];
  return line.split(/\s*,\s*(?![^()]*\))/).flatMap((part) => {
    const m = /^(.*?)\s*(?:\(([^()]+)\))?$/.exec(part.trim());
    const name = m?.[1]?.trim();
    return name
      ? [
          {
            name,
            role: null,
            company: m?.[2]?.trim() ?? null,
            roleCompanyRaw: m?.[2]?.trim() ?? null,
            group: null,
            profileUrl: null,
            avatarUrl: null,
          },
        ]
      : [];
  });
}

/** pretalx's event address from a talk page (`https://host/event/talk/CODE/` → `https://host/event/`), as its pages key the conference. */
function pretalxEventUrl(link: string | null): string | null {
  return link ? (/^(.*\/)talk\/[A-Za-z0-9]+\/?$/.exec(link)?.[1] ?? null) : null;
}

/**
 * Each event's id: its UID, unless the feed reuses that UID for other events (hand-made feeds
 * give 67 events one UID); those get the UID plus their start, plus their title when even that
 * repeats, so no event overwrites another when stored. A UID with a RECURRENCE-ID is one
 * occurrence of a series: it keeps its start too.
 */
function uniqueEventIds(events: Component[]): (string | null)[] {
  const uids = events.map((e) => first(e, 'UID')?.value.trim() || null);
  const seen = new Map<string, number>();
  for (const uid of uids) if (uid) seen.set(uid, (seen.get(uid) ?? 0) + 1);
  const withStart = events.map((e, i) => {
    const uid = uids[i];
    if (!uid || (seen.get(uid)! < 2 && !first(e, 'RECURRENCE-ID'))) return uid ?? null;
    return `${uid}@${first(e, 'RECURRENCE-ID')?.value.trim() || first(e, 'DTSTART')?.value.trim() || ''}`;
  });
  const again = new Map<string, number>();
  for (const id of withStart) if (id) again.set(id, (again.get(id) ?? 0) + 1);
  return withStart.map((id, i) => (id && again.get(id)! > 1 ? `${id}#${textOfProp(events[i]!, 'SUMMARY') ?? i}` : id));
}

function instantToIsoLike(at: number, like: string, zone: string | null): string {
  const offset = /([+-]\d{2}:\d{2}|Z)$/.exec(like)?.[1] ?? 'Z';
  if (zone) return instantToIso(at, { timeZone: zone, offsetMinutes: null });
  const minutes =
    offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return instantToIso(at, { timeZone: null, offsetMinutes: minutes === 0 ? null : minutes });
}
