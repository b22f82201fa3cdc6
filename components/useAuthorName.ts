import { ownAuthor } from '../lib/db/settings';
import { useDb } from './services';
import { useLiveQuery } from './useLiveQuery';

/**
 * The user's display name ("Your name" in the settings), live: null while unset or still being
 * read. One settings row, read through Dexie's live query, so naming oneself in the options page
 * relabels an open panel at once.
 */
export function useAuthorName(): string | null {
  const db = useDb();
  const name = useLiveQuery(() => ownAuthor(db), []);
  return name.status === 'ready' ? (name.value ?? null) : null;
}
