/**
 * The whole post: front matter, intro, main takeaways, then talk sections in time order — under
 * one `## Day N — Weekday, Month D` heading per day when the export spans several days.
 */
import { escapeMarkdownInline } from './escape';
import type { DayView, RecapData, TalkView } from './recap-data';
import { headingLine, indentContinuation } from './talk-section';

export interface DayPostLayout {
  /** The rendered front matter block (with fences), or ''. */
  frontMatter: string;
  introHeading: string | null;
  outroHeading: string | null;
  mainTakeaways: boolean;
  renderTalk(talk: TalkView, day: DayView): string;
}

export const MAIN_TAKEAWAYS_HEADING = 'Main takeaways';

/** Every takeaway note, grouped under its talk's title: `- **Title**` / `  - takeaway`. */
export function mainTakeawaysSection(data: RecapData): string | null {
  if (data.takeaways.length === 0) return null;
  const items = data.talks
    .filter((talk) => talk.notes_by_kind.takeaway.length > 0)
    .map((talk) =>
      [
        `- **${escapeMarkdownInline(talk.title)}**`,
        ...talk.notes_by_kind.takeaway.map(
          (note) => `  - ${indentContinuation(note.text.markdown, 4)}${note.credit.markdown}`,
        ),
      ].join('\n'),
    );
  return `${headingLine(2, MAIN_TAKEAWAYS_HEADING)}\n\n${items.join('\n')}`;
}

export function renderDayPost(data: RecapData, layout: DayPostLayout): string {
  const parts: string[] = [layout.frontMatter];
  if (data.intro) {
    if (layout.introHeading) parts.push(headingLine(2, layout.introHeading));
    parts.push(data.intro.markdown);
  }
  if (layout.mainTakeaways) parts.push(mainTakeawaysSection(data) ?? '');
  for (const day of data.days) {
    if (data.multi_day) parts.push(headingLine(2, escapeMarkdownInline(day.heading)));
    for (const talk of day.talks) parts.push(layout.renderTalk(talk, day));
  }
  if (data.outro) {
    if (layout.outroHeading) parts.push(headingLine(2, layout.outroHeading));
    parts.push(data.outro.markdown);
  }
  return tidyMarkdown(parts.filter((p) => p !== '').join('\n\n'));
}

/**
 * Final whitespace pass, shared by presets and templates so a template need not manage blank
 * lines: runs of blank lines become one and a lone trailing space (never meaningful in
 * Markdown) is dropped; two trailing spaces, a hard line break, are kept. Safe to apply
 * everywhere because note and description Markdown never holds two blank lines in a row
 * (neutralize.ts), not even inside code.
 */
export function tidyMarkdown(markdown: string): string {
  // Whole-text passes (native regular expressions), not a loop over ~10,000 lines: a line is
  // blank when String#trim() would empty it, i.e. only \s other than \n.
  const text = markdown
    .replace(/\r\n?/g, '\n')
    // One trailing space after text goes, except after a bare list marker (`- `, `1. `).
    .replace(LONE_TRAILING_SPACE, (_all, marker: string | undefined, last: string | undefined) => marker ?? last!)
    .replace(/^(?:[^\S\n]*\n)+/, '')
    .replace(/(?:\n[^\S\n]*)+$/, '')
    .replace(/\n(?:[^\S\n]*\n)+/g, '\n\n');
  return /^[^\S\n]*$/.test(text) ? '\n' : `${text}\n`;
}

const LONE_TRAILING_SPACE = /(?<=^|\n)([^\S\n]*(?:[-+*]|\d{1,9}[.)]) )(?=\n|$)|(\S) (?=\n|$)/g;
