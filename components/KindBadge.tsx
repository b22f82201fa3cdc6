import type { NoteKind } from '../lib/model';

export interface KindBadgeProps {
  kind: NoteKind;
}

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  plain: 'Note',
  takeaway: 'Takeaway',
  quote: 'Quote',
  question: 'Question',
  link: 'Link',
  todo: 'To do',
  slide: 'Slide',
};

/** The kind of a note as a small coloured label (hidden for plain notes). */
export function KindBadge({ kind }: KindBadgeProps) {
  if (kind === 'plain') return null;
  return <span class={`badge badge-${kind}`}>{NOTE_KIND_LABELS[kind]}</span>;
}
