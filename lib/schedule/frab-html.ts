/**
 * frab's public schedule pages (Chaos events' "Fahrplan", many community conferences).
 * - An event page (`…/events/<id>` or `…/events/<id>.html`): title, a date and
 *   `<time datetime="YYYY-MM-DD HH:MM">` start and end as wall times, room and track badges,
 *   abstract and description, speakers, links. frab adds a JSON-LD Event whose dates carry the
 *   offset; that offset (or the conference's known zone) places the wall times. Without either,
 *   the time is left empty and the zone asked for.
 * - Its schedule pages (a day's room grid, the event list) print no time per session that could
 *   be read reliably: the user is pointed at the schedule's `schedule.json` export instead.
 */
import type { ExtractedTalk, Speaker, TalkFile } from '../model';
import { describeElements } from './description';
import {
  absoluteUrl,
  canonicalUrl,
  documentBase,
  hasType,
  jsonLdObjects,
  textOf,
  textWithout,
  videoUrlFrom,
  windowOf,
} from './dom';
import { newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult, Extractor } from './types';
import { isoOffsetMinutes, parseInstant } from '../time/zones';
import { resolveTimeZone, wallTime, wallTimeToIso } from '../time/parse';

const EVENT_PATH = /^(.*?\/)(?:public\/)?events\/(\d+)(?:\.html)?\/?$/i;
/** A day grid (`…/schedule/0.html`, `…/public/schedule/1`) or the event list (`…/public/events`): group 1 + ".json" is the export. */
const SCHEDULE_PATH =
  /^(.*?\/(?:public\/)?schedule)(?:\/(?:\d+|index))?(?:\.html)?\/?$|^(.*?\/(?:public\/)?)events(?:\.html)?\/?$/i;

function frabEvent(doc: Document, url: URL): boolean {
  return (
    EVENT_PATH.test(url.pathname) &&
    !!doc.querySelector('article h2') &&
    doc.querySelectorAll('article time[datetime]').length >= 1
  );
}

function frabSchedule(doc: Document, url: URL): boolean {
  return (
    SCHEDULE_PATH.test(url.pathname) &&
    !!doc.querySelector(
      '#main-table .rooms-table .event, table.list a[href*="events/"], .event-wrapper .event-header a[href*="events/"]',
    )
  );
}

/** "2027-08-18 11:00" → wall time. */
function wallOf(value: string | null): ReturnType<typeof wallTime> | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(value.trim()) : null;
  return m ? wallTime({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, { hour: +m[4]!, minute: +m[5]! }) : null;
}

/** The event's JSON-LD (frab writes it by string interpolation; a title with a quote breaks it, hence optional). */
function ldOf(doc: Document): { start: string | null; end: string | null; conference: string | null } {
  const event = jsonLdObjects(doc).find((o) => hasType(o, 'Event') && o.superEvent);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    start: str(event?.startDate),
    end: str(event?.endDate),
    conference: str((event?.superEvent as Record<string, unknown> | undefined)?.name),
  };
}

function speakersOf(doc: Document, base: string): Speaker[] {
  const links = Array.from(
    doc.querySelectorAll('.speakers-section .session-info .title a, .speakers-section a.speaker, ul.speakers li a'),
  );
  return links.flatMap((a) => {
    const name = textOf(a);
    if (!name) return [];
    const img = a.closest('.session-card')?.querySelector('.avatar-wrapper img');
    return [
      {
        name,
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: absoluteUrl(a.getAttribute('href'), base),
        avatarUrl: absoluteUrl(img?.getAttribute('src'), base),
      },
    ];
  });
}

function linksOf(doc: Document, base: string): { files: TalkFile[]; videoUrl: string | null } {
  const files: TalkFile[] = [];
  let videoUrl: string | null = null;
  for (const a of Array.from(
    doc.querySelectorAll('.links-section a[href], ul.links li a[href], .attachments a[href]'),
  )) {
    const url = absoluteUrl(a.getAttribute('href'), base);
    if (!url || /\.ics(?:$|\?)/.test(url)) continue;
    const video = videoUrlFrom(url);
    if (video && !videoUrl) videoUrl = video;
    else if (!files.some((f) => f.url === url)) files.push({ name: textOf(a) || url, url });
  }
  return { files, videoUrl };
}

function extractFrabEvent(doc: Document, url: URL, options: ExtractOptions): ExtractionResult {
  const base = documentBase(doc, url.href);
  const [, schedulePath, id] = EVENT_PATH.exec(url.pathname)!;
  const article = doc.querySelector('article')!;
  const title = textWithout(article.querySelector('h2'), 'small, .badge, .type');
  if (!title)
    return { talks: [], warnings: ['This frab page shows no event title (it may still be loading).'], source: 'frab' };
  const stamps = Array.from(article.querySelectorAll('time[datetime]'), (t) => t.getAttribute('datetime'));
  const [startWall, endWall] = [wallOf(stamps[0] ?? null), wallOf(stamps[1] ?? null)];
  const ld = ldOf(doc);
  const observed = [ld.start, ld.end].flatMap((iso) => {
    const at = parseInstant(iso);
    const offset = iso ? isoOffsetMinutes(iso) : null;
    return at !== null && offset !== null ? [{ at, offsetMinutes: offset }] : [];
  });
  const zone = resolveTimeZone({ observed, known: options.timeZone ?? null });
  const start = startWall ? wallTimeToIso(startWall, zone) : null;
  let end = endWall ? wallTimeToIso(endWall, zone) : null;
  if (start && end && Date.parse(end) <= Date.parse(start))
    end = endWall ? wallTimeToIso({ ...endWall, day: endWall.day + 1 }, zone) : null;
  const badges = Array.from(article.querySelectorAll('.badge'));
  const room =
    textOf(badges.find((b) => b.classList.contains('bg-secondary')) ?? article.querySelector('.room')) || null;
  const track =
    textOf(badges.find((b) => b.classList.contains('bg-success')) ?? article.querySelector('.track')) || null;
  const [abstract, description] = describeElements(
    [
      article.querySelector('.card .text-muted.fs-5, .abstract'),
      Array.from(article.querySelectorAll('.card .text-muted.fs-5'))[1] ?? article.querySelector('.description'),
    ],
    windowOf(doc),
    base,
  );
  const text = [abstract?.description, description?.description].filter(Boolean).join('\n\n');
  const eventUrl = `${url.origin}${schedulePath}`;
  const talk: ExtractedTalk = newTalk('frab', canonicalUrl(doc, url), title, {
    externalId: id!,
    start,
    end,
    timeZone: zone.timeZone,
    room,
    tracks: uniqueStrings([track]),
    speakers: speakersOf(doc, base),
    descriptionHtml: [abstract?.descriptionHtml, description?.descriptionHtml].filter(Boolean).join('<hr>') || null,
    description: text || null,
    ...linksOf(doc, base),
    customFields: article.querySelector('.alert-warning .bi-exclamation-triangle') ? { Recording: 'Not recorded' } : {},
    conference: {
      key: eventUrl,
      name: ld.conference ?? (doc.title.split(' | ').slice(1).join(' | ').trim() || null),
      url: eventUrl,
      timeZone: zone.timeZone,
    },
  });
  const warnings: string[] = [];
  if (!startWall) warnings.push('The event’s time could not be read.');
  else if (!start)
    warnings.push(
      'This frab page prints its times without a time zone or offset: the time was left empty until the conference’s time zone is chosen.',
    );
  else if (!zone.timeZone)
    warnings.push('This frab page gives only a UTC offset, not the conference’s time zone: times keep the offset.');
  return { talks: [talk], warnings, source: 'frab' };
}

export const frabExtractor: Extractor = {
  name: 'frab',
  detect: (doc, url) => frabEvent(doc, url) || frabSchedule(doc, url),
  extract(doc, url, options = {}) {
    if (frabEvent(doc, url)) return extractFrabEvent(doc, url, options);
    const m = SCHEDULE_PATH.exec(url.pathname);
    const exportUrl = `${url.origin}${m?.[1] ?? `${m?.[2] ?? '/'}schedule`}.json`;
    return {
      talks: [],
      warnings: [
        `This frab schedule page does not print each session’s time in a form Talkmark can read. Open the schedule export ${exportUrl} to clip every talk, or an event’s own page to clip one.`,
      ],
      source: 'frab',
    };
  },
};
