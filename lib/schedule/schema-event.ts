/**
 * schema.org Events, whether read from JSON-LD or microdata, as talks. Only events with a time of
 * day are sessions: a date-only Event is the whole conference (Sched list pages carry one).
 */
import type { ConferenceRef, ExtractedTalk, Speaker, TalkSource } from '../model';
import { describe, describeMixed, type Description } from './description';
import { absoluteUrl, decodeEntities, videoUrlFrom, windowOf } from './dom';
import { count, newTalk } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { isoOffsetMinutes, parseInstant, toIsoInZone, toIsoWithOffset } from '../time/zones';
import { floatingIsoToIso, instantToIso, resolveTimeZone, zoneFromCityName, type ZoneResolution } from '../time/parse';
import { zoneFromAddress } from '../time/places';

/**
 * A JSON-LD description: HTML, plain text, or HTML escaped once more (The Events Calendar writes
 * "&lt;p&gt;…"). Entities are decoded only when no tag is there, so written HTML keeps its meaning.
 */
function describeJsonText(text: string | null, win: Parameters<typeof describeMixed>[1]): Description {
  if (!text || /<[a-z][^>]*>/i.test(text)) return describeMixed(text, win);
  return describeMixed(decodeEntities(text), win);
}

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
  /** The address's city and country: a city named like an IANA zone's ("Vienna", AT) places times written without offset. */
  city: string | null;
  country: string | null;
  /** Plain text or HTML (JSON-LD), or the element holding it (microdata). */
  description: string | Element | null;
  performers: SchemaPerson[];
  superEvent: { name: string | null; url: string | null } | null;
  video: string | null;
  keywords: string[];
  /** "Cancelled", "Postponed", "Rescheduled", "Moved online"; null when scheduled or unsaid. */
  status: string | null;
}

/** `eventStatus` other than scheduled, in words ("https://schema.org/EventCancelled" → "Cancelled"). */
export function statusOf(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim().replace(/^.*[/:]/, '') : '';
  const words: Record<string, string> = {
    EventCancelled: 'Cancelled',
    EventPostponed: 'Postponed',
    EventRescheduled: 'Rescheduled',
    EventMovedOnline: 'Moved online',
  };
  return words[s] ?? null;
}

/** "2026-04-14 09:30" (HTML's datetime and many PHP sites separate with a space) as ISO's "2026-04-14T09:30". */
const isoOf = (value: string | null): string | null =>
  value?.trim().replace(/^(\d{4}-\d{2}-\d{2})\s+(?=\d{2}:\d{2})/, '$1T') ?? null;

export const hasTime = (iso: string | null): boolean => !!iso && /T\d{2}:\d{2}/.test(isoOf(iso)!);

/** A time written in UTC ("…Z", as `toISOString()` writes) states the instant, not the venue's offset. */
const isUtcNotation = (iso: string): boolean => /z$/i.test(iso.trim());

function writeTime(value: string | null, zone: ZoneResolution): string | null {
  const iso = isoOf(value);
  if (!iso || !hasTime(iso)) return null;
  const offset = isoOffsetMinutes(iso);
  if (offset === null) return floatingIsoToIso(iso, zone);
  const at = parseInstant(iso);
  if (at === null) return null;
  if (zone.timeZone) return instantToIso(at, zone);
  // Written as stated, in one form: seconds always, no fractions ("…09:15:00.000Z", "…T09:30+01:00").
  return isUtcNotation(iso) ? toIsoInZone(at, null) : toIsoWithOffset(at, offset);
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
export function talksFromSchemaEvents(
  events: SchemaEvent[],
  doc: Document,
  url: URL,
  source: TalkSource,
  options: ExtractOptions,
): ExtractionResult {
  const timed = events.filter((e) => e.name && hasTime(e.startDate));
  if (!timed.length) {
    const warnings = events.some((e) => e.name && e.startDate)
      ? ['This page describes an event by its dates only; no session time is given on it.']
      : [];
    return { talks: [], warnings, source };
  }
  const observed = timed
    .flatMap((e) => [isoOf(e.startDate), isoOf(e.endDate)])
    .flatMap((iso) => {
      const at = parseInstant(iso);
      const offset = iso && hasTime(iso) && !isUtcNotation(iso) ? isoOffsetMinutes(iso) : null;
      return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
    });
  // A venue city that names a zone is a printed zone: used only if it fits every stated offset.
  let cityZone: string | null = null;
  for (const e of timed) if ((cityZone = zoneFromAddress(e.city, e.country, zoneFromCityName))) break;
  const zone = resolveTimeZone({
    observed,
    printed: [cityZone],
    known: options.timeZone ?? null,
    place: timed.map((e) => e.place).find(Boolean) ?? null,
  });
  const win = windowOf(doc);
  const pageUrl = `${url.origin}${url.pathname}`;
  const talks: ExtractedTalk[] = [];
  let floatingLeft = 0;
  timed.forEach((e, i) => {
    const own = absoluteUrl(e.url, url.href);
    const start = writeTime(e.startDate, zone);
    if (!start) floatingLeft++;
    const description: Description =
      typeof e.description === 'string' || e.description === null
        ? describeJsonText(e.description, win)
        : describe(e.description, win, url.href);
    const conference: ConferenceRef | null = e.superEvent
      ? {
          key: absoluteUrl(e.superEvent.url, url.href) ?? e.superEvent.name ?? url.host,
          name: e.superEvent.name,
          url: absoluteUrl(e.superEvent.url, url.href),
          timeZone: zone.timeZone,
        }
      : null;
    talks.push(
      newTalk(source, own ?? (timed.length === 1 ? pageUrl : `${pageUrl}#event-${i + 1}`), e.name!, {
        externalId: e.identifier,
        start,
        end: writeTime(e.endDate, zone),
        timeZone: zone.timeZone,
        room: e.room,
        tracks: e.keywords,
        customFields: e.status ? { Status: e.status } : {},
        speakers: e.performers.map(speakerOf),
        ...description,
        videoUrl: videoUrlFrom(e.video) ?? absoluteUrl(e.video, url.href),
        conference,
      }),
    );
  });
  const warnings: string[] = [];
  if (floatingLeft)
    warnings.push(`The time of ${count(floatingLeft, 'session')} is given without a time zone and was left empty.`);
  else if (!zone.timeZone)
    warnings.push('The conference’s time zone is not named on this page; times keep the offset the page gives.');
  return { talks, warnings, source };
}
