import { useState } from 'preact/hooks';
import type { Highlight, Talk } from '../lib/model';
import { HIGHLIGHT_COLORS } from '../lib/messages';
import { textFragmentUrl } from '../lib/highlights/store';

export interface HighlightItemProps {
  highlight: Highlight;
  talks: readonly Talk[];
  onChange: (changes: { color?: string; comment?: string; talkId?: string | null }) => void;
  onDelete: () => void;
}

/** One highlight: the quote, its page (opens scrolled to the quote), comment, colour, talk. */
export function HighlightItem({ highlight, talks, onChange, onDelete }: HighlightItemProps) {
  const [comment, setComment] = useState(highlight.comment);
  const quote = highlight.quote.exact.replace(/\s+/g, ' ').trim();
  return (
    <li class={`highlight highlight-${highlight.color}`}>
      <blockquote class="highlight-quote">{quote}</blockquote>
      <p class="meta">
        <a href={textFragmentUrl(highlight)} target="_blank" rel="noopener noreferrer" aria-label={`Open “${highlight.pageTitle || highlight.pageUrl}” at this highlight`}>
          {highlight.pageTitle || highlight.pageUrl}
        </a>
        {highlight.orphanedAt ? <span class="warn"> · not found on the page at the last visit (kept)</span> : null}
      </p>
      <input
        aria-label="Comment on this highlight"
        placeholder="Add a comment"
        value={comment}
        onInput={(e) => setComment((e.target as HTMLInputElement).value)}
        onBlur={() => comment !== highlight.comment && onChange({ comment })}
        onKeyDown={(e) => e.key === 'Enter' && comment !== highlight.comment && onChange({ comment })}
      />
      <div class="highlight-controls">
        <select aria-label="Highlight colour" value={highlight.color} onChange={(e) => onChange({ color: (e.target as HTMLSelectElement).value })}>
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select aria-label="Move highlight to talk" value={highlight.talkId ?? ''} onChange={(e) => onChange({ talkId: (e.target as HTMLSelectElement).value || null })}>
          <option value="">No talk</option>
          {talks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
        <button type="button" class="link-button" aria-label="Delete highlight" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
