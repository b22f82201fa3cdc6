import type { TalkmarkDB } from '../db/schema';
import type { Highlight, TextPositionSelector, TextQuoteSelector } from '../model';
import { attemptWrite, StorageError, type StorageResult } from '../db/storage-errors';
import { ownAuthor } from '../db/settings';

export const DEFAULT_HIGHLIGHT_COLOR = 'yellow';

export interface NewHighlight {
  pageUrl: string;
  pageTitle: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  color?: string;
  comment?: string;
  talkId: string | null;
}

export function addHighlight(db: TalkmarkDB, input: NewHighlight, now = Date.now()): Promise<StorageResult<Highlight>> {
  return attemptWrite(async () => {
    const highlight: Highlight = {
      id: crypto.randomUUID(),
      talkId: input.talkId,
      pageUrl: input.pageUrl,
      pageTitle: input.pageTitle,
      quote: input.quote,
      position: input.position,
      comment: input.comment ?? '',
      color: input.color ?? DEFAULT_HIGHLIGHT_COLOR,
      orphanedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.transaction('rw', db.highlights, db.settings, async () => {
      const author = await ownAuthor(db);
      if (author) highlight.author = author;
      await db.highlights.add(highlight);
    });
    return highlight;
  });
}

export type HighlightChanges = Partial<Pick<Highlight, 'color' | 'comment' | 'talkId'>>;

export function updateHighlight(
  db: TalkmarkDB,
  id: string,
  changes: HighlightChanges,
  now = Date.now(),
): Promise<StorageResult<Highlight>> {
  return attemptWrite(() =>
    db.transaction('rw', db.highlights, async () => {
      const old = await db.highlights.get(id);
      if (!old) throw new StorageError('missing', 'This highlight no longer exists.');
      const next = { ...old, ...changes, updatedAt: now };
      await db.highlights.put(next);
      return next;
    }),
  );
}

/** Deletes and returns the record, so the caller can offer undo. */
export function deleteHighlight(db: TalkmarkDB, id: string): Promise<StorageResult<Highlight>> {
  return attemptWrite(() =>
    db.transaction('rw', db.highlights, async () => {
      const old = await db.highlights.get(id);
      if (!old) throw new StorageError('missing', 'This highlight no longer exists.');
      await db.highlights.delete(id);
      return old;
    }),
  );
}

export function restoreHighlight(db: TalkmarkDB, highlight: Highlight): Promise<StorageResult<Highlight>> {
  return attemptWrite(async () => {
    await db.highlights.put(highlight);
    return highlight;
  });
}

export function highlightsForPage(db: TalkmarkDB, pageUrl: string): Promise<Highlight[]> {
  return db.highlights.where('pageUrl').equals(pageUrl).sortBy('createdAt');
}

export function highlightsForTalk(db: TalkmarkDB, talkId: string): Promise<Highlight[]> {
  return db.highlights.where('talkId').equals(talkId).sortBy('createdAt');
}

/**
 * Records what the page showed on this visit: found highlights lose their orphan mark, lost
 * ones get one. Orphans are never deleted — the text may come back, and the quote is the note.
 */
export async function recordAnchoring(
  db: TalkmarkDB,
  pageUrl: string,
  found: readonly string[],
  lost: readonly string[],
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.highlights, async () => {
    for (const h of await db.highlights.where('pageUrl').equals(pageUrl).toArray()) {
      const orphanedAt = found.includes(h.id) ? null : lost.includes(h.id) ? (h.orphanedAt ?? now) : h.orphanedAt;
      if (orphanedAt !== h.orphanedAt) await db.highlights.update(h.id, { orphanedAt });
    }
  });
}

/** A link that opens the page scrolled to the quote (a text fragment; no script needed). */
export function textFragmentUrl(h: Pick<Highlight, 'pageUrl' | 'quote'>): string {
  const words = h.quote.exact.replace(/\s+/g, ' ').trim();
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  // Long quotes: the first and last few words with a range, which is how browsers match long text.
  const parts = words.split(' ');
  const text = parts.length > 12 ? `${enc(parts.slice(0, 5).join(' '))},${enc(parts.slice(-5).join(' '))}` : enc(words);
  const base = h.pageUrl.split('#')[0];
  return `${base}#:~:text=${text}`;
}
