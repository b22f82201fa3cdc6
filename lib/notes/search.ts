import { hourOf, noteWords, talkSearchText, talkWords, textWords, WORD_HOUR_MS } from '../db/search-words';
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
 * A word with up to this many keys in the `words` index is rare: its keys are every candidate.
 * Past it the word is common and the hours are walked (`newestByHour`).
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
  /** Hours read, at most, newest first, before the exact fallback (HOURS_AT_MOST); tests lower it. */
  hoursAtMost?: number;
  /** See READ_HOUR_UP_TO (also: rare words' hits read whole up to this); tests lower it to exercise the time index pick. */
  readHourUpTo?: number;
}

/** A query of several words reads each word's keys up to this many before walking hours. */
const MULTI_WORD_CAP = 300;
/**
 * Hours (of records' time) read newest first, at most, before a common-words query falls back to
 * its exact key sets: common words that seldom meet, or meet only in old records.
 */
const HOURS_AT_MOST = 256;
/** The hours read at once grow from 1 by doubling, up to this (a common word fills an hour or two). */
const HOURS_PER_STEP_MAX = 16;
/**
 * Hits (of a rare word, or of the walk's last hour) past this many are not all read: their newest
 * are picked through the time index's keys.
 */
const READ_HOUR_UP_TO = 100;

interface Hits<T> {
  rows: T[];
  total: number;
  atLeast: boolean;
}

const read = async <T>(table: TalkmarkDB['notes'] | TalkmarkDB['talks'], ks: string[]) =>
  ((await table.bulkGet(ks)) as unknown as Array<T | undefined>).filter((r): r is T => r !== undefined);

/**
 * The newest `limit` records having a word that starts with every one of `words`, and how many
 * there are. Each word's range of the `words` index is read up to `cap` keys. If one of them has
 * fewer (a rare word), its keys are every candidate: they are read and checked in memory, and
 * the total is exact. If every word is common, the hours are walked newest first (`newestByHour`)
 * until `limit` hits are found, and the total is a lower bound; past `hoursAtMost` hours the
 * exact key sets are intersected (`matchingKeys`, `newestOf`).
 */
async function newestHits<T extends { id: string }>(
  table: TalkmarkDB['notes'] | TalkmarkDB['talks'],
  index: 'createdAt' | 'startAt',
  words: readonly string[],
  limit: number,
  compare: (a: T, b: T) => number,
  recordWords: (r: T) => string[],
  { readAllHitsUpTo: cap, hoursAtMost, readHourUpTo }: Required<SearchOptions>,
): Promise<Hits<T>> {
  const matches = (r: T) => {
    const own = recordWords(r);
    return words.every((w) => own.some((o) => o.startsWith(w)));
  };
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
    // Every word's keys known: the hits are exact, and only the newest are read (through the
    // time index when there are many: a word in 1,000 notes read whole cost ~100 ms).
    if (complete.length === words.length) {
      const keys = new Set(candidates);
      return {
        rows: await newestOf<T>(table, index, keys, limit, compare, readHourUpTo),
        total: keys.size,
        atLeast: false,
      };
    }
    // Words whose range was cut short are checked on the records themselves.
    const hits = (await read<T>(table, candidates)).filter(matches);
    return { rows: hits.sort(compare).slice(0, limit), total: hits.length, atLeast: false };
  }
  const byHour = await newestByHour<T>(table, index, words, limit, compare, hoursAtMost, readHourUpTo);
  if (byHour) return byHour;
  // Common words that seldom meet: the exact key sets.
  const keys = await matchingKeys(table, words);
  const rows = await newestOf<T>(table, index, keys, limit, compare, cap);
  return { rows, total: keys.size, atLeast: false };
}

/**
 * Every word common: the `hourWords` index, hour by hour from the newest record's hour. In each
 * hour the keys of every word's range are intersected (index keys only, no record read); hours are
 * read 1, 2, 4… at a time, and an empty stretch is skipped by asking the time index for the next
 * older record. Once the hours read hold `limit` hits, no older hour can hold a newer one: the
 * hits of the earlier hours are read, and the newest of the last hour's. Null when the walk ends
 * (oldest record reached, or `hoursAtMost` read) without `limit` hits: the caller counts exactly,
 * which also finds records without a time (talks without `startAt`, not in `hourWords`).
 */
async function newestByHour<T extends { id: string }>(
  table: TalkmarkDB['notes'] | TalkmarkDB['talks'],
  index: 'createdAt' | 'startAt',
  words: readonly string[],
  limit: number,
  compare: (a: T, b: T) => number,
  hoursAtMost: number,
  readHourUpTo: number,
): Promise<Hits<T> | null> {
  const newest = (await table.orderBy(index).reverse().limit(1).keys()) as number[];
  if (newest.length === 0) return null;
  let hour: number | null = hourOf(newest[0]!);
  const found: Array<{ hour: number; keys: string[] }> = [];
  let total = 0;
  let walked = 0;
  let step = 1;
  while (hour !== null && total < limit && walked < hoursAtMost) {
    const hours = Array.from({ length: Math.min(step, hoursAtMost - walked) }, (_, i) => hour! - i);
    const oldest = hours[hours.length - 1]!;
    const inHour = async (h: number, w: string) =>
      (await table
        .where('hourWords')
        .between([h, w], [h, `${w}\uffff`], true, true)
        .primaryKeys()) as string[];
    // The first (longest, likely rarest) word in every hour, the others only where it is found:
    // an hour without it (a night, a gap) costs one request, not one per word.
    const [lead, ...others] = [...words].sort((a, b) => b.length - a.length);
    const [leadKeys, below] = await Promise.all([
      Promise.all(hours.map((h) => inHour(h, lead!))),
      table
        .where(index)
        .below(oldest * WORD_HOUR_MS)
        .reverse()
        .limit(1)
        .keys() as Promise<number[]>,
    ]);
    const perHour = await Promise.all(
      hours.map(async (h, i) =>
        leadKeys[i]!.length && others.length
          ? [leadKeys[i]!, ...(await Promise.all(others.map((w) => inHour(h, w))))]
          : [leadKeys[i]!],
      ),
    );
    perHour.forEach((lists, i) => {
      // Hours past the one that completed the screen are not needed (nor counted).
      if (total >= limit) return;
      // A record has an entry per matching word (prefix "r": read, rollout…): one key each.
      const [first, ...rest] = lists.map((l) => new Set(l)).sort((a, b) => a.size - b.size);
      const keys = [...first!].filter((k) => rest.every((s) => s.has(k)));
      if (keys.length) found.push({ hour: hours[i]!, keys });
      total += keys.length;
    });
    walked += hours.length;
    hour = below.length ? hourOf(below[0]!) : null;
    step = Math.min(step * 2, HOURS_PER_STEP_MAX);
  }
  if (total < limit) return null;
  const last = found.pop()!;
  const earlier = await read<T>(
    table,
    found.flatMap((f) => f.keys),
  );
  const need = limit - earlier.length;
  const lastRows =
    last.keys.length <= readHourUpTo
      ? await read<T>(table, last.keys)
      : await newestInHour<T>(table, index, last.hour, new Set(last.keys), need);
  const rows = earlier.concat(lastRows.sort(compare).slice(0, need)).sort(compare);
  return { rows, total, atLeast: true };
}

/** The newest `need` of `keys` (all in `hour`), with every hit tied with the last one's time. */
async function newestInHour<T extends { id: string }>(
  table: TalkmarkDB['notes'] | TalkmarkDB['talks'],
  index: 'createdAt' | 'startAt',
  hour: number,
  keys: Set<string>,
  need: number,
): Promise<T[]> {
  const inTimeOrder = (await table
    .where(index)
    .between(hour * WORD_HOUR_MS, (hour + 1) * WORD_HOUR_MS, true, false)
    .primaryKeys()) as string[];
  const picked: string[] = [];
  for (let i = inTimeOrder.length - 1; i >= 0 && picked.length < need; i--)
    if (keys.has(inTimeOrder[i]!)) picked.push(inTimeOrder[i]!);
  const rows = await read<T>(table, picked);
  // Ties are ordered by `compare`, not by the index: every hit at the last time competes.
  const lastAt = Math.min(...rows.map((r) => (r as unknown as Record<string, number>)[index]!));
  const have = new Set(picked);
  const ties = ((await table.where(index).equals(lastAt).primaryKeys()) as string[]).filter(
    (k) => keys.has(k) && !have.has(k),
  );
  return rows.concat(await read<T>(table, ties));
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
    hoursAtMost = HOURS_AT_MOST,
    readHourUpTo = READ_HOUR_UP_TO,
  }: SearchOptions = {},
): Promise<SearchResults> {
  const opts = { readAllHitsUpTo, hoursAtMost, readHourUpTo };
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return { talks: [], notes: [], totalTalks: 0, totalNotes: 0 };

  return db.transaction('r', db.talks, db.notes, async () => {
    const [talkHits, noteHits] = await Promise.all([
      newestHits<Talk>(db.talks, 'startAt', words, limit, newestTalkFirst, talkWords, opts),
      newestHits<Note>(db.notes, 'createdAt', words, limit, newestNoteFirst, noteWords, opts),
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
