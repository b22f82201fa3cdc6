import { useEffect, useRef, useState } from 'preact/hooks';
import { useDb } from './services';
import type { Talk } from '../lib/model';
import { searchAll, type SearchResults, type Snippet } from '../lib/notes';
import { SEARCH_DEBOUNCE_MS } from '../lib/notes/search';
import { useFocusOnMount } from './useFocusOnMount';

export interface SearchViewProps {
  onOpen: (talk: Talk) => void;
}

function Marked({ snippet }: { snippet: Snippet }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}

/** Search every note and talk; results appear as you type. */
export function SearchView({ onOpen }: SearchViewProps) {
  const db = useDb();
  const [query, setQuery] = useState('');
  // Results with the query they answer: a list for an older query is never read as this one's.
  const [answered, setAnswered] = useState<{ query: string; results: SearchResults } | null>(null);
  const results = answered?.results ?? null;
  const [error, setError] = useState<string | null>(null);
  // Opening Search is opening a search box: the caret goes in it.
  const input = useRef<HTMLInputElement>(null);
  useFocusOnMount(input);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      searchAll(db, query)
        .then((r) => live && (setAnswered({ query, results: r }), setError(null)))
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  // "Nothing matches" only once this very query has been searched; until then, say it is searching.
  const searching = query.trim() !== '' && answered?.query !== query && !error;
  const empty = !searching && results && query.trim() && !results.totalNotes && !results.totalTalks;
  return (
    <section aria-label="Search">
      <input
        type="search"
        aria-label="Search notes and talks"
        placeholder="Search notes and talks"
        ref={input}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {error && (
        <p class="error" role="alert">
          Search failed: {error}
        </p>
      )}
      <p class="muted" role="status">
        {searching ? 'Searching…' : empty ? `Nothing matches “${query}”.` : ''}
      </p>
      {results && results.talks.length > 0 && (
        <>
          <h2>
            Talks ({results.totalTalks}
            {results.talksAtLeast ? '+' : ''})
          </h2>
          <ul class="plain" aria-label="Matching talks">
            {results.talks.map((hit) => (
              <li key={hit.talk.id} class="card">
                <button type="button" class="link-button" onClick={() => onOpen(hit.talk)}>
                  <Marked snippet={hit.snippet} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {results && results.notes.length > 0 && (
        <>
          <h2>
            Notes ({results.totalNotes}
            {results.notesAtLeast ? '+' : ''})
          </h2>
          <ul class="plain" aria-label="Matching notes">
            {results.notes.map((hit) => (
              <li key={hit.note.id} class="card">
                <p class="meta">
                  <Marked snippet={hit.snippet} />
                </p>
                {hit.talk && (
                  <button type="button" class="link-button" onClick={() => onOpen(hit.talk!)}>
                    {hit.talk.title}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
