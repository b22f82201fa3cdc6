import { useState } from 'preact/hooks';
import {
  deleteHighlight,
  highlightsForTalk,
  restoreHighlight,
  updateHighlight,
  type HighlightChanges,
} from '../lib/highlights/store';
import type { Highlight, Talk } from '../lib/model';
import { isOwn, ownAuthor } from '../lib/db/settings';
import { HighlightItem } from './HighlightItem';
import { useDb, useExtensionIo } from './services';
import { UndoToast } from './UndoToast';
import { useLiveQuery } from './useLiveQuery';
import { takeFirstRead } from './firstRead';

export interface HighlightListProps {
  talk: Talk;
  talks: readonly Talk[];
  /** Set while `talks` is only the talks around now: called when the user reaches for a talk list. */
  onWantTalks?: () => void;
}

/** A talk's highlights from the pages it links to; changes repaint open pages. */
export function HighlightList({ talk, talks, onWantTalks }: HighlightListProps) {
  const db = useDb();
  const extension = useExtensionIo();
  // Read with the user's name: someone else's highlight (a team's shared database) is read-only.
  const read = useLiveQuery(
    async () => {
      const [list, me] = await Promise.all([highlightsForTalk(db, talk.id), ownAuthor(db)]);
      return { list, me: me ?? null };
    },
    [talk.id],
    // The panel's first read (main.tsx) holds them when this is the talk it chose.
    useState(() =>
      takeFirstRead('highlights', (r) => (r.talkId === talk.id ? { list: r.highlights, me: r.me } : undefined)),
    )[0],
  );
  const highlights = read.status === 'ready' ? { status: 'ready' as const, value: read.value.list } : read;
  const me = read.status === 'ready' ? read.value.me : null;
  const [deleted, setDeleted] = useState<Highlight | null>(null);
  const [error, setError] = useState<string | null>(null);

  const settle = (ok: boolean, message?: string) => {
    setError(ok ? null : (message ?? 'That change could not be saved.'));
    if (ok) void extension.highlightsChanged();
  };
  const change = async (id: string, changes: HighlightChanges) => {
    const r = await updateHighlight(db, id, changes);
    settle(r.ok, r.ok ? undefined : r.error.message);
  };
  // Comments are never shown in pages, so saving one repaints nothing there.
  const saveComment = (id: string, comment: string) => updateHighlight(db, id, { comment });
  const remove = async (id: string) => {
    const r = await deleteHighlight(db, id);
    if (r.ok) setDeleted(r.value);
    settle(r.ok, r.ok ? undefined : r.error.message);
  };
  const undo = async () => {
    if (!deleted) return;
    const r = await restoreHighlight(db, deleted);
    setDeleted(null);
    settle(r.ok, r.ok ? undefined : r.error.message);
  };

  if (highlights.status !== 'ready' || (!highlights.value.length && !deleted)) return null;
  return (
    <section aria-label="Highlights" class="highlights">
      <h2>Highlights ({highlights.value.length})</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {highlights.value.length > 0 && (
        <ul class="plain" aria-label="Highlights of this talk">
          {highlights.value.map((h) => (
            <HighlightItem
              key={h.id}
              highlight={h}
              byOther={isOwn(h, me) ? null : (h.author ?? null)}
              talks={talks}
              onWantTalks={onWantTalks}
              onChange={(c) => void change(h.id, c)}
              onSaveComment={(c) => saveComment(h.id, c)}
              onDelete={() => void remove(h.id)}
            />
          ))}
        </ul>
      )}
      {deleted && (
        <UndoToast message="Highlight deleted." onUndo={() => void undo()} onDismiss={() => setDeleted(null)} />
      )}
    </section>
  );
}
