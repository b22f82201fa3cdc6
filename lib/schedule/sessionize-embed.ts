/**
 * Sessionize embeds (GridSmart, Sessions list) on organiser sites. Each session states its UTC
 * instants in `data-sztz="TimeWithDuration|en-US|<start>Z|<end>Z"` and prints its time in the
 * event's zone, so the difference gives the venue offset; the event's zone comes from the embed's
 * city name ("Vienna") when present. Sessionize's script may already have swapped `data-sztz`
 * for printed texts (`data-sztz-e`): then the printed day and time are read instead.
 */
import type { ExtractedTalk, Speaker } from '../model';
import { describe } from './description';
import { canonicalUrl, textOf, windowOf } from './dom';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult, Extractor } from './types';
import {
  instantToIso,
  offsetBetween,
  parsePrintedDate,
  parseTimeRange,
  resolveTimeZone,
  wallTime,
  wallTimeToIso,
  zoneFromCityName,
  type CalendarDate,
} from '../time/parse';

const SESSION = '[data-sessionid]';

interface Slot {
  start: number | null;
  end: number | null;
  /** The time as printed in the event's zone. */
  printed: string;
  day: CalendarDate | null;
}

function instant(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/(\.\d{3})\d*Z$/, '$1Z'));
  return Number.isNaN(ms) ? null : ms;
}

function slotOf(time: Element | null, day: CalendarDate | null): Slot {
  const parts = (time?.getAttribute('data-sztz') ?? '').split('|');
  return {
    start: instant(parts[2]),
    end: instant(parts[3]),
    printed: time?.getAttribute('data-sztz-e') ?? textOf(time),
    day,
  };
}

/** The event's zone: its city ("Vienna"), else its printed offset ("UTC +2"), as the embed script states them. */
function eventZoneHints(doc: Document): { city: string | null; offset: string | null } {
  const radio = doc.querySelector('.sz-timezone__radio--event');
  const scripts = Array.from(doc.querySelectorAll('script:not([src])'), (s) => s.textContent ?? '').join('\n');
  const city =
    textOf(radio?.querySelector('.sz-timezone__name')) ||
    /eventCityName\s*=\s*['"]([^'"]+)['"]/.exec(scripts)?.[1] ||
    null;
  const offset =
    textOf(radio?.querySelector('.sz-timezone__tooltip')) ||
    /eventTimezone\s*=\s*['"]([^'"]+)['"]/.exec(scripts)?.[1] ||
    null;
  return { city, offset: offset?.replace(/\s+/g, '') ?? null };
}

function speakersOf(el: Element): Speaker[] {
  return uniqueStrings(Array.from(el.querySelectorAll('.sz-session__speakers [data-speakerid]'), textOf)).map(
    (name) => ({
      name,
      role: null,
      company: null,
      roleCompanyRaw: null,
      group: null,
      profileUrl: null,
      avatarUrl: null,
    }),
  );
}

export function extractSessionizeEmbed(doc: Document, url: URL, options: ExtractOptions = {}): ExtractionResult {
  // One walk in document order: day titles set the day of the sessions that follow them. A
  // session may appear twice (grid and list views); each fact comes from the first copy that has it.
  const copies = new Map<string, Element[]>();
  const slots = new Map<string, Slot>();
  let day: CalendarDate | null = null;
  for (const el of Array.from(doc.querySelectorAll(`.sz-day__title, ${SESSION}`))) {
    if (el.matches('.sz-day__title')) {
      day = parsePrintedDate(textOf(el));
      continue;
    }
    const id = el.getAttribute('data-sessionid') ?? '';
    if (!id || !el.querySelector('.sz-session__title')) continue;
    copies.set(id, [...(copies.get(id) ?? []), el]);
    const time = el.querySelector('.sz-session__time');
    if (time && !slots.get(id)?.printed) slots.set(id, slotOf(time, day));
  }

  const observed = [...slots.values()].flatMap((s) => {
    const clock = s.start !== null ? parseTimeRange(s.printed) : null;
    if (!clock || s.start === null) return [];
    const d = new Date(s.start);
    // The printed clock is in the event's zone; without a printed day its date may differ from the UTC date by one.
    const days = s.day
      ? [s.day]
      : [-1, 0, 1].map((shift) => ({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate() + shift,
        }));
    const offset = days
      .map((date) => offsetBetween(wallTime(date, clock.start), s.start!))
      .find((o) => o >= -720 && o <= 840);
    return offset === undefined ? [] : [{ at: s.start, offsetMinutes: offset }];
  });
  const hints = eventZoneHints(doc);
  const zone = resolveTimeZone({
    known: zoneFromCityName(hints.city) ?? options.timeZone ?? null,
    printed: [hints.offset],
    observed,
  });

  const page = canonicalUrl(doc, url);
  const win = windowOf(doc);
  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  for (const [id, els] of copies) {
    const pick = (selector: string) => els.map((el) => el.querySelector(selector)).find(Boolean) ?? null;
    const slot = slots.get(id) ?? slotOf(null, null);
    let start: string | null = null;
    let end: string | null = null;
    if (slot.start !== null) {
      start = instantToIso(slot.start, zone);
      end = slot.end !== null ? instantToIso(slot.end, zone) : null;
    } else {
      const range = parseTimeRange(slot.printed);
      const date = range?.startDate ?? slot.day;
      if (range && date) {
        start = wallTimeToIso(wallTime(date, range.start), zone);
        end = range.end ? wallTimeToIso(wallTime(range.endDate ?? date, range.end), zone) : null;
      }
    }
    if (!start) untimed++;
    const tracks: string[] = [];
    const fields: Record<string, string> = {};
    const tags =
      els
        .map((el) => Array.from(el.querySelectorAll('.sz-session__tags .sz-tag, .sz-session__categories li')))
        .find((t) => t.length) ?? [];
    for (const tag of tags) {
      // data-categoryname is a slug ("session_format"): shown as "Session format".
      const slug = (tag.getAttribute('data-categoryname') ?? '').replace(/_/g, ' ').trim();
      const category = slug.charAt(0).toUpperCase() + slug.slice(1);
      const name = textOf(tag);
      if (!name) continue;
      if (!category || /track|topic|tag/i.test(category)) tracks.push(name);
      else fields[category] = fields[category] ? `${fields[category]}, ${name}` : name;
    }
    const people = els.find((el) => el.querySelector('.sz-session__speakers [data-speakerid]'));
    talks.push(
      newTalk('sessionize', `${page}#sz-session-${id}`, textOf(pick('.sz-session__title')), {
        externalId: id,
        start,
        end,
        timeZone: zone.timeZone,
        room: textOf(pick('.sz-session__room')) || null,
        tracks: uniqueStrings(tracks),
        customFields: fields,
        speakers: people ? speakersOf(people) : [],
        ...describe(pick('.sz-session__description'), win, url.href),
        conference: { key: url.host.toLowerCase(), name: null, url: url.origin, timeZone: zone.timeZone },
      }),
    );
  }

  const warnings: string[] = [];
  if (!talks.length)
    warnings.push(
      'This Sessionize schedule shows no sessions yet (it may still be loading). Wait for it to appear and try again.',
    );
  if (untimed)
    warnings.push(
      `The time of ${count(untimed, 'session')} could not be read${zone.problem ? ` (${zone.problem})` : ''}.`,
    );
  if (!zone.timeZone && talks.length > untimed) {
    warnings.push(
      `The conference’s time zone is unknown (${zone.problem ?? 'the embed does not name it'}); times keep the offset the schedule shows.`,
    );
  }
  return { talks, warnings, source: 'sessionize' };
}

export const sessionizeEmbedExtractor: Extractor = {
  name: 'sessionize',
  detect: (doc) =>
    !!doc.querySelector('.sz-root, .sessionize-wrapper, #sessionize, .sessionize-loader') ||
    !!doc.querySelector(`${SESSION} .sz-session__title`),
  extract: extractSessionizeEmbed,
};
