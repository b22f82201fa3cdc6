import type { TalkmarkDB } from '../db/schema';
import type { Note, Talk } from '../model';
import { foldText, matchesAllTerms, queryTerms } from './fold';
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

function talkText(t: Talk): string {
  return [t.title, t.speakers.map((s) => s.name).join(', '), t.room ?? ''].filter(Boolean).join(' · ');
}

const newestTalkFirst = (a: Talk, b: Talk) =>
  (b.startAt ?? -Infinity) - (a.startAt ?? -Infinity) || b.clippedAt - a.clippedAt || a.id.localeCompare(b.id);
const newestNoteFirst = (a: Note, b: Note) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);

/**
 * Every talk whose title, speakers or room, and every note whose text, contains all the query's
 * words, ignoring case and accents. One read of each table, matched in memory against the query
 * folded once; snippets are built only for the hits returned. Newest first, `limit` per list.
 */
export async function searchAll(db: TalkmarkDB, query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<SearchResults> {
  const terms = queryTerms(query);
  if (terms.length === 0 || limit <= 0) return { talks: [], notes: [], totalTalks: 0, totalNotes: 0 };

  // toArray maps to IndexedDB getAll, much faster than a cursor; 10,000 notes fit in memory easily.
  const [talks, allNotes] = await db.transaction('r', db.talks, db.notes, () =>
    Promise.all([db.talks.toArray(), db.notes.toArray()]),
  );
  const notes = allNotes.filter((n) => matchesAllTerms(foldText(n.text), terms));

  const talkById = new Map(talks.map((t) => [t.id, t]));
  const talkHits = talks.filter((t) => matchesAllTerms(foldText(talkText(t)), terms)).sort(newestTalkFirst);
  notes.sort(newestNoteFirst);
  return {
    talks: talkHits.slice(0, limit).map((talk) => ({ talk, snippet: makeSnippet(talkText(talk), terms) })),
    notes: notes
      .slice(0, limit)
      .map((note) => ({ note, talk: talkById.get(note.talkId) ?? null, snippet: makeSnippet(note.text, terms) })),
    totalTalks: talkHits.length,
    totalNotes: notes.length,
  };
}
