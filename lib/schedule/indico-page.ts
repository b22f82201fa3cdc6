/**
 * Indico contribution pages (`/event/<id>/contributions/<cid>/`, CERN and many academic
 * conferences): title, the start printed as a wall time (`.time-data .time-info`, e.g.
 * "19 Mar 2026, 09:00"), room and location, type, track and session, speakers with their
 * affiliation, description, attached material. Indico prints the time in the event's zone, which
 * the page names in its time-zone control or its scripts; when it names none, the time is left
 * empty and the zone asked for.
 */
import type { Speaker, TalkFile } from '../model';
import { describe } from './description';
import { absoluteUrl, canonicalUrl, documentBase, textOf, textWithout, videoUrlFrom, windowOf } from './dom';
import { newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult, Extractor } from './types';
import { canonicalTimeZone } from '../time/zones';
import { parseTimeRange, resolveTimeZone, wallTime, wallTimeToIso } from '../time/parse';

const CONTRIBUTION_PATH = /^(.*?\/event\/([^/]+)\/)contributions\/(\d+)\/?$/;

function isIndicoContribution(doc: Document, url: URL): boolean {
  return (
    CONTRIBUTION_PATH.test(url.pathname) &&
    !!doc.querySelector('.item-summary .time-data, .contribution-display, .speaker-list .speaker-item')
  );
}

/** The event's zone as the page states it: its time-zone control, a data attribute, or its scripts' settings. */
function pageZone(doc: Document): string | null {
  const candidates = [
    ...Array.from(
      doc.querySelectorAll('#tz-selector-link, .tz-selector, .timezone, [data-timezone], [data-tz]'),
      (el) => el.getAttribute('data-timezone') ?? el.getAttribute('data-tz') ?? textOf(el),
    ),
    ...Array.from(
      doc.querySelectorAll('script:not([src])'),
      (s) =>
        /["']?(?:tz|timezone|eventTimezone)["']?\s*[:=]\s*["']([A-Za-z]+\/[A-Za-z_+\/-]+)["']/.exec(
          s.textContent ?? '',
        )?.[1] ?? null,
    ),
  ];
  for (const text of candidates) {
    const name = text ? /([A-Z][A-Za-z_+-]*\/[A-Za-z_+\/-]+|UTC)/.exec(text)?.[1] : null;
    const zone = name ? canonicalTimeZone(name) : null;
    if (zone) return zone;
  }
  return null;
}

function speakersOf(doc: Document, base: string): Speaker[] {
  const items = Array.from(
    doc.querySelectorAll('.item-text > .speaker-list .speaker-item, .speaker-list .speaker-item'),
  );
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const affiliation =
      textOf(item.querySelector('.affiliation .text, .affiliation'))
        .replace(/^\(|\)$/g, '')
        .trim() || null;
    const name = textWithout(item, '.affiliation, .speaker-title');
    if (!name || seen.has(name)) return [];
    seen.add(name);
    const group = /author/i.test(textOf(item.closest('.infoline')?.querySelector('h3'))) ? 'Authors' : null;
    return [
      {
        name,
        role: null,
        company: affiliation,
        roleCompanyRaw: affiliation,
        group,
        profileUrl: absoluteUrl(item.querySelector('a')?.getAttribute('href'), base),
        avatarUrl: null,
      },
    ];
  });
}

function materialOf(doc: Document, base: string): { files: TalkFile[]; videoUrl: string | null } {
  const files: TalkFile[] = [];
  let videoUrl: string | null = null;
  for (const a of Array.from(
    doc.querySelectorAll('.attachments-box a[href], .material-list a[href], .attachment a[href]'),
  )) {
    const url = absoluteUrl(a.getAttribute('href'), base);
    if (!url) continue;
    const video = videoUrlFrom(url);
    if (video && !videoUrl) videoUrl = video;
    else if (!files.some((f) => f.url === url)) files.push({ name: textOf(a) || url, url });
  }
  return { files, videoUrl };
}

function extractIndicoContribution(doc: Document, url: URL, options: ExtractOptions): ExtractionResult {
  const [, eventPath, eventId, contributionId] = CONTRIBUTION_PATH.exec(url.pathname)!;
  const base = documentBase(doc, url.href);
  const title =
    textOf(doc.querySelector('.item-summary h1, h1[itemprop="name"], .page-title h1, .conference-page h1, h1')) ||
    doc.title.split('·')[0]!.trim();
  if (!title)
    return {
      talks: [],
      warnings: ['This Indico page shows no contribution title (it may still be loading).'],
      source: 'indico',
    };
  const printed = textOf(doc.querySelector('.time-data .time-info, .time-info'));
  const range = /not scheduled/i.test(printed) ? null : parseTimeRange(printed);
  const stated = pageZone(doc);
  const zone = resolveTimeZone({ printed: [stated, range?.zone], known: options.timeZone ?? null });
  const start = range?.startDate ? wallTimeToIso(wallTime(range.startDate, range.start), zone) : null;
  const end =
    range?.startDate && range.end && range.endDate ? wallTimeToIso(wallTime(range.endDate, range.end), zone) : null;
  const location = doc.querySelector('.location-data, .contribution-location');
  const room = textOf(location?.querySelector('.room, .location-room')) || textOf(location) || null;
  const eventUrl = `${url.origin}${eventPath}`;
  const talk = newTalk('indico', canonicalUrl(doc, url), title, {
    externalId: `${eventId}/${contributionId}`,
    start,
    end,
    timeZone: zone.timeZone,
    room,
    tracks: uniqueStrings([
      textOf(doc.querySelector('.contrib-type')),
      textOf(doc.querySelector('.contrib-track')),
      textOf(doc.querySelector('.contrib-session')),
    ]),
    speakers: speakersOf(doc, base),
    ...describe(doc.querySelector('.item-text > .description, .item-text .description'), windowOf(doc), base),
    ...materialOf(doc, base),
    conference: {
      key: eventUrl,
      name: textOf(doc.querySelector('.conference-title-link, .confTitle, .event-title')) || null,
      url: eventUrl,
      timeZone: zone.timeZone,
    },
  });
  const warnings: string[] = [];
  if (!printed || /not scheduled/i.test(printed)) warnings.push('This contribution is not scheduled yet.');
  else if (!range?.startDate) warnings.push('The contribution’s time could not be read.');
  else if (!start)
    warnings.push(
      'This Indico page does not name its time zone: the time was left empty until the conference’s time zone is chosen.',
    );
  return { talks: [talk], warnings, source: 'indico' };
}

/** An event's timetable or overview page (`/event/<id>/timetable/`): drawn by a script from data Talkmark does not read. */
const TIMETABLE_PATH = /^(.*?)\/event\/(\d+)\/(?:timetable|contributions)\/?$/;

function isIndicoTimetable(doc: Document, url: URL): boolean {
  const indico =
    /·\s*Indico\s*$/.test(doc.title) ||
    !!doc.querySelector(
      'meta[property="og:site_name"][content*="Indico" i], .conference-page, #indico-header, script[src*="indico"]',
    );
  return indico && TIMETABLE_PATH.test(url.pathname);
}

export const indicoExtractor: Extractor = {
  name: 'indico',
  detect: (doc, url) => isIndicoContribution(doc, url) || isIndicoTimetable(doc, url),
  extract(doc, url, options = {}) {
    if (isIndicoContribution(doc, url)) return extractIndicoContribution(doc, url, options);
    const [, prefix, id] = TIMETABLE_PATH.exec(url.pathname)!;
    const root = `${url.origin}${prefix}`;
    return {
      talks: [],
      warnings: [
        `This Indico page is drawn by a script. Open the timetable export ${root}/export/timetable/${id}.json (or ${root}/export/event/${id}.json?detail=contributions) to clip every contribution, or a contribution’s own page to clip one.`,
      ],
      source: 'indico',
    };
  },
};
