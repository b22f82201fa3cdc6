import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import type { ExtractionResult } from '../../../lib/schedule';
import { OWN_FIXTURES, REAL_FIXTURES, loadDocument, readFixture } from '../helpers';

/** Every page the readers know, at the address it belongs to. */
const PAGES: [string, string][] = [
  [
    readFixture(`${OWN_FIXTURES}/sched/kcdsf2025-session.html`),
    'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team',
  ],
  [readFixture(`${OWN_FIXTURES}/schedule/sched-descriptions.html`), 'https://cnsa2026.sched.com/list/descriptions/'],
  [
    readFixture(`${OWN_FIXTURES}/schedule/sched-session-cst.html`),
    'https://kccncchn2025.sched.com/event/1x8Qz/scaling-inference-on-kubernetes',
  ],
  [readFixture(`${OWN_FIXTURES}/schedule/sched-embed.html`), 'https://osdays.example.org/schedule/'],
  [readFixture(`${OWN_FIXTURES}/schedule/pretalx-talk-old.html`), 'https://pretalx.example.org/democon/talk/G9JGWY/'],
  [readFixture(`${OWN_FIXTURES}/schedule/pretalx-talk-new.html`), 'https://pretalx.com/pyconf-2025/talk/QW7RTZ/'],
  [readFixture(`${OWN_FIXTURES}/schedule/sessionize-embed.html`), 'https://globalazure.at/agenda'],
  [
    readFixture(`${OWN_FIXTURES}/schedule/jsonld-talk.html`),
    'https://devdays.example.com/2025/talks/designing-calm-apis/',
  ],
  [readFixture(`${OWN_FIXTURES}/schedule/jsonld-schedule.html`), 'https://rustfest.example/2026/programme'],
  [
    readFixture(`${OWN_FIXTURES}/schedule/microdata-talk.html`),
    'https://obsconf.example/2025/sessions/observability-on-a-budget',
  ],
  [
    readFixture(`${OWN_FIXTURES}/sched/variant-session-24h.html`),
    'https://kccnceu2026.sched.com/event/2CW7x/panel-maintainers-qa-priya-shah-acme-corp',
  ],
  [
    readFixture(`${OWN_FIXTURES}/sched/variant-session-old.html`),
    'https://dlfforum2017.sched.com/event/Bzs0/working-group-meetup-late-night-hack',
  ],
  [readFixture(`${OWN_FIXTURES}/sched/variant-list-simple.html`), 'https://cndi2026.sched.com/list/simple'],
  [
    readFixture(`${OWN_FIXTURES}/schedule/variant-blog-meetup.html`),
    'https://cloudnative-pgh.example.org/event/kubernetes-meetup-october/',
  ],
  [
    readFixture(`${OWN_FIXTURES}/schedule/variant-jsonld-graph.html`),
    'https://dataconf.example.ie/2026/programme/day-1/',
  ],
  [readFixture(`${OWN_FIXTURES}/schedule/variant-jsonld-series.html`), 'https://techseries.example.at/2026/programm/'],
  [
    readFixture(`${OWN_FIXTURES}/schedule/variant-pretalx-de-old.html`),
    'https://fahrplan.example.org/38c3/talk/KX7RPL/',
  ],
  [
    readFixture(`${OWN_FIXTURES}/schedule/variant-pretalx-de-new.html`),
    'https://programm.froscon.example/2025/talk/PQ8STU/',
  ],
  // Issue 15's pages: Sched's odd corners, pretalx without JavaScript and with month-day slots, frab, Indico.
  [
    readFixture(`${OWN_FIXTURES}/sched/wild-session-panel.html`),
    'https://kccncna2026.sched.com/event/3Ab9/securing-the-supply-chain-together-ada-lovelace-acme-bob-builder-beta-labs',
  ],
  [readFixture(`${OWN_FIXTURES}/sched/wild-list-simple-legend.html`), 'https://osseu2026.sched.com/list/simple'],
  [readFixture(`${OWN_FIXTURES}/schedule/pretalx-nojs.html`), 'https://pretalx.example.net/fns26/schedule/nojs'],
  [
    readFixture(`${OWN_FIXTURES}/schedule/pretalx-talk-monthday.html`),
    'https://pretalx.example.net/nbps26/talk/RX7KQP/',
  ],
  [readFixture(`${OWN_FIXTURES}/frab/event-page.html`), 'https://frab.example.org/en/camp2027/public/events/10245'],
  [
    readFixture(`${OWN_FIXTURES}/indico/contribution.html`),
    'https://indico.example.org/event/1234/contributions/5678/',
  ],
];
// A slice of the real Sched list (its first days) keeps each run fast.
const REAL_LIST: [string, string] = [
  readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-list.html`).slice(0, 60_000),
  'https://dlfforum2017.sched.com/list/simple',
];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

// One DOMParser for all runs: a new JSDOM window per run would dominate the file's time.
const parser = new DOMParser();

function damaged(html: string, cut: number, removals: [number, number][]): Document {
  const doc = parser.parseFromString(html.slice(0, cut), 'text/html');
  const elements = Array.from(doc.querySelectorAll('*'));
  for (const [e, a] of removals) {
    const el = elements[e % Math.max(elements.length, 1)];
    const attr = el?.attributes[a % Math.max(el.attributes.length, 1)];
    if (el && attr) el.removeAttribute(attr.name);
  }
  return doc;
}

/** Whatever the page, the result is well-formed and no reader crashed. */
function checkWellFormed(result: ExtractionResult): void {
  expect(result.warnings.filter((w) => /reader failed/.test(w))).toEqual([]);
  expect(typeof result.source).toBe('string');
  for (const t of result.talks) {
    expect(t.title.trim()).not.toBe('');
    expect(t.url).toMatch(/^https?:\/\//);
    if (t.start !== null) expect(t.start).toMatch(ISO);
    if (t.end !== null) expect(t.end).toMatch(ISO);
    expect(t.speakers.every((s) => s.name.trim() !== '')).toBe(true);
    expect(t.tracks.every((x) => typeof x === 'string')).toBe(true);
    if (t.descriptionHtml) expect(t.descriptionHtml).not.toMatch(/<script|\son\w+=|javascript:/i);
  }
}

const damage = fc.record({
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  removals: fc.array(fc.tuple(fc.nat(5000), fc.nat(20)), { maxLength: 40 }),
});

describe('extractTalks on damaged pages', () => {
  it('reads the undamaged fixtures parsed the same way', () => {
    for (const [html, url] of PAGES) checkWellFormed(extractTalks(parser.parseFromString(html, 'text/html'), url));
    expect(extractTalks(loadDocument(PAGES[1]![0], PAGES[1]![1]), PAGES[1]![1]).talks).toHaveLength(5);
  });

  it('never throws on random truncations and attribute removals of every fixture', () => {
    fc.assert(
      fc.property(fc.nat(PAGES.length - 1), damage, (index, { cut, removals }) => {
        const [html, url] = PAGES[index]!;
        const result = extractTalks(damaged(html, Math.floor(html.length * cut), removals), url);
        checkWellFormed(result);
      }),
      { numRuns: 200 },
    );
  }, 20_000);

  it('never throws on damaged copies of the real Sched list', () => {
    fc.assert(
      fc.property(damage, ({ cut, removals }) => {
        const [html, url] = REAL_LIST;
        checkWellFormed(extractTalks(damaged(html, Math.floor(html.length * cut), removals), url));
      }),
      { numRuns: 25 },
    );
  }, 20_000);
});
