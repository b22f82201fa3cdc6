/**
 * pretalx talk pages (`/<event>/talk/<CODE>/`). Released versions print the slot as text
 * ("Monday, December 14th, 09:00–09:30 (Europe/Berlin), Gray Room"); newer ones wrap each time
 * in `<time data-isodatetime="…+01:00" date-timezone="Europe/Berlin">`, which is preferred.
 * The schedule page itself is drawn by a script, so it points the user at the JSON export.
 */
import type { ExtractedTalk, Speaker, TalkFile } from '../model';
import { describe } from './description';
import {
  absoluteUrl,
  canonicalUrl,
  documentBase,
  metaContent,
  textOf,
  textWithout,
  videoUrlFrom,
  windowOf,
} from './dom';
import { extractPretalxNojs, isPretalxNojs } from './pretalx-nojs';
import { eventYear, pretalxPerson, yearlessDate } from './pretalx-common';
import { newTalk } from './talk';
import type { ExtractOptions, ExtractionResult, Extractor } from './types';
import { isoOffsetMinutes, normalizeIsoOffset, parseInstant } from '../time/zones';
import { instantToIso, parseTimeRange, resolveTimeZone, wallTime, wallTimeToIso } from '../time/parse';

/** `/<event>/talk/<CODE>/`, also under the sub-path an instance may be mounted at (`/pretalx/<event>/talk/…`). */
const TALK_PATH = /^(\/(?:[^/]+\/)+)talk\/([A-Za-z0-9]+)\/?$/;

function isPretalxPage(doc: Document, url: URL): boolean {
  if (isPretalxNojs(doc, url) && doc.querySelector('.pretalx-session')) return true;
  if (/^pretalx/i.test(doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '')) return true;
  return TALK_PATH.test(url.pathname) && !!doc.querySelector('h3.talk-title, .pretalx-session');
}

function titleOf(doc: Document): string {
  const heading = doc.querySelector('h3.talk-title');
  const span = heading?.querySelector('.heading-with-buttons > span');
  const text = span ? textWithout(span, 'button') : heading ? textWithout(heading, 'small, .buttons, button') : '';
  return text.replace(/^»\s*|\s*«$/g, '') || metaContent(doc, 'og:title') || '';
}

/** The slot line under the title, without the language, "not recorded" and tooltip bits. */
function slotText(doc: Document): string {
  const small = doc.querySelector('h3.talk-title small') ?? doc.querySelector('ul.talk-slots li');
  return small ? textWithout(small, '.speakers, .fa-stack, em, i') : '';
}

/** What follows the time: ", Gray Room" (after the zone's closing parenthesis or the last time). */
function roomOf(doc: Document, slot: string): string | null {
  const small = doc.querySelector('h3.talk-title small');
  if (small?.querySelector('.timerange-block, time')) {
    const rest = textWithout(small, '.timerange-block, time, .speakers, .fa-stack, em, i');
    return rest.replace(/^[\s,–-]+/, '').trim() || null;
  }
  const afterZone = /\)\s*,\s*(.+)$/.exec(slot)?.[1];
  if (afterZone) return afterZone.trim();
  const afterTime = /\d(?:\s*[ap]\.?m\.?)?\s*,\s*([^,]+)$/i.exec(slot)?.[1];
  return afterTime?.trim() || null;
}

function speakersOf(doc: Document, base: string): Speaker[] {
  const cards = Array.from(doc.querySelectorAll('.pretalx-session'));
  const fromCards = cards.map((card) => {
    const link = card.querySelector('.pretalx-session-info .title a, .title a');
    const name = textOf(link ?? card.querySelector('.pretalx-session-info .title'));
    const src = card.querySelector('.avatar-wrapper img, img')?.getAttribute('src');
    // pretalx shows avatar.svg for speakers without a picture: no avatar, not a placeholder.
    const avatarUrl = src && !/avatar\.svg(?:$|\?)/.test(src) ? absoluteUrl(src, base) : null;
    return pretalxPerson(name, { profileUrl: absoluteUrl(link?.getAttribute('href'), base), avatarUrl });
  });
  // The oldest releases list speakers as plain links in a sidebar.
  const fromList = fromCards.length
    ? []
    : Array.from(doc.querySelectorAll('.bordered-list .info > a'), (a) =>
        pretalxPerson(textOf(a), {
          profileUrl: absoluteUrl(a.getAttribute('href'), base),
        }),
      );
  return [...fromCards, ...fromList].filter((s) => s.name);
}

/** Resources are files, except a linked recording, which is the video (as in the schedule export). */
function filesAndVideo(doc: Document, base: string): { files: TalkFile[]; videoUrl: string | null } {
  let videoUrl =
    Array.from(doc.querySelectorAll('.talk-content iframe[src], .talk iframe[src]'), (f) =>
      videoUrlFrom(f.getAttribute('src')),
    ).find(Boolean) ?? null;
  const files: TalkFile[] = [];
  for (const a of Array.from(doc.querySelectorAll('section.resources a[href]'))) {
    const url = absoluteUrl(a.getAttribute('href'), base);
    if (!url) continue;
    const video = videoUrlFrom(url);
    if (video && (!videoUrl || videoUrl === video)) videoUrl = video;
    else files.push({ name: textOf(a) || url.split('/').pop() || url, url });
  }
  return { files, videoUrl };
}

/** Answers to the event's public questions, and the talk's language printed under its title. */
function answersOf(doc: Document): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of Array.from(doc.querySelectorAll('h3.talk-title .speakers'))) {
    const label = textOf(line.querySelector('strong')).replace(/:$/, '');
    const value = textWithout(line, 'strong');
    if (label && value) fields[label] = value;
  }
  for (const q of Array.from(doc.querySelectorAll('section.answers .question'))) {
    const answer = q.nextElementSibling?.classList.contains('answer')
      ? textOf(q.nextElementSibling).replace(/^–\s*/, '')
      : '';
    const label = textOf(q).replace(/:$/, '');
    if (label && answer) fields[label] = answer;
  }
  // The crossed-out camera under the title; the schedule export says the same as do_not_record.
  if (doc.querySelector('h3.talk-title .do-not-record')) fields['Recording'] = 'Not recorded';
  return fields;
}

/** Abstract, then description, as one block of HTML (pretalx renders both from Markdown). */
function descriptionBlock(doc: Document): Element | null {
  // pretalx prints both sections even when one is empty: an empty one would leave a stray rule.
  const parts = Array.from(
    doc.querySelectorAll(
      'section.abstract, section.description, .talk-content > .description, .talk-content > .abstact',
    ),
  ).filter((p) => p.textContent?.trim());
  if (!parts.length) return null;
  // Assembled in an inert document: copies made in the page itself would start loading their images.
  const inert = doc.implementation.createHTMLDocument('');
  const box = inert.createElement('div');
  parts.forEach((p, i) => {
    if (i) box.appendChild(inert.createElement('hr'));
    box.appendChild(inert.importNode(p, true));
  });
  return box;
}

function timesOf(
  doc: Document,
  url: URL,
  options: ExtractOptions,
): { start: string | null; end: string | null; timeZone: string | null; warning: string | null } {
  const stamps = Array.from(
    doc.querySelectorAll('h3.talk-title small time[data-isodatetime], ul.talk-slots time[data-isodatetime]'),
  ).slice(0, 2);
  const isos = stamps.map((t) => t.getAttribute('data-isodatetime')!);
  const printedZone = stamps[0]?.getAttribute('date-timezone') ?? stamps[0]?.getAttribute('title') ?? null;
  let slot = slotText(doc);
  const printedYear = /(?<!\d)(20\d\d)(?!\d)/.exec(slot)?.[1];
  const year = printedYear ? Number(printedYear) : eventYear(doc, url);
  // "03-19, 16:00–16:25 (US/Eastern)": the month-day gets the event's year, never a guessed one.
  const yearless = isos.length || printedYear ? null : yearlessDate(slot);
  if (yearless && year)
    slot = slot.replace(
      yearless.printed,
      `${year}-${String(yearless.month).padStart(2, '0')}-${String(yearless.day).padStart(2, '0')}`,
    );
  const range = isos.length ? null : parseTimeRange(slot, { year });
  const noYear =
    !isos.length && !year && (!!yearless || (!range?.startDate && !!parseTimeRange(slot, { year: 2000 })?.startDate));
  const observed = isos.flatMap((iso) => {
    const at = parseInstant(iso);
    const offset = isoOffsetMinutes(iso);
    return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
  });
  const zone = resolveTimeZone({ printed: [printedZone, range?.zone], observed, known: options.timeZone ?? null });
  if (isos.length) {
    const write = (iso: string | undefined) => {
      const at = parseInstant(iso);
      return at === null ? null : zone.timeZone ? instantToIso(at, zone) : normalizeIsoOffset(iso!);
    };
    return { start: write(isos[0]), end: write(isos[1]), timeZone: zone.timeZone, warning: null };
  }
  if (noYear) {
    const printed = yearless?.printed ?? slot;
    return {
      start: null,
      end: null,
      timeZone: zone.timeZone,
      warning: `The session’s date is printed without a year (“${printed}”) and nothing on the page names the event’s year, so its time was left empty. Clip it from the schedule export (schedule.json) instead.`,
    };
  }
  if (!range?.startDate) {
    return {
      start: null,
      end: null,
      timeZone: zone.timeZone,
      warning: slot
        ? 'The session’s time could not be read.'
        : 'This session is not scheduled yet, or its time is not public.',
    };
  }
  const start = wallTimeToIso(wallTime(range.startDate, range.start), zone);
  const end = range.end && range.endDate ? wallTimeToIso(wallTime(range.endDate, range.end), zone) : null;
  return {
    start,
    end,
    timeZone: zone.timeZone,
    warning: start ? null : `The session’s time was left empty: ${zone.problem}.`,
  };
}

export function extractPretalxTalk(doc: Document, url: URL, options: ExtractOptions = {}): ExtractionResult {
  if (isPretalxNojs(doc, url)) return extractPretalxNojs(doc, url, options);
  const match = TALK_PATH.exec(url.pathname);
  const title = titleOf(doc);
  if (!match || !doc.querySelector('h3.talk-title, .talk-content, .pretalx-session') || !title) {
    const event = /^\/[^/]+\//.exec(url.pathname)?.[0];
    const hint =
      event && /\/schedule\/?/.test(url.pathname)
        ? ` Open the schedule without JavaScript (${url.origin}${event}schedule/nojs) or a session page, or the schedule export ${url.origin}${event}schedule/export/schedule.json, to clip talks.`
        : ' Open a session page to clip it.';
    return {
      talks: [],
      warnings: [
        `This pretalx page shows no single session (it may be a schedule drawn by a script, or still loading).${hint}`,
      ],
      source: 'pretalx',
    };
  }
  const base = documentBase(doc, url.href);
  const eventUrl = `${url.origin}${match[1]}`;
  const times = timesOf(doc, url, options);
  const api = doc.querySelector('link[rel="alternate"][type="application/json"]');
  const name =
    api
      ?.getAttribute('title')
      ?.replace(/\s+API$/, '')
      .trim() ||
    doc.title.split(' :: ').slice(1).join(' :: ').trim() ||
    null;
  const slots = doc.querySelectorAll('ul.talk-slots li').length;
  const talk: ExtractedTalk = newTalk('pretalx', canonicalUrl(doc, url), title, {
    externalId: match[2]!,
    start: times.start,
    end: times.end,
    timeZone: times.timeZone,
    room: roomOf(doc, slotText(doc)),
    customFields: answersOf(doc),
    speakers: speakersOf(doc, base),
    ...describe(descriptionBlock(doc), windowOf(doc), base),
    ...filesAndVideo(doc, base),
    conference: { key: eventUrl, name, url: eventUrl, timeZone: times.timeZone },
  });
  const warnings = [
    times.warning,
    slots > 1 ? `This session is scheduled ${slots} times; the first slot was clipped.` : null,
  ].filter((w): w is string => !!w);
  return { talks: [talk], warnings, source: 'pretalx' };
}

export const pretalxExtractor: Extractor = { name: 'pretalx', detect: isPretalxPage, extract: extractPretalxTalk };
