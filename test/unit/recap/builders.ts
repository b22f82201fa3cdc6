import type { Highlight, Note, NoteKind, Speaker, Talk } from '../../../lib/model';

export const START = Date.UTC(2025, 8, 9, 16, 30); // 09:30 PDT

export function makeSpeaker(name: string, company: string | null = null, profileUrl: string | null = null): Speaker {
  return { name, role: null, company, roleCompanyRaw: company, group: 'Speakers', profileUrl, avatarUrl: null };
}

export function makeTalk(over: Partial<Talk> = {}): Talk {
  return {
    id: 't1',
    key: 'k1',
    source: 'sched',
    url: 'https://conf.example/event/1',
    externalId: null,
    title: 'A talk',
    start: '2025-09-09T09:30:00-07:00',
    end: '2025-09-09T10:00:00-07:00',
    timeZone: 'America/Los_Angeles',
    room: null,
    tracks: [],
    customFields: {},
    speakers: [],
    descriptionHtml: null,
    description: null,
    files: [],
    videoUrl: null,
    conferenceId: null,
    startAt: START,
    endAt: START + 1_800_000,
    links: [],
    clippedAt: START - 1,
    updatedAt: START - 1,
    ...over,
  };
}

let seq = 0;
export function makeNote(talkId: string, kind: NoteKind, text: string, createdAt: number): Note {
  seq++;
  return { id: `n${String(seq).padStart(6, '0')}`, talkId, kind, text, createdAt, updatedAt: createdAt };
}

export function makeHighlight(talkId: string, exact: string, over: Partial<Highlight> = {}): Highlight {
  seq++;
  return {
    id: `h${seq}`,
    talkId,
    pageUrl: 'https://conf.example/event/1',
    pageTitle: 'A page',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: null,
    comment: '',
    color: 'yellow',
    orphanedAt: null,
    createdAt: START,
    updatedAt: START,
    ...over,
  };
}
