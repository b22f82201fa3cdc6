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

const PART_BY_CLASS = new Map<string, PartKey>(PART_CLASSES);
const SPACE = /[ \t\n\f\r]+/;

/**
 * Which part of a session an element is, by its class (cheaper than matching selectors again).
 * The class attribute is read as one string: a `classList` per element is one more object to make
 * and collect, for the ~6,000 elements of a 600-session page. The split is the one `classList`
 * makes (ASCII white space), so the same classes are seen.
 */
function partOf(el: Element): PartKey | null {
  if (el.tagName === 'IFRAME') return 'frames';
  const cls = el.getAttribute('class');
  if (!cls) return null;
  const direct = PART_BY_CLASS.get(cls);
  if (direct) return direct;
  // PART_CLASSES' order decides when an element carries two part classes.
  const names = cls.split(SPACE);
  for (const [name, key] of PART_CLASSES) if (names.includes(name)) return key;
  return null;
}

/** `span.event` among the matches (a span with another part class is not one). */
function isEvent(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls === 'event' || (!!cls && cls.split(SPACE).includes('event'));
}

export function scanSchedPage(doc: Document): SchedBlock[] {
  const blocks: SchedBlock[] = [];
  let day: string | null = null;
  let heading: string | null = null;
  let current: SchedBlock | null = null;
  const matches = doc.querySelectorAll(SELECTOR);
  for (let i = 0; i < matches.length; i++) {
    const el = matches[i]!;
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
    if (el.tagName === 'SPAN' && isEvent(el)) {
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
