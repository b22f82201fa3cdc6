import { noteWords, talkSearchText, talkWords, textWords } from '../db/search-words';
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
  /**
   * True when the total is only a lower bound: every word of the query was too common to count
   * its hits cheaply, so the newest were found by reading records newest first and the reading
   * stopped there ("Notes (50+)"). Absent or false: the total is exact.
   */
  talksAtLeast?: boolean;
  notesAtLeast?: boolean;
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
  /** The first page of the newest-first reading (FIRST_SCAN_PAGE); tests lower it. */
  firstScanPage?: number;
  /** Records read newest first before the exact fallback (SCAN_AT_MOST); tests lower it. */
  scanAtMost?: number;
}

/** Records read newest first, at most, before a common-words query falls back to its exact key sets. */
const SCAN_AT_MOST = 4_000;
/** A query of several words reads each word's keys up to this many before its exact fallback. */
const MULTI_WORD_CAP = 300;
/** The first page of that reading; each next one is twice as long. */
const FIRST_SCAN_PAGE = 250;

interface Hits<T> {
  rows: T[];
  total: number;
  atLeast: boolean;
}

/**
 * The newest `limit` records having a word that starts with every one of `words`, and how many
 * there are. Each word's range of the `words` index is read up to `cap` keys. If one of them has
 * fewer (a rare word), its keys are every candidate: they are read and checked in memory, and
 * the total is exact. If the query is one common word, records are read newest first through the
 * time index in growing pages until `limit` hits are found (a common word hits every few
 * records), and the total is a lower bound; past `SCAN_AT_MOST` records read, and for several
 * common words (which may seldom meet), the exact key sets are intersected as before.
 */
async function newestHits<T extends { id: string }>(
  table: TalkmarkDB['notes'] | TalkmarkDB['talks'],
  index: 'createdAt' | 'startAt',
  words: readonly string[],
  limit: number,
  compare: (a: T, b: T) => number,
  recordWords: (r: T) => string[],
  cap: number,
  firstScanPage: number,
  scanAtMost: number,
): Promise<Hits<T>> {
  const matches = (r: T) => {
    const own = recordWords(r);
    return words.every((w) => own.some((o) => o.startsWith(w)));
  };
  const read = async (ks: string[]) =>
    ((await table.bulkGet(ks)) as Array<T | undefined>).filter((r) => r !== undefined);
  // Several words: a smaller cap, as the keys read are wasted when every word turns out common.
  const wordCap = words.length > 1 ? Math.min(cap, MULTI_WORD_CAP) : cap;
  const capped = await Promise.all(
    words.map(
      async (w) =>
        (await table
          .where('words')
          .startsWith(w)
          .limit(wordCap + 1)
          .primaryKeys()) as string[],
    ),
  );
  const complete = capped.filter((keys) => keys.length <= wordCap).map((keys) => new Set(keys));
  if (complete.length > 0) {
    complete.sort((a, b) => a.size - b.size);
    const [first, ...rest] = complete;
    const candidates = [...first!].filter((k) => rest.every((s) => s.has(k)));
    // Words whose range was cut short are checked on the records themselves.
    const rows = complete.length === words.length ? await read(candidates) : (await read(candidates)).filter(matches);
    return { rows: rows.sort(compare).slice(0, limit), total: rows.length, atLeast: false };
  }
  // Every word is common: read newest first, a page at a time (with the page's last value's ties).
  const hits: T[] = [];
  const seen = new Set<string>();
  let scanned = 0;
  let page = firstScanPage;
  let below: number | null = null;
  // Only for one word: several common words may seldom meet, and their key sets are cheaper then.
  const scanLimit = words.length === 1 ? scanAtMost : 0;
  while (hits.length < limit && scanned < scanLimit) {
    const rows = (await (below === null ? table.orderBy(index) : table.where(index).below(below))
      .reverse()
      .limit(page)
      .toArray()) as unknown as T[];
    if (rows.length === 0) break;
    const last = (rows[rows.length - 1] as unknown as Record<string, number>)[index]!;
    const ties = rows.length === page ? ((await table.where(index).equals(last).toArray()) as unknown as T[]) : [];
    for (const r of [...rows, ...ties]) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      scanned++;
      if (matches(r)) hits.push(r);
    }
    if (rows.length < page) {
      // The whole index is read: add the records it leaves out (no time), and the total is exact.
      const indexed = new Set((await table.orderBy(index).primaryKeys()) as string[]);
      const rest = ((await table.toCollection().primaryKeys()) as string[]).filter((k) => !indexed.has(k));
      if (rest.length) hits.push(...(await read(rest)).filter(matches));
      return { rows: hits.sort(compare).slice(0, limit), total: hits.length, atLeast: false };
    }
    below = last;
    page *= 2;
  }
  if (hits.length >= limit) return { rows: hits.sort(compare).slice(0, limit), total: hits.length, atLeast: true };
  // Common words that seldom meet: the exact key sets, as before.
  const keys = await matchingKeys(table, words);
  const rows = await newestOf<T>(table, index, keys, limit, compare, cap);
  return { rows, total: keys.size, atLeast: false };
}

/**
 * Every talk whose title, speakers or room, and every note whose text, has a word starting with
 * each of the query's words, ignoring case and accents ("kube clu" finds "Kubernetes clusters").
 * Reads the `words` index (kept on every write), then only the hits shown: never every note.
 * Newest first, `limit` per list. A query of common words only reads the newest records until
 * `limit` hits are found, and says its totals are lower bounds (`talksAtLeast`, `notesAtLeast`).
 */
export async function searchAll(
  db: TalkmarkDB,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
  {
    readAllHitsUpTo = READ_ALL_HITS_UP_TO,
    firstScanPage = FIRST_SCAN_PAGE,
    scanAtMost = SCAN_AT_MOST,
  }: SearchOptions = {},
): Promise<SearchResults> {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return { talks: [], notes: [], totalTalks: 0, totalNotes: 0 };

  return db.transaction('r', db.talks, db.notes, async () => {
    const [talkHits, noteHits] = await Promise.all([
      newestHits<Talk>(
        db.talks,
        'startAt',
        words,
        limit,
        newestTalkFirst,
        talkWords,
        readAllHitsUpTo,
        firstScanPage,
        scanAtMost,
      ),
      newestHits<Note>(
        db.notes,
        'createdAt',
        words,
        limit,
        newestNoteFirst,
        noteWords,
        readAllHitsUpTo,
        firstScanPage,
        scanAtMost,
      ),
    ]);
    const talks = talkHits.rows;
    const notes = noteHits.rows;
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
      totalTalks: talkHits.total,
      totalNotes: noteHits.total,
      ...(talkHits.atLeast ? { talksAtLeast: true } : {}),
      ...(noteHits.atLeast ? { notesAtLeast: true } : {}),
    };
  });
}
