/**
 * Notes and talk descriptions → the Markdown a recap embeds: neutralized (neutralize.ts), plus
 * what embedding them in a talk section needs.
 */
import type { Note } from '../model';
import { Parser } from 'commonmark';
import { markdownAutolink } from './escape';
import { neutralizeMarkdown } from './neutralize';

const BARE_URL = /(^|[\s(])(https?:\/\/[^\s<>]+)/g;
/** Characters that end a sentence around a URL rather than belong to it. */
const TRAILING = /[.,;:!?'"*_~]$/;

/** `https://a.b/c).` → URL `https://a.b/c`, rest `).` (a `)` stays when the URL opened one). */
function splitTrailing(candidate: string): [url: string, rest: string] {
  let url = candidate;
  let rest = '';
  for (;;) {
    const last = url[url.length - 1]!;
    const unbalanced = last === ')' && url.split('(').length < url.split(')').length;
    if (!TRAILING.test(url) && !unbalanced) break;
    rest = last + rest;
    url = url.slice(0, -1);
  }
  return [url, rest];
}

/**
 * Bare URLs in a link note as `<…>` autolinks: CommonMark and Jekyll's kramdown do not link
 * them (GFM's autolinks would). Only where no other construct is in play (no code, link,
 * HTML, escape or indented block), so the rest of the note reads exactly as before.
 */
function autolinkBareUrls(markdown: string): string {
  if (/[`[<\\]|~~~/.test(markdown) || /^(?: {4}|\t)/m.test(markdown)) return markdown;
  return markdown.replace(BARE_URL, (all, before: string, candidate: string) => {
    const [url, rest] = splitTrailing(candidate);
    const autolink = url.length > 'https://'.length ? markdownAutolink(url) : null;
    return autolink === null ? all : `${before}${autolink}${rest}`;
  });
}

/** A note's text as Markdown, headings demoted; a link note's bare URLs become autolinks. */
export function noteMarkdown(note: Note): string {
  if (note.kind !== 'link') return userMarkdown(note.text);
  // A note that is only a URL is linked whatever the URL holds (`[`, `&amp;`, …).
  const bare = note.text.trim();
  const whole = /^https?:\/\/\S+$/i.test(bare) ? markdownAutolink(bare) : null;
  return whole ?? autolinkBareUrls(userMarkdown(note.text));
}

/** What the user typed (a note, a highlight's comment) as a talk section embeds it. */
export function userMarkdown(text: string): string {
  return demoteHeadings(neutralizeMarkdown(text, 'user'));
}

const ATX_REST = /^#{1,6}(?:[ \t]+([^]*?))?(?:[ \t]+#+)?[ \t]*$/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Cheap test before parsing: a `#`, or a line of only `=` or `-` (after quote markers). */
const MAY_HAVE_HEADING = /#|^[ \t>]*(?:=+|-+)[ \t]*$/m;
const isBlank = (line: string | undefined) => line !== undefined && /^[ \t]*$/.test(line);

const parser = new Parser();

/**
 * Headings in a note, a comment or a description (`## Demo`, `# of nodes: 5000`, an abstract's
 * `## Outline`) as bold lines: inside a talk section they would outrank the talk's heading, read
 * as the next talk, and fill a table of contents. A setext underline (`Text` over `---`) is
 * escaped so the line above stays text. CommonMark's own parser finds them, so code, nesting in
 * quotes and lists, and tabs are read as a renderer reads them.
 */
export function demoteHeadings(markdown: string): string {
  if (!MAY_HAVE_HEADING.test(markdown)) return markdown;
  let lines = markdown.split('\n');
  // Escaping an underline can make the next line an underline: parse again until none is left.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const headings = headingsIn(lines);
    if (headings.length === 0) break;
    // Bottom up, so inserted blank lines do not move the headings still to do.
    for (const h of headings) demoteHeading(lines, h);
    lines = withTidyBlankLines(lines);
  }
  return lines.join('\n');
}

const MAX_PASSES = 64;

interface HeadingAt {
  line: number;
  /** The underline's line for a setext heading. */
  endLine: number;
  setext: boolean;
  topLevel: boolean;
}

/** Where a recap puts the text (presets and templates' `indent`), with the lines it adds above. */
const PLACEMENTS: readonly [place: (text: string) => string, linesAbove: number][] = [
  [(t) => t, 0],
  [(t) => `Text\n${t}`, 1],
  [(t) => `- x ${t.replace(/\n(?=[^\n])/g, '\n  ')}`, 0],
  [(t) => `  - x ${t.replace(/\n(?=[^\n])/g, '\n    ')}`, 0],
  [(t) => `> x ${t.replace(/\n/g, '\n> ')}`, 0],
];

/**
 * The headings of the text as CommonMark reads it wherever a recap puts it: on its own, under a
 * line of text, after a prefix in a list item or a quote (where the first line is paragraph text
 * and a leading tab expands differently). Bottom up; a line that is a heading in any of them.
 */
function headingsIn(lines: readonly string[]): HeadingAt[] {
  const text = lines.join('\n');
  const found = new Map<number, HeadingAt>();
  for (const [place, shift] of PLACEMENTS) {
    const walker = parser.parse(place(text)).walker();
    for (let event = walker.next(); event; event = walker.next()) {
      const node = event.node;
      if (!event.entering || node.type !== 'heading' || !node.sourcepos) continue;
      const [[start], [end]] = node.sourcepos;
      const h = { line: Math.max(0, start - 1 - shift), endLine: end - 1 - shift, setext: end > start, topLevel: node.parent?.type === 'document' };
      const known = found.get(h.endLine);
      found.set(h.endLine, known ? { ...known, topLevel: known.topLevel || h.topLevel } : h);
    }
  }
  return [...found.values()].sort((a, b) => b.endLine - a.endLine);
}

function demoteHeading(lines: string[], h: HeadingAt): void {
  if (h.setext) {
    lines[h.endLine] = escapeFirstMark(lines[h.endLine]!);
    return;
  }
  const line = lines[h.line]!;
  // Quote and list markers hold no `#`: the first one opens the heading.
  const at = line.indexOf('#');
  const rest = at < 0 ? null : ATX_REST.exec(line.slice(at));
  if (!rest) {
    // Not the shape we rewrite: escaped, the `#` reads as text.
    if (at >= 0) lines[h.line] = `${line.slice(0, at)}\\${line.slice(at)}`;
    return;
  }
  const text = (rest[1] ?? '').replace(/^#+$/, '');
  const words = `${line.slice(0, at)}${emphasized(text)}`.replace(/[ \t]+$/, '');
  // Inside a quote or a list item the markers stay and the words take the line; at the top, a
  // line of its own between blank lines (an empty heading only separates).
  if (!h.topLevel) lines[h.line] = words;
  else lines.splice(h.line, 1, ...(text === '' ? [''] : ['', words, '']));
}

/**
 * Blank lines never first, last or two in a row (neutralize.ts's promise), except that, as
 * neutralize.ts does, a fence opening the text starts on a line of its own: after a prefix
 * (`- [12:34] `) it would not open.
 */
function withTidyBlankLines(lines: readonly string[]): string[] {
  const out = lines.filter((line, i) => !isBlank(line) || (i > 0 && !isBlank(lines[i - 1])));
  while (out.length > 0 && isBlank(out[0])) out.shift();
  while (out.length > 0 && isBlank(out[out.length - 1])) out.pop();
  if (out.length > 0 && /^ {0,3}(?:`{3,}(?![^\n]*`)|~{3,})/.test(out[0]!)) out.unshift('');
  return out;
}

/** A backslash before the first `=` or `-`: the line reads as text. */
function escapeFirstMark(line: string): string {
  const at = line.search(/[=-]/);
  return at < 0 ? line : `${line.slice(0, at)}\\${line.slice(at)}`;
}

/**
 * A heading's words as a bold line. Words that would not make bold (`*`, `_` or a backslash at
 * an end) stay plain, their first character escaped so the line cannot open a block (a list,
 * a quote, a fence).
 */
function emphasized(text: string): string {
  if (text === '') return '';
  if (!/^[*_\\]|[*_\\]$/.test(text)) return `**${text}**`;
  const ordered = /^(\d{1,9})([.)])/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1]!.length)}`;
  // Any ASCII punctuation may be escaped; a leading backslash already is an escape or a letter.
  return /^[!-/:-@[\]-`{-~]/.test(text) ? `\\${text}` : text;
}

/** A clipped description (Markdown from the page) as a recap shows it. */
export function descriptionMarkdown(source: string): string {
  return demoteHeadings(neutralizeMarkdown(source, 'page'));
}
