/**
 * pretalx's `schedule.json` (the frab / C3VOC format): days → rooms → events, each dated with an
 * offset and a duration. The export names its zone (`time_zone_name`), but not always truthfully
 * (the demo instance says UTC while dating everything +01:00): the zone is used only where it
 * fits the offsets, and the offsets are never rewritten on its say-so.
 */
import type { ExtractedTalk, Speaker, TalkFile } from '../model';
import { describeText } from './description';
import { absoluteUrl, videoUrlFrom } from './dom';
import { pretalxPerson } from './pretalx-common';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { isoOffsetMinutes, normalizeIsoOffset, parseInstant, toIsoWithOffset } from '../time/zones';
import { instantToIso, resolveTimeZone } from '../time/parse';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

export function isPretalxSchedule(json: unknown): boolean {
  return Array.isArray(obj(obj(obj(json).schedule).conference).days);
}

/** "00:40", "1:30" or "01:30:00" as milliseconds. */
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

function speakersOf(event: Json, eventUrl: string | null): Speaker[] {
  return arr(event.persons).flatMap((p) => {
    const person = obj(p);
    const name = str(person.public_name) ?? str(person.name) ?? str(person.full_public_name);
    if (!name) return [];
    const code = str(person.code);
    return [pretalxPerson(name, {
      profileUrl: str(person.url) ?? (eventUrl && code ? `${eventUrl}speaker/${code}/` : null),
      avatarUrl: str(person.avatar) ? absoluteUrl(str(person.avatar), eventUrl ?? 'https://invalid.example/') : null,
    })];
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
  const code = url ? /\/talk\/([A-Za-z0-9]+)\/?$/.exec(url)?.[1] : null;
  const slug = str(event.slug);
  return code ?? (slug && /^[A-Z0-9]{5,8}$/.test(slug) ? slug : null) ?? str(event.guid) ?? str(event.id);
}

export function parsePretalxSchedule(json: unknown, url: string, options: ExtractOptions = {}): ExtractionResult {
  if (!isPretalxSchedule(json)) return { talks: [], warnings: ['This JSON is not a pretalx schedule export.'], source: 'pretalx' };
  const schedule = obj(obj(json).schedule);
  const conference = obj(schedule.conference);
  const events = arr(conference.days).flatMap((d) => Object.values(obj(obj(d).rooms)).flatMap(arr)).map(obj);

  const stated = str(conference.time_zone_name);
  const observed = events.flatMap((e) => {
    const date = str(e.date);
    const at = parseInstant(date);
    const offset = date ? isoOffsetMinutes(date) : null;
    return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
  });
  const zone = resolveTimeZone({ printed: [stated], observed, known: options.timeZone ?? null });
  const firstTalkUrl = events.map((e) => str(e.url)).find(Boolean) ?? null;
  const eventUrl = eventUrlOf(conference, schedule, firstTalkUrl);
  const ref = { key: eventUrl ?? str(conference.acronym) ?? url, name: str(conference.title), url: eventUrl, timeZone: zone.timeZone };

  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  for (const event of events) {
    const title = str(event.title);
    if (!title) continue;
    const talkUrl = absoluteUrl(str(event.url), url);
    const date = str(event.date);
    const at = parseInstant(date);
    const offset = date ? isoOffsetMinutes(date) : null;
    const duration = durationMs(event.duration);
    const write = (t: number) => (zone.timeZone ? instantToIso(t, zone) : toIsoWithOffset(t, offset ?? 0));
    if (at === null || offset === null) untimed++;
    const fields: Record<string, string> = {};
    for (const [label, key] of [['Subtitle', 'subtitle'], ['Type', 'type'], ['Language', 'language']] as const) {
      const value = str(event[key]);
      if (value) fields[label] = value;
    }
    if (event.do_not_record === true) fields['Recording'] = 'Not recorded';
    const text = [str(event.abstract), str(event.description)].filter(Boolean).join('\n\n');
    talks.push(newTalk('pretalx', talkUrl ?? `${url.split('#')[0]}#${encodeURIComponent(str(event.guid) ?? title)}`, title, {
      externalId: externalIdOf(event, talkUrl),
      start: at !== null && offset !== null ? (zone.timeZone ? write(at) : normalizeIsoOffset(date!)) : null,
      end: at !== null && offset !== null && duration !== null ? write(at + duration) : null,
      timeZone: zone.timeZone,
      room: str(event.room),
      tracks: uniqueStrings([str(event.track)]),
      customFields: fields,
      speakers: speakersOf(event, eventUrl),
      ...describeText(text),
      ...filesAndVideo(event, talkUrl ?? url),
      conference: ref,
    }));
  }

  const warnings: string[] = [];
  if (!talks.length) warnings.push('This pretalx schedule has no talks in it yet.');
  if (untimed) warnings.push(`The time of ${count(untimed, 'talk')} could not be read.`);
  if (!zone.timeZone && talks.length > untimed) {
    warnings.push(stated
      ? `The schedule names its time zone “${stated}”, but its times are written with other offsets; times are kept as written and the time zone is left unknown.`
      : 'The schedule does not name its time zone; times keep the offsets they were written with.');
  }
  return { talks, warnings, source: 'pretalx' };
}
