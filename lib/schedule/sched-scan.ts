/**
 * One pass over a Sched page that cuts it into sessions. A session page holds one `span.event`;
 * `/list/descriptions/` repeats the block for every session and `/list/simple` prints only the
 * anchors under day anchors and time headings. Every part of interest is collected by a single
 * document-order query and given to the session whose `span.event` precedes it, so a page of
 * 600 sessions is read in one walk instead of one whole-document query per session.
 */
import { textOf } from './dom';

export interface SchedBlock {
  /** `span.event > a.name`: id, title, link, and on list views the room and people. */
  anchor: Element;
  /** The day anchor (`a.sched-container-anchor[id=YYYY-MM-DD]`) the session sits under, if any. */
  day: string | null;
  /** The time heading (`<h3> 8:00am <span class="tz">EDT</span></h3>`) the session sits under. */
  heading: string | null;
  dates: Element[];
  places: Element[];
  locations: Element[];
  types: Element[];
  customFields: Element[];
  descriptions: Element[];
  people: Element[];
  files: Element[];
  frames: Element[];
}

type PartKey =
  | 'dates'
  | 'places'
  | 'locations'
  | 'types'
  | 'customFields'
  | 'descriptions'
  | 'people'
  | 'files'
  | 'frames';

const PART_CLASSES: [string, PartKey][] = [
  ['list-single__date', 'dates'],
  ['sched-event-details-timeandplace', 'places'],
  ['list-single__location', 'locations'],
  ['sched-event-type', 'types'],
  ['tip-custom-fields', 'customFields'],
  ['tip-description', 'descriptions'],
  ['sched-person-session', 'people'],
  ['sched-file', 'files'],
];

const SELECTOR = [
  'a.sched-container-anchor[id]',
  'h3',
  'span.event',
  'iframe[src]',
  'ul.tip-custom-fields',
  ...PART_CLASSES.filter(([, key]) => key !== 'customFields').map(([c]) => `.${c}`),
].join(', ');
const DAY_ID = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|$)|\d{1,2}:\d{2}/i;

/** Which part of a session an element is, by its class (cheaper than matching selectors again). */
function partOf(el: Element): PartKey | null {
  if (el.tagName === 'IFRAME') return 'frames';
  for (const [name, key] of PART_CLASSES) if (el.classList.contains(name)) return key;
  return null;
}

export function scanSchedPage(doc: Document): SchedBlock[] {
  const blocks: SchedBlock[] = [];
  let day: string | null = null;
  let heading: string | null = null;
  let current: SchedBlock | null = null;
  for (const el of Array.from(doc.querySelectorAll(SELECTOR))) {
    if (el.tagName === 'A') {
      if (DAY_ID.test(el.id)) [day, heading] = [el.id, null];
      continue;
    }
    if (el.tagName === 'H3') {
      // Only time headings; an h3 inside a session's details or description ("Top 10") is not one.
      const text = textOf(el);
      if (text.length < 40 && CLOCK.test(text) && !el.closest('.tip-description, .sched-event-details')) heading = text;
      continue;
    }
    if (el.tagName === 'SPAN' && el.classList.contains('event')) {
      const anchor = el.querySelector('a.name');
      if (!anchor) continue;
      current = {
        anchor,
        day,
        heading,
        dates: [],
        places: [],
        locations: [],
        types: [],
        customFields: [],
        descriptions: [],
        people: [],
        files: [],
        frames: [],
      };
      blocks.push(current);
      continue;
    }
    const key = current ? partOf(el) : null;
    if (current && key) current[key].push(el);
  }
  return blocks;
}
