import type { ExtractedTalk, TalkSource } from '../model';

/** A talk with every optional field absent (null or empty), to be filled with what a page states. */
export function newTalk(source: TalkSource, url: string, title: string, fields: Partial<ExtractedTalk> = {}): ExtractedTalk {
  return {
    source,
    url,
    externalId: null,
    title,
    start: null,
    end: null,
    timeZone: null,
    room: null,
    tracks: [],
    customFields: {},
    speakers: [],
    descriptionHtml: null,
    description: null,
    files: [],
    videoUrl: null,
    conference: null,
    ...fields,
  };
}

/** "3 sessions" / "1 session", for warnings. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function uniqueStrings(values: Iterable<string | null | undefined>): string[] {
  return [...new Set([...values].map((v) => v?.replace(/\s+/g, ' ').trim()).filter((v): v is string => !!v))];
}
