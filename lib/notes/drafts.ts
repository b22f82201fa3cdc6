import type { TalkmarkDB } from '../db/schema';
import type { Draft } from '../model';
import { MAX_NOTE_CHARS } from './notes-store';
import { attemptWrite, StorageError, type StorageResult } from '../db/storage-errors';

/**
 * Saves the composer text, keyed by its talk's id (call it debounced, on every change). Whitespace-only text deletes
 * the draft, so an emptied composer leaves nothing behind.
 */
export function saveDraft(
  db: TalkmarkDB,
  key: string,
  text: string,
  now = Date.now(),
): Promise<StorageResult<Draft | null>> {
  return attemptWrite(async () => {
    if (text.trim() === '') {
      await db.drafts.delete(key);
      return null;
    }
    if (text.length > MAX_NOTE_CHARS) throw new StorageError('invalid', 'This draft is too long to save; split it up.');
    const draft: Draft = { key, text, updatedAt: now };
    await db.drafts.put(draft);
    return draft;
  });
}

/** The saved draft, or null. Rejects if the database cannot be read. */
export async function loadDraft(db: TalkmarkDB, key: string): Promise<Draft | null> {
  return (await db.drafts.get(key)) ?? null;
}
