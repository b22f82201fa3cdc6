/**
 * Building blocks of a talk section, shared by the presets (presets.ts) and exposed to user
 * templates as filters (templates.ts), so both produce the same Markdown for the same data.
 * Inputs are view objects (recap-data.ts); every piece of text is escaped here, every URL was
 * checked when the view was built.
 */
import type { NoteKind } from '../model';
import { escapeMarkdownInline, escapeMarkdownParagraphs, markdownAutolink, markdownLink } from './escape';
import type { HighlightView, NoteView, SpeakerView, TalkView } from './recap-data';

export function headingLine(level: number, markdown: string): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${markdown}`;
}

/** Consecutive speakers sharing a company, so "A and B at Google" needs the company once. */
function companyGroups(speakers: readonly SpeakerView[]): { names: string[]; company: string | null }[] {
  const groups: { names: string[]; company: string | null; raw: string | null }[] = [];
  for (const s of speakers) {
    const last = groups[groups.length - 1];
    // Compared as stored: the escaped `\]:` of one speaker never equals the next one's `]:`.
    if (last && last.raw !== null && last.raw === s.company) last.names.push(escapeMarkdownInline(s.name));
    else
      groups.push({
        names: [escapeMarkdownInline(s.name)],
        company: s.company ? escapeMarkdownInline(s.company) : null,
        raw: s.company,
      });
  }
  return groups;
}

/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[], and = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Narrative style: "Mariana Moore at Edera", "A and B at Google and C at Red Hat". */
export function speakersAt(speakers: readonly SpeakerView[]): string {
  return joinAnd(companyGroups(speakers).map((g) => `${joinAnd(g.names)}${g.company ? ` at ${g.company}` : ''}`));
}

/** Bulleted style: "Steve Gordon, Red Hat & Chandrakanth Jakkidi, F5", "A & B, Google". */
export function speakersComma(speakers: readonly SpeakerView[]): string {
  return companyGroups(speakers)
    .map((g) => `${g.names.join(' & ')}${g.company ? `, ${g.company}` : ''}`)
    .join(' & ');
}

/** Structured style: "[Thomas Graf](profile) (Isovalent), [Max Körbächer](profile)". */
export function speakersLinked(speakers: readonly SpeakerView[]): string {
  return speakers
    .map((s) => `${markdownLink(s.name, s.profile_url)}${s.company ? ` (${escapeMarkdownInline(s.company)})` : ''}`)
    .join(', ');
}

/** The talk's page, its files and its recording as Markdown links. */
export function resourceLinks(talk: TalkView): string[] {
  return talk.resources.map((r) => markdownLink(r.name, r.url));
}

/** User-attached links as bare autolinks. */
export function extraLinks(talk: TalkView): string[] {
  return talk.links.map(markdownAutolink).filter((l): l is string => l !== null);
}

/** Continuation lines indented by `spaces`, so multi-line Markdown stays inside a list item. */
export function indentContinuation(markdown: string, spaces: number): string {
  // Most notes are one line: nothing to indent.
  if (!markdown.includes('\n')) return markdown;
  const pad = ' '.repeat(spaces);
  return markdown.replace(/\n(?=[^\n])/g, `\n${pad}`);
}

/** Every line behind `> `; blank lines become `>` so the quote does not end. */
export function quoteLines(markdown: string): string {
  if (markdown === '') return '';
  return markdown
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

const NOTE_LABELS: Partial<Record<NoteKind, string>> = { takeaway: 'Takeaway', question: 'Question', slide: 'Slide' };

/**
 * `**Takeaway:**` for kinds a reader needs named; plain, quote, link and todo speak for
 * themselves. Without text (a bare slide mark) the label stands alone: `**Slide**`.
 */
export function noteLabel(kind: NoteKind, hasText = true): string {
  const label = NOTE_LABELS[kind];
  return label ? `**${label}${hasText ? ':' : ''}**` : '';
}

/** Words joined by single spaces, empty ones skipped. */
export function words(...parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** `> [12:34] text`: a quote note as a blockquote. */
export function quoteNote(note: NoteView): string {
  return quoteLines(words(note.offset.markdown, note.text.markdown)) + note.credit.markdown;
}

/** `[12:34] **Takeaway:** text`: a note as the content of one paragraph or list item. */
export function noteContent(note: NoteView, labelled = true): string {
  return (
    words(
      note.offset.markdown,
      labelled ? noteLabel(note.kind, note.text.markdown !== '') : '',
      // A picture's note says its words in the alt text too; a bare slide mark says only the picture.
      note.text.markdown,
      note.image?.markdown.markdown ?? '',
    ) + note.credit.markdown
  );
}

/** A list item for a note: `- …`, `- [ ] …` for todos, `- > …` for quotes. */
export function noteListItem(note: NoteView, labelled = true): string {
  if (note.kind === 'quote') return `- ${indentContinuation(quoteNote(note), 2)}`;
  const marker = note.kind === 'todo' ? '- [ ]' : '-';
  return `${marker} ${indentContinuation(noteContent(note, labelled), 2)}`;
}

/** The passage as a blockquote, paragraph by paragraph, ending with `— [source](url)`. */
function highlightQuote(h: HighlightView): string {
  const source = markdownLink(h.on_talk_page ? 'Talk page' : h.page_title || 'Source', h.page_url);
  return [...escapeMarkdownParagraphs(h.quote).flatMap((p) => [`> ${p}`, '>']), `> — ${source}`].join('\n');
}

/** A highlight as a blockquote of the page's words, then the source, then the comment. */
export function highlightBlock(h: HighlightView): string {
  const quote = highlightQuote(h);
  return h.comment.markdown === '' ? quote : `${quote}\n\n${h.comment.markdown}`;
}

/** A highlight as a list item: the quote inside the item, the comment as a nested item. */
export function highlightListItem(h: HighlightView): string {
  const quote = highlightQuote(h);
  const item = `- ${indentContinuation(quote, 2)}`;
  return h.comment.markdown === '' ? item : `${item}\n  - ${indentContinuation(h.comment.markdown, 4)}`;
}
