/**
 * pretalx's schedule without JavaScript (`/<event>/schedule/nojs`): every session under its day
 * (`.pretalx-list-day[data-start]`, an ISO date with the event's offset), each a `.pretalx-session`
 * with its start time, duration ("25min"), title, speakers, track and room, linked to its talk page.
 * Read as a list view, so "Add the day" works on it. Breaks (no talk page) are left out.
 */
import type { ExtractedTalk } from '../model';
import { absoluteUrl, documentBase, textOf, textWithout } from './dom';
import { pretalxPerson } from './pretalx-common';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { isoOffsetMinutes, parseInstant } from '../time/zones';
import { parseTimeRange, resolveTimeZone, wallTime, wallTimeToIso, addDays } from '../time/parse';

export const NOJS_PATH = /^(\/(?:[^/]+\/)+)schedule\/nojs\/?$/;

export function isPretalxNojs(doc: Document, url: URL): boolean {
  return NOJS_PATH.test(url.pathname) || !!doc.querySelector('#fahrplan.list .pretalx-list-day');
}

/** "2026-03-19T09:00:00-04:00" → the day and the offset the event states for it. */
function dayOf(
  el: Element,
): { date: { year: number; month: number; day: number }; at: number | null; offset: number | null } | null {
  const start = el.getAttribute('data-start') ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(start);
  if (!m) return null;
  return {
    date: { year: +m[1]!, month: +m[2]!, day: +m[3]! },
    at: parseInstant(start),
    offset: isoOffsetMinutes(start),
  };
}

export function extractPretalxNojs(doc: Document, url: URL, options: ExtractOptions = {}): ExtractionResult {
  const base = documentBase(doc, url.href);
  const eventPath = NOJS_PATH.exec(url.pathname)?.[1] ?? /^\/[^/]+\//.exec(url.pathname)?.[0] ?? '/';
  const eventUrl = `${url.origin}${eventPath}`;
  const days = Array.from(doc.querySelectorAll('.pretalx-list-day'));
  const observed = days.flatMap((d) => {
    const day = dayOf(d);
    return day?.at != null && day.offset !== null ? [{ at: day.at, offsetMinutes: day.offset }] : [];
  });
  const zone = resolveTimeZone({ observed, known: options.timeZone ?? null });
  const api = doc.querySelector('link[rel="alternate"][type="application/json"]');
  const name =
    api
      ?.getAttribute('title')
      ?.replace(/\s+API$/, '')
      .trim() ||
    doc.title.split(' :: ').pop()?.trim() ||
    null;
  const conference = { key: eventUrl, name, url: eventUrl, timeZone: zone.timeZone };

  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  for (const dayEl of days) {
    const day = dayOf(dayEl);
    let bucket: string | null = null;
    for (const el of Array.from(dayEl.querySelectorAll('.bucket-time, .pretalx-session'))) {
      if (el.classList.contains('bucket-time')) {
        bucket = textOf(el) || bucket;
        continue;
      }
      const link = el.closest('a[href]');
      const href = absoluteUrl(link?.getAttribute('href'), base);
      if (!href || el.classList.contains('break')) continue;
      const title = textWithout(el.querySelector('.pretalx-session-info .title'), '.fa-stack');
      if (!title) continue;
      // With `show_date` the box prints the date, then the time: the time is the last `.start`.
      const starts = Array.from(el.querySelectorAll('.pretalx-session-time-box .start'));
      const clock = parseTimeRange(textOf(starts[starts.length - 1]) || bucket || '');
      const minutes = Number(/(\d+)\s*min/i.exec(textOf(el.querySelector('.duration')))?.[1] ?? NaN);
      let start: string | null = null;
      let end: string | null = null;
      if (day && clock) {
        start = wallTimeToIso(wallTime(day.date, clock.start), zone);
        if (start && Number.isFinite(minutes)) {
          const total = clock.start.hour * 60 + clock.start.minute + minutes;
          end = wallTimeToIso(
            wallTime(addDays(day.date, Math.floor(total / 1440)), {
              hour: Math.floor(total / 60) % 24,
              minute: total % 60,
            }),
            zone,
          );
        }
      }
      if (!start) untimed++;
      const names = textOf(el.querySelector('.speakers'))
        .split(/\s*,\s*(?![^[]*\])/)
        .filter(Boolean);
      talks.push(
        newTalk('pretalx', href, title, {
          externalId: el.id && el.id !== 'break' ? el.id : (/\/talk\/([A-Za-z0-9]+)\/?$/.exec(href)?.[1] ?? null),
          start,
          end,
          timeZone: zone.timeZone,
          room: textOf(el.querySelector('.bottom-info .room')) || null,
          tracks: uniqueStrings([textOf(el.querySelector('.bottom-info .track'))]),
          speakers: names.map((n) => pretalxPerson(n)),
          conference,
        }),
      );
    }
  }
  const warnings: string[] = [];
  if (!talks.length) warnings.push('This pretalx schedule shows no sessions yet.');
  if (untimed)
    warnings.push(
      `The time of ${count(untimed, 'session')} could not be read${zone.problem && !zone.offsetMinutes ? `: ${zone.problem}` : ''}.`,
    );
  if (!zone.timeZone && talks.length > untimed) {
    warnings.push(
      'This schedule view gives only UTC offsets, not the event’s time zone: times keep the offset, and Talkmark asks for the zone.',
    );
  }
  return { talks, warnings, source: 'pretalx' };
}
