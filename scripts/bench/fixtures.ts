/**
 * Benchmark fixtures, generated (never committed): same seed, same bytes, on every machine.
 *
 * - `benchArticle()`          the ≥ 1 MB article (test/fixtures/articles/generate.ts, seed 20250912)
 * - `schedDescriptionsPage()` a 600-session Sched `/list/descriptions/` page in Sched's markup
 *                             (per test/fixtures/SOURCES.md and our own fixture
 *                             test/fixtures/schedule/sched-descriptions.html)
 * - `panelData()`             500 talks / 10,000 notes for the side panel's database
 * - `recapDay()`              one day's export: 50 talks / 2,000 notes / 100 highlights
 *
 * Bundled by run.mjs with esbuild for Node (to serve and seed) and for the browser (recap input).
 * `node scripts/bench/run.mjs --write-fixtures <dir>` writes them out for inspection.
 */
import { noteHourWords, noteWords, talkHourWords, talkWords } from '../../lib/db/search-words';
import type { Conference, Highlight, Note, NoteKind, Speaker, Talk } from '../../lib/model';
import { generateArticle, pickSpans, seededRandom } from '../../test/fixtures/articles/generate';

export { generateArticle, pickSpans, seededRandom };

export const SEED = 20260512;
export const ARTICLE_SEED = 20250912;
export const SCHED_URL = 'https://bigconf2026.sched.com/list/descriptions/';

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));
const hex = (rand: Rand, n: number): string =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = (rand: Rand): string =>
  `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-${pick(rand, ['8', '9', 'a', 'b'])}${hex(rand, 3)}-${hex(rand, 12)}`;
const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

const FIRST = [
  'Amrit',
  'Lena',
  'Joost',
  'Marloes',
  'Priya',
  'Kenji',
  'Sofia',
  'Mateo',
  'Aisha',
  'Tom',
  'Chen',
  'Olu',
  'Ines',
  'Ravi',
  'Hana',
  'Lukas',
  'Fatima',
  'Diego',
  'Yara',
  'Noah',
  'Mei',
  'Sven',
  'Zanele',
  'Arjun',
];
const LAST = [
  'Kaur',
  'Fischer',
  'Bakker',
  'de Vries',
  'Raman',
  'Tanaka',
  'Rossi',
  'García',
  'Bello',
  'Braun',
  'Wei',
  'Adeyemi',
  'Moreau',
  'Iyer',
  'Sato',
  'Novak',
  'Haddad',
  'Silva',
  'Okafor',
  'Jensen',
  'Lin',
  'Larsen',
  'Dlamini',
  'Mehta',
];
const COMPANIES = [
  'Acme',
  'Northwind',
  'Tulip Systems B.V.',
  'Globex',
  'Initech',
  'Umbrella Cloud',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Contoso',
  'Fabrikam, Inc.',
  'CNCF',
];
const ROLES = [
  'Staff Engineer',
  'Principal Engineer',
  'SRE',
  'VP, Platform Engineering',
  'Developer Advocate',
  'Maintainer',
  'Engineering Manager',
  'Security Engineer',
  'CTO',
];
const TOPICS = [
  'Kubernetes',
  'eBPF',
  'OpenTelemetry',
  'Service Mesh',
  'GitOps',
  'Platform Engineering',
  'WebAssembly',
  'Supply Chain Security',
  'Observability',
  'Multi-Cluster',
  'Cost Control',
  'AI Inference',
  'Operators',
  'Policy as Code',
  'Gateway API',
];
const HOOKS = [
  'Lessons from',
  'Scaling',
  'Debugging',
  'A Year of',
  'Zero to',
  'Taming',
  'Rethinking',
  'Beyond',
  'Securing',
  'Building',
];
const TAILS = [
  'in Production',
  'at 10,000 Nodes',
  'Without Tears',
  'the Hard Way',
  'for Everyone',
  'on a Budget',
  'Across Regions',
  '– What We Got Wrong',
];
const TYPES = ['Keynote', 'Breakout', 'Lightning Talk', 'Tutorial', 'Panel', 'Maintainer Track', 'Birds of a Feather'];
const ROOMS = Array.from({ length: 14 }, (_, i) => (i < 2 ? `Hall ${'AB'[i]}` : `Room W${180 + i}`));
const PROSE = (
  'we walk through how our team moved hundreds of services onto a shared platform and what broke on the way ' +
  'you will learn which defaults mattered which dashboards nobody read and how we measured the time from a new repository to its first deploy ' +
  'the talk covers rollout strategy canary analysis error budgets and the migration tooling we open sourced ' +
  'expect live demos a few war stories and a checklist you can take home to your own clusters'
).split(' ');

function prose(rand: Rand, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, PROSE));
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function title(rand: Rand): string {
  const t = `${pick(rand, HOOKS)} ${pick(rand, TOPICS)} ${pick(rand, TAILS)}`;
  return rand() < 0.05 ? `📚 Tutorial: ${t}` : t;
}

function person(rand: Rand): { name: string; user: string; role: string | null; company: string | null } {
  const name = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  const r = rand();
  return {
    name,
    user: `${slug(name).replace(/-/g, '')}${int(rand, 1, 99)}`,
    role: r < 0.9 ? pick(rand, ROLES) : null,
    company: r < 0.85 ? pick(rand, COMPANIES) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Sched /list/descriptions/

const DAYS = [
  { iso: '2026-05-12', line: 'Tuesday May 12, 2026', head: '<b>Tuesday</b>, May 12' },
  { iso: '2026-05-13', line: 'Wednesday May 13, 2026', head: '<b>Wednesday</b>, May 13' },
  { iso: '2026-05-14', line: 'Thursday May 14, 2026', head: '<b>Thursday</b>, May 14' },
];

function clock12(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

function descriptionHtml(rand: Rand, i: number): string {
  const paras = int(rand, 1, 3);
  const parts: string[] = [rand() < 0.5 ? '<strong></strong>' : ''];
  for (let p = 0; p < paras; p++) {
    let text = esc(prose(rand, int(rand, 25, 60)));
    if (rand() < 0.4)
      text = text.replace(/ (\w+) (\w+)\./, ' <em>$1</em> <a href="https://example.com/talks/' + i + '">$2</a>.');
    parts.push(`<p>${text}</p>`);
  }
  if (rand() < 0.3)
    parts.push(
      `<ul><li>${esc(prose(rand, 8))}</li><li>${esc(prose(rand, 10))}</li><li>Code: <code>kubectl get pods -A</code></li></ul>`,
    );
  return parts.join('');
}

/** A Sched `/list/descriptions/` page of `n` sessions over three days (EDT, 12-hour clock). */
export function schedDescriptionsPage(n = 600, seed = SEED): string {
  const rand = seededRandom(seed);
  const perDay = Math.ceil(n / DAYS.length);
  const out: string[] = [];
  let dayIndex = -1;
  let lastHeading = -1;
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / perDay);
    if (d !== dayIndex) {
      if (dayIndex >= 0) out.push('<div class="sched-container-bottom">&nbsp;</div>');
      dayIndex = d;
      lastHeading = -1;
      out.push(`<a class="sched-container-anchor" id="${DAYS[d]!.iso}"></a>
<div class="sched-container-header"><div class="sched-container-dates"><div class="sched-current-date">${DAYS[d]!.head}</div></div></div>`);
    }
    // 14 rooms in parallel, slots of 35 minutes from 9:00; sessions sorted by start as Sched lists them.
    const k = i % perDay;
    const start = 9 * 60 + Math.floor(k / ROOMS.length) * 35;
    const length = pick(rand, [5, 25, 30, 30, 30, 85]);
    const end = start + length;
    const room = ROOMS[k % ROOMS.length]!;
    const id = hex(rand, 32);
    const short = `2B${hex(rand, 3)}`;
    const t = title(rand);
    const isBreak = rand() < 0.04;
    const sessionTitle = isBreak ? pick(rand, ['Coffee Break', 'Lunch', 'Registration &amp; Badge Pickup']) : esc(t);
    if (start !== lastHeading) {
      out.push(`<h3>${clock12(start)} <span class='tz'>EDT</span></h3>`);
      lastHeading = start;
    }
    const speakers = isBreak ? [] : Array.from({ length: pick(rand, [1, 1, 1, 2, 2, 3]) }, () => person(rand));
    const people = speakers.length
      ? `<span class="sched-event-evpeople">${speakers.map((s) => esc(s.name)).join(' &bull; ')}</span>`
      : '';
    const type = pick(rand, TYPES);
    const details = isBreak
      ? ''
      : `
      <div class="sched-event-details">
        <div class="list-single__date">${DAYS[d]!.line} ${clock12(start)} - ${clock12(end)} <span class='tz'>EDT</span></div>
        <div class="list-single__location"><a href="venue/${encodeURIComponent(room).replace(/%20/g, '+')}">${esc(room)}</a> <a id="map-toggle" href="#">Map</a></div>
        <div class="sched-event-type">
          <a href="list/descriptions/type/${encodeURIComponent(type).replace(/%20/g, '+')}"><span class="sched-event-type-swatch"></span>${esc(type)}</a>
          ${rand() < 0.5 ? `<ul class="tip-custom-fields"><li><strong>Content Experience Level</strong> ${pick(rand, ['Any', 'Beginner', 'Intermediate', 'Advanced'])}</li><li><strong>Session Slides</strong> <a href="type/slides-later">later</a></li></ul>` : ''}
        </div>
        <div class="tip-description">${descriptionHtml(rand, i)}</div>
        <div class="tip-roles">
          <strong>${speakers.length > 2 ? 'Panelists' : 'Speakers'}</strong>
          ${speakers
            .map(
              (s) => `<div class="sched-person-session">
            <a class="sched-avatar" href="speaker/${s.user}"><img src="${rand() < 0.3 ? '//static.sched.com/images/avatar-empty.png' : `//static.sched.com/avatars/${s.user}.320x320px.jpg`}" alt="${esc(s.name)}"></a>
            <h2><a href="speaker/${s.user}" title="${esc(s.name)}">${esc(s.name)}</a></h2>
            <div class="sched-event-details-role-company">${esc([s.role, s.company].filter(Boolean).join(', '))}</div>
          </div>`,
            )
            .join('\n          ')}
        </div>
        ${rand() < 0.2 ? `<div class="sched-file"><a class="file-uploaded-pdf" href="https://static.sched.com/hosted_files/bigconf2026/${hex(rand, 2)}/${slug(t)}.pdf">${slug(t)}.pdf</a></div>` : ''}
        ${rand() < 0.1 ? `<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/${hex(rand, 11)}?rel=0"></iframe>` : ''}
      </div>`;
    out.push(`<div class="sched-container"><div class="sched-container-inner">
      <span class="event ev_${int(rand, 1, 9)}"><a href="event/${short}/${slug(t)}" id="${id}" class="name"><span class="session-title">${sessionTitle}</span> <span class="vs">${esc(room)}</span>${people}</a></span>${details}
      <br class="s-clr">
    </div></div>`);
  }
  out.push('<div class="sched-container-bottom">&nbsp;</div>');
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: 'BigConf 2026',
    startDate: DAYS[0]!.iso,
    endDate: DAYS[2]!.iso,
    location: { '@type': 'Place', name: 'Javits Center' },
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base href="/">
<meta charset="utf-8">
<title>BigConf 2026: Schedule</title>
<meta property="og:title" content="BigConf 2026 Schedule">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<style>body{font:14px/1.4 sans-serif}.sched-event-details{margin:.5em 0 1em 1em}.vs,.sched-event-evpeople{margin-left:.5em;color:#666}</style>
</head>
<body>
<div id="sched-page-list-descriptions">
  <div class="list-descriptions">
${out.join('\n')}
  </div>
</div>
<div id="sched-sidebar"><h3>Filter by Type</h3>${TYPES.map((t) => `<span class="event-type-filter">${esc(t)}</span>`).join(' ')}</div>
</body>
</html>`;
}

// ---------------------------------------------------------------------------------------------
// Talks and notes (the side panel's database, the recap's input)

const NOTE_KIND_WEIGHTS: Array<[NoteKind, number]> = [
  ['plain', 0.45],
  ['takeaway', 0.2],
  ['quote', 0.1],
  ['question', 0.1],
  ['link', 0.05],
  ['todo', 0.05],
  ['slide', 0.05],
];

function noteKind(rand: Rand): NoteKind {
  let r = rand();
  for (const [kind, w] of NOTE_KIND_WEIGHTS) if ((r -= w) < 0) return kind;
  return 'plain';
}

function noteText(rand: Rand, kind: NoteKind): string {
  switch (kind) {
    case 'slide':
      return 'Slide';
    case 'link':
      return `https://github.com/example/${slug(pick(rand, TOPICS))}`;
    case 'quote':
      return `“${prose(rand, int(rand, 6, 18))}”`;
    case 'question':
      return `${prose(rand, int(rand, 5, 12)).replace(/\.$/, '?')}`;
    default: {
      const s = prose(rand, int(rand, 4, 30));
      return rand() < 0.15 ? `${s} See \`kubectl describe\` and **${pick(rand, TOPICS)}**.` : s;
    }
  }
}

function speakerRecord(rand: Rand): Speaker {
  const p = person(rand);
  const raw = [p.role, p.company].filter(Boolean).join(', ') || null;
  return {
    name: p.name,
    role: p.role,
    company: p.company,
    roleCompanyRaw: raw,
    group: 'Speakers',
    profileUrl: `https://bigconf2026.sched.com/speaker/${p.user}`,
    avatarUrl: null,
  };
}

const EDT = -4 * 3_600_000;
const isoEdt = (ms: number): string => `${new Date(ms + EDT).toISOString().slice(0, 19)}-04:00`;

function makeTalks(rand: Rand, count: number, days: number, conferenceId: string, withDescriptions: boolean): Talk[] {
  const perDay = Math.ceil(count / days);
  const talks: Talk[] = [];
  for (let i = 0; i < count; i++) {
    const d = Math.floor(i / perDay);
    const k = i % perDay;
    const startAt = Date.UTC(2026, 4, 12 + d, 13, 0) + Math.floor(k / ROOMS.length) * 35 * 60_000; // 9:00 EDT
    const endAt = startAt + pick(rand, [25, 30, 30, 85]) * 60_000;
    const t = title(rand);
    const externalId = hex(rand, 32);
    const descriptionParas = withDescriptions
      ? Array.from({ length: int(rand, 1, 3) }, () => prose(rand, int(rand, 25, 60)))
      : [];
    const url = `https://bigconf2026.sched.com/event/2B${hex(rand, 3)}/${slug(t)}`;
    talks.push({
      id: uuid(rand),
      key: `bigconf2026.sched.com#${externalId}`,
      source: 'sched',
      url,
      externalId,
      title: t,
      start: isoEdt(startAt),
      end: isoEdt(endAt),
      timeZone: 'America/New_York',
      room: ROOMS[k % ROOMS.length]!,
      tracks: [pick(rand, TYPES)],
      customFields:
        rand() < 0.5 ? { 'Content Experience Level': pick(rand, ['Any', 'Beginner', 'Intermediate', 'Advanced']) } : {},
      speakers: Array.from({ length: pick(rand, [1, 1, 2, 3]) }, () => speakerRecord(rand)),
      descriptionHtml: descriptionParas.length ? descriptionParas.map((p) => `<p>${esc(p)}</p>`).join('') : null,
      description: descriptionParas.length ? descriptionParas.join('\n\n') : null,
      files:
        rand() < 0.2
          ? [
              {
                name: `${slug(t)}.pdf`,
                url: `https://static.sched.com/hosted_files/bigconf2026/${hex(rand, 2)}/${slug(t)}.pdf`,
              },
            ]
          : [],
      videoUrl: rand() < 0.3 ? `https://www.youtube.com/watch?v=${hex(rand, 11)}` : null,
      conferenceId,
      startAt,
      endAt,
      links: [],
      clippedAt: Date.UTC(2026, 4, 1),
      updatedAt: Date.UTC(2026, 4, 1),
    });
  }
  return talks;
}

/** `count` notes spread over `talks` (deterministically uneven), inside each talk's time. */
function makeNotes(rand: Rand, talks: readonly Talk[], count: number): Note[] {
  // Uneven shares like real use: some talks get many notes, many get few.
  const weights = talks.map(() => rand() ** 2 + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w / total) * count));
  let missing = count - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % shares.length, missing--) shares[i]!++;
  const notes: Note[] = [];
  talks.forEach((talk, t) => {
    const span = (talk.endAt ?? talk.startAt! + 1_800_000) - talk.startAt!;
    for (let n = 0; n < shares[t]!; n++) {
      const kind = noteKind(rand);
      const createdAt = talk.startAt! + Math.floor(((n + rand()) / shares[t]!) * span);
      notes.push({
        id: uuid(rand),
        talkId: talk.id,
        kind,
        text: noteText(rand, kind),
        createdAt,
        updatedAt: createdAt,
      });
    }
  });
  return notes;
}

export interface PanelData {
  conference: Conference;
  talks: Talk[];
  notes: Note[];
  /** The talk the Now view shows (a `settings` row), so the composer is there whatever today is. */
  pickedTalkId: string;
}

/** The side panel's database: 500 talks over three days, 10,000 notes. */
export function panelData(options: { talks?: number; notes?: number; seed?: number } = {}): PanelData {
  const rand = seededRandom(options.seed ?? SEED);
  const conference: Conference = {
    id: uuid(rand),
    key: 'bigconf2026.sched.com',
    name: 'BigConf 2026',
    url: 'https://bigconf2026.sched.com',
    timeZone: 'America/New_York',
    updatedAt: Date.UTC(2026, 4, 1),
  };
  const talks = makeTalks(rand, options.talks ?? 500, 3, conference.id, true);
  const notes = makeNotes(rand, talks, options.notes ?? 10_000);
  return { conference, talks, notes, pickedTalkId: talks[Math.floor(talks.length / 2)]!.id };
}

/**
 * Rows as the database stores them: with the search words the product writes on every put
 * (lib/db/schema.ts), since the benchmark seeds through raw IndexedDB, below Dexie.
 */
export function storedRows(data: PanelData): PanelData {
  return {
    ...data,
    talks: data.talks.map((t) => ({ ...t, words: talkWords(t), hourWords: talkHourWords(t) })),
    notes: data.notes.map((n) => ({ ...n, words: noteWords(n), hourWords: noteHourWords(n) })),
  };
}

/** One day's export: 50 talks, 2,000 notes, 100 highlights on the talks' pages and linked posts. */
export function recapDay(options: { talks?: number; notes?: number; highlights?: number; seed?: number } = {}) {
  const rand = seededRandom((options.seed ?? SEED) + 1);
  const talks = makeTalks(rand, options.talks ?? 50, 1, 'conf', true);
  const notes = makeNotes(rand, talks, options.notes ?? 2000);
  const highlights: Highlight[] = Array.from({ length: options.highlights ?? 100 }, (_, i) => {
    const talk = talks[i % talks.length]!;
    const onTalkPage = rand() < 0.5;
    return {
      id: uuid(rand),
      talkId: talk.id,
      pageUrl: onTalkPage ? talk.url : `https://blog.example.dev/${slug(title(rand))}`,
      pageTitle: onTalkPage ? talk.title : title(rand),
      quote: {
        type: 'TextQuoteSelector',
        exact: prose(rand, int(rand, 8, 40)),
        prefix: prose(rand, 5),
        suffix: prose(rand, 5),
      },
      position: null,
      comment: rand() < 0.4 ? prose(rand, int(rand, 4, 15)) : '',
      color: 'yellow',
      orphanedAt: null,
      createdAt: talk.startAt!,
      updatedAt: talk.startAt!,
    };
  });
  return { talks, notes, highlights, conference: { name: 'BigConf 2026', url: 'https://bigconf2026.sched.com' } };
}

/** The benchmark's article: ≥ 1 MB of HTML, ~1,000,000 characters of text. */
export function benchArticle(): string {
  return generateArticle({ targetChars: 1_000_000, seed: ARTICLE_SEED }).html;
}
