/**
 * The words a note or talk is found by: folded (case and accents ignored) and split at anything
 * that is not a letter or digit. Stored on each record as `words` (a multi-entry index) by the
 * database itself on every write (`lib/db/schema.ts`), so search reads the index, never every note.
 * `hourWords` (below) pairs them with an hour, for reading a common word newest first.
 */
import type { Note, Talk } from '../model';

const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Long words are cut: an index key per pasted hash or URL would bloat the index. A query word
 * longer than this matches by its first MAX_WORD characters.
 */
export const MAX_WORD = 40;

/**
 * Case- and accent-insensitive text for search: "Café Ölçü" and "cafe olcu" fold alike.
 * Decomposes (NFD), drops combining marks, lowercases; final sigma is unified with σ because
 * lowercasing a whole string picks ς by context and a single letter never does.
 */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ς/g, 'σ');
}

/** The distinct folded words of a text, each cut to MAX_WORD characters, in order of appearance. */
export function textWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of foldText(text).split(NOT_WORD)) if (w) out.add(w.length > MAX_WORD ? w.slice(0, MAX_WORD) : w);
  return [...out];
}

/** What a talk is found by: title, speakers' names, room (what Search shows for a talk). */
export function talkSearchText(t: Pick<Talk, 'title' | 'speakers' | 'room'>): string {
  return [t.title, (t.speakers ?? []).map((s) => s.name).join(', '), t.room ?? ''].filter(Boolean).join(' · ');
}

export function noteWords(n: Pick<Note, 'text'>): string[] {
  return textWords(n.text ?? '');
}

export function talkWords(t: Pick<Talk, 'title' | 'speakers' | 'room'>): string[] {
  return textWords(talkSearchText(t));
}

/**
 * Time buckets of the second search index (`*hourWords`): each record's words paired with the
 * hour it belongs to (a note's `createdAt`, a talk's `startAt`). Entries sort by hour, then word,
 * so one index range is "the words starting with w in hour h": a search walks hours newest first
 * and stops once a screen of hits is found, instead of reading every key of a common word.
 */
export const WORD_HOUR_MS = 3_600_000;

export function hourOf(at: number): number {
  return Math.floor(at / WORD_HOUR_MS);
}

/** `[hour, word]` for each word; none without a finite time (such records sort last in search). */
export function hourWords(words: readonly string[], at: number | null | undefined): Array<[number, string]> {
  if (typeof at !== 'number' || !Number.isFinite(at)) return [];
  const hour = hourOf(at);
  return words.map((w) => [hour, w]);
}

export function noteHourWords(n: Pick<Note, 'text' | 'createdAt'>): Array<[number, string]> {
  return hourWords(noteWords(n), n.createdAt);
}

export function talkHourWords(t: Pick<Talk, 'title' | 'speakers' | 'room' | 'startAt'>): Array<[number, string]> {
  return hourWords(talkWords(t), t.startAt);
}
