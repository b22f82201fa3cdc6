/**
 * schema.org Events, whether read from JSON-LD or microdata, as talks. Only events with a time of
 * day are sessions: a date-only Event is the whole conference (Sched list pages carry one).
 */
import type { ConferenceRef, ExtractedTalk, Speaker, TalkSource } from '../model';
import { describe, describeMixed, type Description } from './description';
import { absoluteUrl, videoUrlFrom, windowOf } from './dom';
import { count, newTalk } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { isoOffsetMinutes, normalizeIsoOffset, parseInstant } from '../time/zones';
import { floatingIsoToIso, instantToIso, resolveTimeZone, type ZoneResolution } from '../time/parse';

export interface SchemaPerson {
  name: string;
  jobTitle: string | null;
  worksFor: string | null;
  url: string | null;
  image: string | null;
}

export interface SchemaEvent {
  name: string | null;
  url: string | null;
  identifier: string | null;
  startDate: string | null;
  endDate: string | null;
  /** The location's name: the room for a session. */
  room: string | null;
  /** The location as text, to break time-zone ties. */
  place: string | null;
  /** Plain text or HTML (JSON-LD), or the element holding it (microdata). */
  description: string | Element | null;
  performers: SchemaPerson[];
  superEvent: { name: string | null; url: string | null } | null;
  video: string | null;
  keywords: string[];
}

export const hasTime = (iso: string | null): boolean => !!iso && /T\d{2}:\d{2}/.test(iso);

function writeTime(iso: string | null, zone: ZoneResolution): string | null {
  if (!iso || !hasTime(iso)) return null;
  if (isoOffsetMinutes(iso) === null) return floatingIsoToIso(iso, zone);
  const at = parseInstant(iso);
  if (at === null) return null;
  return zone.timeZone ? instantToIso(at, zone) : normalizeIsoOffset(iso);
}

function speakerOf(p: SchemaPerson): Speaker {
  return {
    name: p.name,
    role: p.jobTitle,
    company: p.worksFor,
    // The page printed no single "Position, Company" string: nothing raw to keep.
    roleCompanyRaw: null,
    group: null,
    profileUrl: p.url,
    avatarUrl: p.image,
  };
}

/** Talks from the timed events of a page; `source` says which reader found them. */
export function talksFromSchemaEvents(events: SchemaEvent[], doc: Document, url: URL, source: TalkSource, options: ExtractOptions): ExtractionResult {
  const timed = events.filter((e) => e.name && hasTime(e.startDate));
  if (!timed.length) {
    const warnings = events.some((e) => e.name && e.startDate)
      ? ['This page describes an event by its dates only; no session time is given on it.']
      : [];
    return { talks: [], warnings, source };
  }
  const observed = timed.flatMap((e) => [e.startDate, e.endDate]).flatMap((iso) => {
    const at = parseInstant(iso);
    const offset = iso && hasTime(iso) ? isoOffsetMinutes(iso) : null;
    return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
  });
  const zone = resolveTimeZone({ observed, known: options.timeZone ?? null, place: timed.map((e) => e.place).find(Boolean) ?? null });
  const win = windowOf(doc);
  const pageUrl = `${url.origin}${url.pathname}`;
  const talks: ExtractedTalk[] = [];
  let floatingLeft = 0;
  timed.forEach((e, i) => {
    const own = absoluteUrl(e.url, url.href);
    const start = writeTime(e.startDate, zone);
    if (!start) floatingLeft++;
    const description: Description = typeof e.description === 'string' || e.description === null
      ? describeMixed(e.description, win)
      : describe(e.description, win, url.href);
    const conference: ConferenceRef | null = e.superEvent
      ? { key: absoluteUrl(e.superEvent.url, url.href) ?? e.superEvent.name ?? url.host, name: e.superEvent.name, url: absoluteUrl(e.superEvent.url, url.href), timeZone: zone.timeZone }
      : null;
    talks.push(newTalk(source, own ?? (timed.length === 1 ? pageUrl : `${pageUrl}#event-${i + 1}`), e.name!, {
      externalId: e.identifier,
      start,
      end: writeTime(e.endDate, zone),
      timeZone: zone.timeZone,
      room: e.room,
      tracks: e.keywords,
      speakers: e.performers.map(speakerOf),
      ...description,
      videoUrl: videoUrlFrom(e.video) ?? absoluteUrl(e.video, url.href),
      conference,
    }));
  });
  const warnings: string[] = [];
  if (floatingLeft) warnings.push(`The time of ${count(floatingLeft, 'session')} is given without a time zone and was left empty.`);
  else if (!zone.timeZone) warnings.push('The conference’s time zone is not named on this page; times keep the offset the page gives.');
  return { talks, warnings, source };
}
