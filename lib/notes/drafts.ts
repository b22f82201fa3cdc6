import type { TalkmarkDB } from '../db/schema';
import type { Draft } from '../model';
import { MAX_NOTE_CHARS } from './notes-store';
import { attemptWrite, StorageError, type StorageResult } from './storage-errors';

/** The draft slot used while no talk is selected. Talk ids are UUIDs, so it cannot collide. */
export const NO_TALK_DRAFT_KEY = 'none';

export function draftKeyFor(talkId: string | null | undefined): string {
  return talkId || NO_TALK_DRAFT_KEY;
}

/**
 * Saves the composer text (call it debounced, on every change). Whitespace-only text deletes
 * the draft, so an emptied composer leaves nothing behind.
 */
export function saveDraft(db: TalkmarkDB, key: string, text: string, now = Date.now()): Promise<StorageResult<Draft | null>> {
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

export function clearDraft(db: TalkmarkDB, key: string): Promise<StorageResult<void>> {
  return attemptWrite(() => db.drafts.delete(key));
}
