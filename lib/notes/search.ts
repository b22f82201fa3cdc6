import { talkSearchText, textWords } from '../db/search-words';
import type { TalkmarkDB } from '../db/schema';
import type { Note, Talk } from '../model';
import { makeSnippet, type Snippet } from './snippet';

export interface TalkHit {
  talk: Talk;
  /** Built from "title · speakers · room". */
  snippet: Snippet;
}

export interface NoteHit {
  note: Note;
  /** The note's talk, for its title; null if the talk is gone. */
  talk: Talk | null;
  snippet: Snippet;
}

export interface SearchResults {
  talks: TalkHit[];
  notes: NoteHit[];
  /** Matches before `limit` was applied, for "showing 50 of 212". */
  totalTalks: number;
  totalNotes: number;
}

export const DEFAULT_SEARCH_LIMIT = 50;

/**
 * How long the search box waits after a keystroke: enough to skip the queries of a fast typist's
 * burst, small enough that results (tens of ms at 100,000 notes) show within 100 ms of the last.
 */
export const SEARCH_DEBOUNCE_MS = 40;

/**
 * Up to this many hits are read and sorted in memory; past it the newest are found by walking
 * the time index's keys (one getAllKeys) and only `limit` records are read.
 */
const READ_ALL_HITS_UP_TO = 1500;

export const newestTalkFirst = (a: Talk, b: Talk) =>
  (b.startAt ?? -Infinity) - (a.startAt ?? -Infinity) || b.clippedAt - a.clippedAt || a.id.localeCompare(b.id);
export const newestNoteFirst = (a: Note, b: Note) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);

/** The query's words, folded and split exactly as stored records are (`textWords`). */
export function queryWords(query: string): string[] {
  return textWords(query);
}

/** Primary keys of the records having a word that starts with every one of `words`. */
async function matchingKeys(
  table: TalkmarkDB['notes'] | TalkmarkDB['talks'],
  words: readonly string[],
): Promise<Set<string>> {
  // The longest word is usually the rarest: its range is read first and the others only narrow it.
  const sets = await Promise.all(
    [...words]
      .sort((a, b) => b.length - a.length)
      .map(async (w) => new Set((await table.where('words').startsWith(w).primaryKeys()) as string[])),
  );
  sets.sort((a, b) => a.size - b.size);
  const [first, ...rest] = sets;
  const out = new Set<string>();
  for (const key of first ?? []) if (rest.every((s) => s.has(key))) out.add(key);
  return out;
}

/**
 * The `limit` first of `keys` in `compare` order, where the order is "`index` descending, then
 * whatever `compare` says". Few keys: read them all. Many: read the index's keys in windows of
 * time from the newest (each one `getAllKeys` on a range, sized from the hits' share of the table
 * and doubled until enough hits are found), read the first `limit` hits plus every hit tied with
 * the last one (ties are ordered by `compare`, not by the index), and the hits missing from the
 * index (they sort last).
 */
async function newestOf<T extends { id: string }>(
  table: TalkmarkDB['notes'] | TalkmarkDB['talks'],
  index: 'createdAt' | 'startAt',
  keys: Set<string>,
  limit: number,
  compare: (a: T, b: T) => number,
  readAllUpTo: number,
): Promise<T[]> {
  const read = async (ks: string[]) =>
    ((await table.bulkGet(ks)) as Array<T | undefined>).filter((r) => r !== undefined);
  if (keys.size <= Math.max(readAllUpTo, limit)) return (await read([...keys])).sort(compare).slice(0, limit);
  const [oldest, newest] = await Promise.all([
    table.orderBy(index).limit(1).keys(),
    table.orderBy(index).reverse().limit(1).keys(),
  ]);
  const picked: string[] = [];
  if (oldest.length && newest.length) {
    const lo0 = oldest[0] as number;
    const hi0 = newest[0] as number;
    // Hits spread evenly would put `limit` of them in this share of the time span; start at twice that.
    let width = Math.max(1, ((hi0 - lo0) * 2 * limit) / keys.size);
    let hi = Infinity;
    while (picked.length < limit && hi >= lo0) {
      const lo = Math.max(lo0, hi0 - width);
      const windowKeys = (await table
        .where(index)
        .between(lo, hi, true, hi === Infinity)
        .primaryKeys()) as string[];
      for (let i = windowKeys.length - 1; i >= 0 && picked.length < limit; i--)
        if (keys.has(windowKeys[i]!)) picked.push(windowKeys[i]!);
      if (lo === lo0) break;
      hi = lo;
      width *= 2;
    }
  }
  let rows = await read(picked);
  if (picked.length < limit) {
    const inIndex = new Set((await table.orderBy(index).primaryKeys()) as string[]);
    rows = rows.concat(await read([...keys].filter((k) => !inIndex.has(k))));
  } else {
    const last = Math.min(...rows.map((r) => (r as unknown as Record<string, number>)[index]!));
    const have = new Set(picked);
    const ties = ((await table.where(index).equals(last).primaryKeys()) as string[]).filter(
      (k) => keys.has(k) && !have.has(k),
    );
    rows = rows.concat(await read(ties));
  }
  return rows.sort(compare).slice(0, limit);
}

export interface SearchOptions {
  /** See READ_ALL_HITS_UP_TO; tests lower it to exercise the index walk on a small corpus. */
  readAllHitsUpTo?: number;
}

/**
 * Every talk whose title, speakers or room, and every note whose text, has a word starting with
 * each of the query's words, ignoring case and accents ("kube clu" finds "Kubernetes clusters").
 * Reads the `words` index (kept on every write), then only the hits shown: never every note.
 * Newest first, `limit` per list.
 */
export async function searchAll(
  db: TalkmarkDB,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
  { readAllHitsUpTo = READ_ALL_HITS_UP_TO }: SearchOptions = {},
): Promise<SearchResults> {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return { talks: [], notes: [], totalTalks: 0, totalNotes: 0 };

  return db.transaction('r', db.talks, db.notes, async () => {
    const [talkKeys, noteKeys] = await Promise.all([matchingKeys(db.talks, words), matchingKeys(db.notes, words)]);
    const [talks, notes] = await Promise.all([
      newestOf<Talk>(db.talks, 'startAt', talkKeys, limit, newestTalkFirst, readAllHitsUpTo),
      newestOf<Note>(db.notes, 'createdAt', noteKeys, limit, newestNoteFirst, readAllHitsUpTo),
    ]);
    const talkIds = [...new Set(notes.map((n) => n.talkId))];
    const noteTalks = await db.talks.bulkGet(talkIds);
    const talkById = new Map(talkIds.map((id, i) => [id, noteTalks[i] ?? null]));
    return {
      talks: talks.map((talk) => ({ talk, snippet: makeSnippet(talkSearchText(talk), words) })),
      notes: notes.map((note) => ({
        note,
        talk: talkById.get(note.talkId) ?? null,
        snippet: makeSnippet(note.text, words),
      })),
      totalTalks: talkKeys.size,
      totalNotes: noteKeys.size,
    };
  });
}
