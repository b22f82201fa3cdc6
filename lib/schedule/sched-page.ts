/** Turns the session blocks of any Sched view into talks, with the page's zone resolved once. */
import type { ConferenceRef, ExtractedTalk } from '../model';
import { describeElements } from './description';
import {
  absoluteUrl,
  documentBase,
  metaContent,
  textOf,
  textWithout,
  videoUrlFrom,
  windowOf,
  withoutHash,
} from './dom';
import {
  SCHED_ID,
  customFieldsFrom,
  filesFrom,
  roomFrom,
  speakersFromCards,
  speakersFromNames,
  tracksFrom,
  videoFrom,
} from './sched-common';
import type { SchedBlock } from './sched-scan';
import { stripSpeakerSuffix } from './speaker-suffix';
import type { CalendarDate, PrintedRange } from '../time/parse';
import { ldEvents, printedRangeOf, resolveSchedZone, sessionTimes, type LdEvent } from './sched-time';
import { count, newTalk } from './talk';
import type { ExtractOptions } from './types';

export interface SchedPageRead {
  talks: ExtractedTalk[];
  warnings: string[];
}

/** Sched's decorations inside a title: room, people, zone, badges. */
const DECORATION = 'span.vs, span.sched-event-evpeople, span.tz, span[class^="sched-"]';

export function titleOf(anchor: Element): string {
  const title = anchor.querySelector('.session-title');
  return (title ? textWithout(title, DECORATION) : '') || textWithout(anchor, DECORATION);
}

/** The conference's name: its date-only JSON-LD Event, else the page title before ": Schedule" / ": <session>". */
function conferenceName(doc: Document, conference: LdEvent | null, sessionTitle: string | null): string | null {
  if (conference?.name) return conference.name;
  const site = metaContent(doc, 'og:site_name');
  if (site) return site;
  const title = doc.title.replace(/\s+/g, ' ').trim();
  if (sessionTitle && title.endsWith(`: ${sessionTitle}`))
    return title.slice(0, -sessionTitle.length - 2).trim() || null;
  const cut = title.indexOf(': ');
  return (cut > 0 ? title.slice(0, cut) : title) || null;
}

/**
 * The page's type legend (sidebar "Filter by type": `#sched-type-N.ev_N > a[href*="type/"]`), so a
 * view that prints only the `ev_N` colour class on each session (`/list/simple`) still names its type.
 */
export function typeLegend(doc: Document): Map<string, string> {
  const legend = new Map<string, string>();
  for (const item of Array.from(doc.querySelectorAll('[id^="sched-type-"]'))) {
    const cls = Array.from(item.classList).find((c) => /^ev_\d+$/.test(c));
    const name = textOf(item.querySelector('a[href*="type/"]'));
    if (cls && name && !legend.has(cls)) legend.set(cls, name);
  }
  return legend;
}

function legendType(anchor: Element, legend: Map<string, string>): string[] {
  if (!legend.size) return [];
  const cls = Array.from(anchor.closest('span.event')?.classList ?? []).find((c) => legend.has(c));
  return cls ? [legend.get(cls)!] : [];
}

function matchLd(sessions: LdEvent[], title: string, href: string | null, single: boolean): LdEvent | null {
  if (single && sessions.length === 1) return sessions[0]!;
  const path = href ? withoutHash(href).replace(/\/+$/, '') : null;
  return (
    sessions.find((e) => (path && e.url && withoutHash(e.url).replace(/\/+$/, '') === path) || e.name === title) ?? null
  );
}

/**
 * Reads blocks into talks. `pageUrl` is the canonical address used when a block has no link of its
 * own (a session page's anchor has none).
 */
export function readSchedBlocks(
  doc: Document,
  url: URL,
  blocks: SchedBlock[],
  pageUrl: string,
  options: ExtractOptions = {},
): SchedPageRead {
  const warnings: string[] = [];
  const base = documentBase(doc, url.href);
  const win = windowOf(doc);
  const ld = ldEvents(doc);
  const single = blocks.length === 1;
  const firstYear = /^(\d{4})/.exec(ld.conference?.start ?? ld.sessions[0]?.start ?? '')?.[1];
  const parsed = new Map<string, PrintedRange | null>();
  const days = new Map<string, CalendarDate | null>();
  const ranges = blocks.map((b) => printedRangeOf(b, firstYear ? Number(firstYear) : null, parsed, days));
  const ids = blocks.map((b) => {
    const id = b.anchor.getAttribute('id') || b.anchor.getAttribute('name') || '';
    return SCHED_ID.test(id) ? id.toLowerCase() : null;
  });
  const zone = resolveSchedZone(ranges, ld.sessions, ld.place, options, ids);
  const firstTitle = blocks[0] ? titleOf(blocks[0].anchor) : null;
  const conference: ConferenceRef = {
    key: url.host.toLowerCase(),
    name: conferenceName(doc, ld.conference, single ? firstTitle : null),
    url: url.origin,
    timeZone: zone.timeZone,
  };

  const talks: ExtractedTalk[] = [];
  let unread = 0;
  let unplaced = 0;
  let legend: Map<string, string> | null = null;
  const descriptions = describeElements(
    blocks.map((block) => block.descriptions[0] ?? null),
    win,
    base,
  );
  blocks.forEach((block, i) => {
    const title = titleOf(block.anchor) || (single ? (ld.sessions[0]?.name ?? '') : '');
    if (!title) return;
    const href = absoluteUrl(block.anchor.getAttribute('href'), base);
    const range = ranges[i] ?? null;
    const times = sessionTimes(matchLd(ld.sessions, title, href, single), range, zone);
    if (!times.start) range?.startDate ? unplaced++ : unread++;
    const cards = speakersFromCards(block.people, base);
    const speakers = cards.length ? cards : speakersFromNames(block.anchor.querySelector('span.sched-event-evpeople'));
    const typed = tracksFrom(block.types);
    const videoUrl = videoFrom(block.frames, [...block.descriptions, ...block.files]);
    talks.push(
      newTalk('sched', href ? withoutHash(href) : pageUrl, stripSpeakerSuffix(title, speakers), {
        externalId: ids[i] ?? null,
        ...times,
        timeZone: zone.timeZone,
        room:
          roomFrom([...block.locations, ...block.places]) ?? (textOf(block.anchor.querySelector('span.vs')) || null),
        tracks: typed.length ? typed : legendType(block.anchor, (legend ??= typeLegend(doc))),
        customFields: customFieldsFrom(block.customFields),
        speakers,
        ...descriptions[i]!,
        // A recording linked among the files is the talk's video, not one more file.
        files: filesFrom(block.files, base).filter((f) => !videoUrl || videoUrlFrom(f.url) !== videoUrl),
        videoUrl,
        conference,
      }),
    );
  });

  if (unread) warnings.push(`The time of ${count(unread, 'session')} could not be read.`);
  if (unplaced)
    warnings.push(
      `The time of ${count(unplaced, 'session')} was left empty: ${zone.problem ?? 'the time zone is unknown'}.`,
    );
  else if (!zone.timeZone && talks.some((t) => t.start)) {
    warnings.push(
      `The conference’s time zone is unknown (${zone.problem ?? 'nothing on the page names it'}); times keep the offset the page gives.`,
    );
  }
  return { talks, warnings };
}
