import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, Talk } from '../lib/model';
import { HIGHLIGHT_COLOR_NAMES } from '../lib/messages';
import { textFragmentUrl } from '../lib/highlights/store';
import { editSaved, mirrorEdit, pageStorage, type StorageResult } from '../lib/notes';
import { EAGER_OPTIONS } from './TalkOptions';
import { useDurableWriter } from './useDurableWriter';

export interface HighlightItemProps {
  highlight: Highlight;
  /**
   * Someone else's name when they made it (a team's shared database): shown, and the highlight
   * is read-only here (comment, colour, talk, delete), as their notes are. Null: the user's own.
   */
  byOther?: string | null;
  /** Every talk once read (the move list reaches any talk); until then the talks around now. */
  talks: readonly Talk[];
  /** The user reached for the move list while `talks` is not every talk yet. */
  onWantTalks?: () => void;
  onChange: (changes: { color?: string; talkId?: string | null }) => void;
  /** Stores the comment; called as the user types (debounced) and when the page hides. */
  onSaveComment: (comment: string) => Promise<StorageResult<unknown>>;
  onDelete: () => void;
}

/** One highlight: the quote, its page (opens scrolled to the quote), comment, colour, talk. */
export function HighlightItem({
  highlight,
  byOther = null,
  talks,
  onWantTalks,
  onChange,
  onSaveComment,
  onDelete,
}: HighlightItemProps) {
  // Every talk is an option only once the user reaches for the list: a highlight list of a talk
  // in a 5,000-talk library would otherwise build 5,000 options per highlight on every open.
  const [reached, setReached] = useState(false);
  const reach = () => {
    setReached(true);
    onWantTalks?.();
  };
  const moveTargets = reached || talks.length <= EAGER_OPTIONS ? talks : talks.filter((t) => t.id === highlight.talkId);
  const [comment, setComment] = useState(highlight.comment);
  // A comment is text the user typed: written as they type, mirrored at once (as notes are).
  const writer = useDurableWriter(async (value) => {
    const result = await onSaveComment(value);
    if (result.ok) editSaved(pageStorage(), 'comment', highlight.id, value);
    return result;
  });
  // The stored comment may change elsewhere (an import, another panel): follow it unless the
  // user is typing in this box.
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setComment(highlight.comment);
  }, [highlight.comment]);
  const quote = highlight.quote.exact.replace(/\s+/g, ' ').trim();
  return (
    <li class={`highlight highlight-${highlight.color}`}>
      <blockquote class="highlight-quote">{quote}</blockquote>
      <p class="meta">
        <a
          href={textFragmentUrl(highlight)}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open “${highlight.pageTitle || highlight.pageUrl}” at this highlight`}
        >
          {highlight.pageTitle || highlight.pageUrl}
        </a>
        {highlight.orphanedAt ? <span class="warn"> · not found on the page at the last visit (kept)</span> : null}
        {byOther !== null && (
          <span class="muted">
            {' · '}
            <span class="visually-hidden">highlighted by </span>
            <strong>{byOther}</strong>
          </span>
        )}
      </p>
      {byOther !== null ? (
        highlight.comment && <p class="note-text">{highlight.comment}</p>
      ) : (
        <>
          <input
            aria-label="Comment on this highlight"
            placeholder="Add a comment"
            value={comment}
            onFocus={() => (typing.current = true)}
            onInput={(e) => {
              const value = (e.target as HTMLInputElement).value;
              setComment(value);
              mirrorEdit(pageStorage(), 'comment', highlight.id, value, highlight.comment);
              writer.schedule(value);
            }}
            onBlur={() => {
              typing.current = false;
              void writer.flush();
            }}
            onKeyDown={(e) => e.key === 'Enter' && void writer.flush()}
          />
          {writer.error && (
            <p class="error" role="alert">
              {writer.error.message} Your comment is still here.
            </p>
          )}
          <div class="highlight-controls">
            <select
              aria-label="Highlight colour"
              value={highlight.color}
              onChange={(e) => onChange({ color: (e.target as HTMLSelectElement).value })}
            >
              {HIGHLIGHT_COLOR_NAMES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <select
              aria-label="Move highlight to talk"
              value={highlight.talkId ?? ''}
              onChange={(e) => onChange({ talkId: (e.target as HTMLSelectElement).value || null })}
              onFocus={reach}
              onPointerEnter={reach}
            >
              <option value="">No talk</option>
              {moveTargets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
            <button type="button" class="link-button" aria-label="Delete highlight" onClick={onDelete}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}
