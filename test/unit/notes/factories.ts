import type { Note, Talk } from '../../../lib/model';
import { wallTimeToInstant } from '../../../lib/time/zones';

/** A full Talk record with sensible defaults, for tests that store or sort talks. */
export function makeTalk(over: Partial<Talk> = {}): Talk {
  const id = over.id ?? crypto.randomUUID();
  return {
    id,
    key: `https://conf.example/talk/${id}#T`,
    source: 'sched',
    url: `https://conf.example/talk/${id}`,
    externalId: null,
    title: 'A talk',
    start: null,
    end: null,
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
    startAt: null,
    endAt: null,
    links: [],
    clippedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

export function makeNote(over: Partial<Note> & Pick<Note, 'talkId'>): Note {
  return {
    id: crypto.randomUUID(),
    kind: 'plain',
    text: 'A note',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...over,
  };
}

/** Instant of a venue wall time, `hh:mm` on a given date in a zone. */
export function at(date: string, time: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return wallTimeToInstant({ year, month, day, hour, minute }, zone);
}

/** A talk in a zone from wall-clock times: `timed('09:30', '10:00')`. */
export function timedTalk(
  id: string,
  start: string | null,
  end: string | null,
  over: Partial<Talk> = {},
  date = '2025-09-09',
  zone = 'America/Los_Angeles',
): Talk {
  return makeTalk({
    id,
    title: `Talk ${id}`,
    timeZone: zone,
    startAt: start === null ? null : at(date, start, zone),
    endAt: end === null ? null : at(date, end, zone),
    ...over,
  });
}
