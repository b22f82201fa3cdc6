/**
 * When Sched sessions happen. Session pages state instants in JSON-LD (offsets written without a
 * colon); every view prints wall times with an abbreviation that may be ambiguous ("CST"), so the
 * conference's zone is resolved once per page from everything the page states, then applied to
 * each printed time.
 */
import type { ExtractOptions } from './types';
import { decodeEntities, hasType, jsonLdObjects, placeText, stringOrNull, textOf } from './dom';
import { firstLine } from './sched-common';
import type { SchedBlock } from './sched-scan';
import { isoOffsetMinutes, normalizeIsoOffset, parseInstant } from '../time/zones';
import {
  addDays,
  floatingIsoToIso,
  instantToIso,
  offsetBetween,
  parsePrintedDate,
  parseTimeRange,
  resolveTimeZone,
  wallTime,
  wallTimeToIso,
  type CalendarDate,
  type PrintedRange,
  type ZoneResolution,
} from '../time/parse';

export interface LdEvent {
  name: string | null;
  url: string | null;
  start: string | null;
  end: string | null;
  raw: Record<string, unknown>;
}

/** JSON-LD Events of a page: sessions carry times of day, the conference-level Event only dates. */
export function ldEvents(doc: Document): { sessions: LdEvent[]; conference: LdEvent | null; place: string | null } {
  const events = jsonLdObjects(doc)
    .filter((o) => hasType(o, 'Event'))
    .map((raw) => ({
      // Sched escapes names in its JSON-LD ("Q&amp;A"): decoded, they compare with the printed title.
      name: decodeEntities(stringOrNull(raw.name) ?? '') || null,
      url: stringOrNull(raw.url),
      start: stringOrNull(raw.startDate),
      end: stringOrNull(raw.endDate),
      raw,
    }));
  const timed = (e: LdEvent) => !!e.start?.includes('T');
  return {
    sessions: events.filter(timed),
    conference: events.find((e) => !timed(e)) ?? null,
    place: events.map((e) => placeText(e.raw.location)).find(Boolean) ?? null,
  };
}

/** The day anchor's date; a list's sessions share a handful of days, so each is parsed once per page. */
function dayOf(block: SchedBlock, days: Map<string, CalendarDate | null>) {
  if (!block.day) return null;
  let day = days.get(block.day);
  if (day === undefined) days.set(block.day, (day = parsePrintedDate(block.day)));
  return day;
}

/**
 * The printed time of a session: its own date line (`.list-single__date`, else the first line of
 * `.sched-event-details-timeandplace`), else the day anchor and time heading of a list view.
 */
export function printedRangeOf(
  block: SchedBlock,
  fallbackYear: number | null,
  parsed: Map<string, PrintedRange | null> = new Map(),
  days: Map<string, CalendarDate | null> = new Map(),
): PrintedRange | null {
  const day = dayOf(block, days);
  const line = block.dates[0] ? textOf(block.dates[0]) : block.places[0] ? firstLine(block.places[0]) : '';
  const year = day?.year ?? fallbackYear;
  // Parallel sessions print the same line: a list page of 600 sessions holds ~160 distinct ones.
  const key = `${year}\n${line}`;
  if (line && !parsed.has(key)) parsed.set(key, parseTimeRange(line, { year }));
  const found = line ? parsed.get(key) : null;
  const own = found ? { ...found } : null; // a copy: its dates may be filled in below
  if (own) {
    if (!own.startDate && day) {
      own.startDate = day;
      // Without a printed date the end's day follows from the clock: after midnight means the next day.
      const overnight = own.end && own.end.hour * 60 + own.end.minute < own.start.hour * 60 + own.start.minute;
      own.endDate = own.end ? (overnight ? addDays(day, 1) : day) : null;
    }
    return own;
  }
  const heading = block.heading ? parseTimeRange(block.heading) : null;
  if (!heading) return null;
  return { ...heading, startDate: day, endDate: heading.end ? day : null };
}

function approxInstant(r: PrintedRange): number | null {
  return r.startDate
    ? Date.UTC(r.startDate.year, r.startDate.month - 1, r.startDate.day, r.start.hour, r.start.minute)
    : null;
}

/** The conference's zone, from the JSON-LD offsets, every printed zone, the venue and the caller. */
export function resolveSchedZone(
  ranges: (PrintedRange | null)[],
  ld: LdEvent[],
  place: string | null,
  options: ExtractOptions,
  ids: (string | null)[] = [],
): ZoneResolution {
  const printed = ranges.map((r) => r?.zone);
  const observed = ld
    .flatMap((e) => [e.start, e.end])
    .flatMap((iso) => {
      const at = parseInstant(iso);
      const offset = iso ? isoOffsetMinutes(iso) : null;
      return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
    });
  // A reference feed's instant for the same session, against the wall time printed here, is an offset.
  const known = new Map((options.reference ?? []).map((t) => [t.externalId?.toLowerCase(), parseInstant(t.start)]));
  ranges.forEach((r, i) => {
    const at = known.get(ids[i]?.toLowerCase());
    if (r?.startDate && at != null)
      observed.push({ at, offsetMinutes: offsetBetween(wallTime(r.startDate, r.start), at) });
  });
  const dates = ranges.map((r) => (r ? approxInstant(r) : null)).filter((d): d is number => d !== null);
  return resolveTimeZone({ printed, observed, dates, place, known: options.timeZone ?? null });
}

export interface SessionTimes {
  start: string | null;
  end: string | null;
}

/** JSON-LD instants when the session states them (written in the conference zone), else the printed wall times. */
export function sessionTimes(ld: LdEvent | null, range: PrintedRange | null, zone: ZoneResolution): SessionTimes {
  if (ld?.start) {
    const write = (iso: string | null) => {
      if (iso && isoOffsetMinutes(iso) === null) return floatingIsoToIso(iso, zone);
      const at = parseInstant(iso);
      if (at === null) return null;
      return zone.timeZone ? instantToIso(at, zone) : normalizeIsoOffset(iso!);
    };
    return { start: write(ld.start), end: write(ld.end) };
  }
  if (!range?.startDate) return { start: null, end: null };
  return {
    start: wallTimeToIso(wallTime(range.startDate, range.start), zone),
    end: range.end && range.endDate ? wallTimeToIso(wallTime(range.endDate, range.end), zone) : null,
  };
}
