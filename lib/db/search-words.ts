/**
 * The words a note or talk is found by: folded (case and accents ignored) and split at anything
 * that is not a letter or digit. Stored on each record as `words` (a multi-entry index) by the
 * database itself on every write (`lib/db/schema.ts`), so search reads the index, never every note.
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
