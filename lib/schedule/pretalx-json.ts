/**
 * The frab / C3VOC `schedule.json`, as pretalx, frab and the CCC hub export it.
 * - v1: days → rooms → events, each dated with an offset (`date`) and a `duration` ("00:40").
 * - v2 (C3VOC schema2, the hub since 38C3): `days` only name dates; `events` is a list beside the
 *   conference, each with `start`/`end`, a room object, a track slug and `participants`, and the
 *   people in a top-level `persons` list. Both may appear in one file; events are read from both.
 * The export names its zone (`time_zone_name`), but not always truthfully (the demo instance says
 * UTC while dating everything +01:00): the zone is used only where it fits the offsets, and the
 * offsets are never rewritten on its say-so. A file of this family whose events sit anywhere else
 * is reported as an unsupported variant, never as a schedule with no talks.
 */
import type { ExtractedTalk, Speaker, TalkFile } from '../model';
import { describeText } from './description';
import { absoluteUrl, videoUrlFrom } from './dom';
import { pretalxPerson } from './pretalx-common';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { isoOffsetMinutes, normalizeIsoOffset, parseInstant, toIsoWithOffset } from '../time/zones';
import { floatingIsoToIso, instantToIso, resolveTimeZone } from '../time/parse';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

export function isPretalxSchedule(json: unknown): boolean {
  const schedule = obj(obj(json).schedule);
  return Array.isArray(obj(schedule.conference).days) || Array.isArray(schedule.events);
}

/** A text that may be a language map (`{ "en": "…", "de": "…" }` in v2): English, else the first. */
function text(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const map = value as Json;
    return str(map.en) ?? Object.values(map).map(str).find(Boolean) ?? null;
  }
  return str(value);
}

/** Every event of either version, v1's under its day (for exports that date events by day and "HH:MM"). */
function eventsOf(schedule: Json): { event: Json; day: string | null }[] {
  const conference = obj(schedule.conference);
  const nested = arr(conference.days).flatMap((d) =>
    Object.values(obj(obj(d).rooms))
      .flatMap(arr)
      .map((e) => ({ event: obj(e), day: str(obj(d).date) })),
  );
  const listed = arr(schedule.events).map((e) => ({ event: obj(e), day: null }));
  return [...nested, ...listed];
} /** "00:40", "1:30" or "01:30:00" as milliseconds. */
function durationMs(value: unknown): number | null {
  const m = typeof value === 'string' ? /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(value.trim()) : null;
  return m ? ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 : null;
}

/** The event's base URL ("https://pretalx.example/democon/") from a talk URL or the export's base_url. */
function eventUrlOf(conference: Json, schedule: Json, talkUrl: string | null): string | null {
  const stated = str(conference.url);
  if (stated) return stated.endsWith('/') ? stated : `${stated}/`;
  const fromTalk = talkUrl ? /^(.*\/)talk\/[^/]+\/?$/.exec(talkUrl)?.[1] : null;
  if (fromTalk) return fromTalk;
  return str(schedule.base_url)?.replace(/schedule\/?$/, '') ?? null;
}

function speakersOf(event: Json, eventUrl: string | null, people: Map<string, Json>): Speaker[] {
  const seen = new Set<string>();
  return [...arr(event.persons), ...arr(event.participants)].flatMap((p) => {
    // v2 lists a participant by guid, with its details in the top-level `persons`.
    const person = { ...(people.get(str(obj(p).guid) ?? '') ?? {}), ...obj(p) };
    const role = str(person.role);
    if (role && !/^(?:speaker|moderator|host|panelist|presenter)s?$/i.test(role)) return [];
    const name = str(person.public_name) ?? str(person.name) ?? str(person.full_public_name);
    if (!name || seen.has(name)) return [];
    seen.add(name);
    const code = str(person.code);
    const avatar = str(person.avatar) ?? str(obj(person.avatar).url);
    return [
      pretalxPerson(name, {
        group: role && !/^speakers?$/i.test(role) ? role[0]!.toUpperCase() + role.slice(1) : null,
        profileUrl: str(person.url) ?? (eventUrl && code ? `${eventUrl}speaker/${code}/` : null),
        avatarUrl: avatar ? absoluteUrl(avatar, eventUrl ?? 'https://invalid.example/') : null,
      }),
    ];
  });
}

/** Attachments are files; links are resources too, except a recording, which becomes the video. */
function filesAndVideo(event: Json, base: string): { files: TalkFile[]; videoUrl: string | null } {
  const files: TalkFile[] = [];
  let videoUrl: string | null = null;
  for (const item of [...arr(event.attachments), ...arr(event.links)].map(obj)) {
    const url = absoluteUrl(str(item.url), base);
    if (!url) continue;
    const video = videoUrlFrom(url);
    if (video && !videoUrl) videoUrl = video;
    else files.push({ name: str(item.title) ?? url.split('/').pop() ?? url, url });
  }
  return { files, videoUrl };
}

function externalIdOf(event: Json, url: string | null): string | null {
  const code = (url ? /\/talk\/([A-Za-z0-9]+)\/?$/.exec(url)?.[1] : null) ?? str(event.code);
  const slug = str(event.slug);
  return code ?? (slug && /^[A-Z0-9]{5,8}$/.test(slug) ? slug : null) ?? str(event.guid) ?? str(event.id);
}

/** A v2 room or track given by reference (`{ "guid": … }`, `{ "slug": … }`): its name from the conference's lists. */
function named(value: unknown, list: unknown, key: 'guid' | 'slug'): string | null {
  if (typeof value === 'string') return str(value);
  const ref = obj(value);
  if (str(ref.name)) return str(ref.name);
  const id = str(ref[key]) ?? str(ref.slug) ?? str(ref.guid);
  const found = arr(list)
    .map(obj)
    .find((item) => id && (str(item[key]) === id || str(item.slug) === id || str(item.guid) === id));
  return str(found?.name);
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Start and end as stated: v2's `start`/`end`, v1's `date` + `duration`; a v1 event dated only by its day and "HH:MM" keeps its wall time. */
function timesOf(
  event: Json,
  day: string | null,
): { start: string | null; end: string | null; wall: string | null; duration: number | null } {
  const start = [str(event.start), str(event.date)].find((v) => v && ISO_DATETIME.test(v)) ?? null;
  const end = str(event.end) && ISO_DATETIME.test(str(event.end)!) ? str(event.end) : null;
  const clock =
    str(event.start) && /^\d{1,2}:\d{2}$/.test(str(event.start)!) ? str(event.start)!.padStart(5, '0') : null;
  return {
    start,
    end,
    wall: !start && day && clock ? `${day}T${clock}:00` : null,
    duration: durationMs(event.duration),
  };
}

/** The file holds a place for events (a v1 day's `rooms`, a v2 `events` list), even an empty one. */
function hasEventContainer(schedule: Json): boolean {
  return Array.isArray(schedule.events) || arr(obj(schedule.conference).days).some((d) => 'rooms' in obj(d));
}

export function parsePretalxSchedule(json: unknown, url: string, options: ExtractOptions = {}): ExtractionResult {
  if (!isPretalxSchedule(json))
    return { talks: [], warnings: ['This JSON is not a pretalx schedule export.'], source: 'pretalx' };
  const schedule = obj(obj(json).schedule);
  const conference = obj(schedule.conference);
  const events = eventsOf(schedule);
  const people = new Map(
    arr(schedule.persons)
      .map(obj)
      .flatMap((p) => (str(p.guid) ? [[str(p.guid)!, p] as const] : [])),
  );
  // pretalx's exports link each talk as /talk/<CODE>/; frab's and the hub's do not.
  const generator = str(obj(obj(json).generator).name) ?? '';
  const source =
    /pretalx/i.test(generator) || events.some(({ event }) => /\/talk\/[A-Za-z0-9]+\/?$/.test(str(event.url) ?? ''))
      ? 'pretalx'
      : 'frab';

  const stated = str(conference.time_zone_name);
  const observed = events.flatMap(({ event, day }) => {
    const { start } = timesOf(event, day);
    const at = parseInstant(start);
    const offset = start ? isoOffsetMinutes(start) : null;
    return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
  });
  const zone = resolveTimeZone({ printed: [stated], observed, known: options.timeZone ?? null });
  const firstTalkUrl = events.map(({ event }) => str(event.url)).find(Boolean) ?? null;
  const eventUrl = eventUrlOf(conference, schedule, firstTalkUrl);
  const ref = {
    key: eventUrl ?? str(conference.acronym) ?? url,
    name: str(conference.title),
    url: eventUrl,
    timeZone: zone.timeZone,
  };

  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  for (const { event, day } of events) {
    const title = str(event.title);
    if (!title) continue;
    const talkUrl = absoluteUrl(str(event.url), url);
    const times = timesOf(event, day);
    const at = parseInstant(times.start);
    const offset = times.start ? isoOffsetMinutes(times.start) : null;
    const endAt = parseInstant(times.end) ?? (at !== null && times.duration !== null ? at + times.duration : null);
    const write = (t: number) => (zone.timeZone ? instantToIso(t, zone) : toIsoWithOffset(t, offset ?? 0));
    let start = at !== null && offset !== null ? (zone.timeZone ? write(at) : normalizeIsoOffset(times.start!)) : null;
    let end = start && endAt !== null ? write(endAt) : null;
    if (!start && times.wall && zone.timeZone) {
      // "start": "11:00" under a day: a wall time in the zone the file names (never a guessed one).
      start = floatingIsoToIso(times.wall, zone);
      const wallAt = parseInstant(start);
      end = wallAt !== null && times.duration !== null ? instantToIso(wallAt + times.duration, zone) : null;
    }
    if (!start) untimed++;
    const fields: Record<string, string> = {};
    for (const [label, key] of [
      ['Subtitle', 'subtitle'],
      ['Type', 'type'],
      ['Language', 'language'],
    ] as const) {
      const value = text(event[key]);
      if (value) fields[label] = value;
    }
    if (event.do_not_record === true) fields['Recording'] = 'Not recorded';
    const description = [text(event.abstract), text(event.description)].filter(Boolean).join('\n\n');
    talks.push(
      newTalk(source, talkUrl ?? `${url.split('#')[0]}#${encodeURIComponent(str(event.guid) ?? title)}`, title, {
        externalId: externalIdOf(event, talkUrl),
        start,
        end,
        timeZone: zone.timeZone,
        room: named(event.room, conference.rooms, 'guid'),
        tracks: uniqueStrings([named(event.track, conference.tracks, 'slug')]),
        customFields: fields,
        speakers: speakersOf(event, eventUrl, people),
        ...describeText(description),
        ...filesAndVideo(event, talkUrl ?? url),
        conference: ref,
      }),
    );
  }

  const warnings: string[] = [];
  const what = source === 'pretalx' ? 'pretalx schedule' : 'schedule';
  if (!talks.length) {
    warnings.push(
      events.length || hasEventContainer(schedule)
        ? `This ${what} has no talks in it yet.`
        : 'Unsupported schedule format: this schedule.json lists its days but keeps its events somewhere Talkmark does not read (neither under days[].rooms nor in a schedule-wide events list).',
    );
  }
  if (untimed)
    warnings.push(
      `The time of ${count(untimed, 'talk')} could not be read${zone.timeZone ? '' : ' (the file names no time zone for its wall times)'}.`,
    );
  if (!zone.timeZone && talks.length > untimed) {
    warnings.push(
      stated
        ? `The schedule names its time zone “${stated}”, but its times are written with other offsets; times are kept as written and the time zone is left unknown.`
        : 'The schedule does not name its time zone; times keep the offsets they were written with.',
    );
  }
  return { talks, warnings, source };
}
