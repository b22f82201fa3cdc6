import type { ExtractedTalk, Speaker, TalkSource } from '../model';

/** A talk with every optional field absent (null or empty), to be filled with what a page states. */
export function newTalk(
  source: TalkSource,
  url: string,
  title: string,
  fields: Partial<ExtractedTalk> = {},
): ExtractedTalk {
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

const personKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The people `primary` lists (it says who speaks, in its order), each completed with what
 * `secondary` knows of the same name: a list view prints names only, a session page adds role,
 * company and avatar, and one read must not erase what another knew.
 */
export function fillSpeakers(primary: readonly Speaker[], secondary: readonly Speaker[]): Speaker[] {
  const known = new Map(secondary.map((s) => [personKey(s.name), s]));
  return primary.map((s) => {
    const other = known.get(personKey(s.name));
    if (!other) return s;
    const filled = { ...s };
    for (const field of ['role', 'company', 'roleCompanyRaw', 'group', 'profileUrl', 'avatarUrl'] as const)
      filled[field] ??= other[field];
    return filled;
  });
}
