/**
 * A tiny made-up conference day for the template editor's preview when nothing is clipped yet
 * (the test fixtures are not part of the extension). It has every note kind, a highlight and two
 * speakers on one talk, so most template branches show something.
 */
import type { Highlight, Note, NoteKind, Speaker, Talk } from '../model';
import type { RecapInput } from '../recap';

const DAY = Date.UTC(2025, 4, 14, 15, 0); // 09:00 in the venue's zone (America/Denver, MDT)
const MIN = 60_000;

function speaker(name: string, role: string, company: string): Speaker {
  return {
    name,
    role,
    company,
    roleCompanyRaw: `${role}, ${company}`,
    group: 'Speakers',
    profileUrl: null,
    avatarUrl: null,
  };
}

function talk(id: string, title: string, startMin: number, speakers: Speaker[], description: string): Talk {
  const startAt = DAY + startMin * MIN;
  const iso = (ms: number) => new Date(ms - 6 * 60 * MIN).toISOString().slice(0, 19) + '-06:00';
  return {
    id,
    key: `sample#${id}`,
    source: 'sched',
    url: `https://sample-conf.example/talks/${id}`,
    externalId: null,
    title,
    start: iso(startAt),
    end: iso(startAt + 30 * MIN),
    timeZone: 'America/Denver',
    room: 'Main Hall',
    tracks: [],
    customFields: {},
    speakers,
    descriptionHtml: null,
    description,
    files: [],
    videoUrl: null,
    conferenceId: 'sample',
    startAt,
    endAt: startAt + 30 * MIN,
    links: [],
    clippedAt: DAY,
    updatedAt: DAY,
  };
}

type NoteSpec = [talk: Talk, kind: NoteKind, text: string, minutesIn: number];

function note([t, kind, text, minutesIn]: NoteSpec, i: number): Note {
  const at = t.startAt! + minutesIn * MIN;
  return { id: `sample-note-${i + 1}`, talkId: t.id, kind, text, createdAt: at, updatedAt: at };
}

const first = talk(
  'sample-1',
  'Shipping Small: Feature Flags at Scale',
  0,
  [speaker('Avery Quinn', 'Staff Engineer', 'Northwind')],
  'How one team moved from monthly releases to dozens a day without scaring anyone.',
);
const second = talk(
  'sample-2',
  'Observability on a Budget',
  45,
  [speaker('Rowan Ellis', 'SRE', 'Contoso'), speaker('Sam Okafor', 'Developer Advocate', 'Fabrikam')],
  'Tracing, metrics and logs for teams that cannot buy everything.',
);

const notes: Note[] = (
  [
    [first, 'takeaway', 'Flags are **temporary**: give each one an owner and an expiry date.', 4],
    [first, 'quote', 'Deploying is not releasing.', 9],
    [first, 'plain', 'They clean up stale flags every sprint with a bot.', 15],
    [first, 'question', 'How do they test flag combinations?', 22],
    [first, 'link', 'https://openfeature.dev', 25],
    [second, 'takeaway', 'Sample traces at the edge, keep every error trace.', 6],
    [second, 'slide', '', 11],
    [second, 'todo', 'Try tail-based sampling on the staging cluster.', 18],
  ] satisfies NoteSpec[]
).map(note);

const highlights: Highlight[] = [
  {
    id: 'sample-highlight-1',
    talkId: second.id,
    pageUrl: 'https://blog.sample-conf.example/budget-observability',
    pageTitle: 'Observability on a budget — the write-up',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Most of the value comes from the first ten dashboards.',
      prefix: '',
      suffix: '',
    },
    position: null,
    comment: 'Matches what we saw.',
    color: 'yellow',
    orphanedAt: null,
    createdAt: second.startAt! + 40 * MIN,
    updatedAt: second.startAt! + 40 * MIN,
  },
];

export const SAMPLE_RECAP_INPUT: RecapInput = {
  talks: [first, second],
  notes,
  highlights,
  conference: { name: 'Sample Conf 2025', url: 'https://sample-conf.example/' },
};
