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
  // Parentheses counted once, then kept current: recounting per character was quadratic.
  let opens = 0;
  let closes = 0;
  for (const c of candidate) {
    if (c === '(') opens++;
    else if (c === ')') closes++;
  }
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1]!;
    const unbalanced = last === ')' && opens < closes;
    if (!TRAILING.test(last) && !unbalanced) break;
    if (last === ')') closes--;
    end--;
  }
  return [candidate.slice(0, end), candidate.slice(end)];
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

/**
 * One line that neutralizing and heading demotion leave as it is: it starts with nothing that
 * can open a block, a fence or a heading (`-`, `>`, `#`, `=`, a digit, a space, a backtick…),
 * holds none of the characters neutralize.ts looks at (`\\`, `<`, `&`, `]`, `{`, controls,
 * line breaks; a backtick run is copied as is on one such line) and ends in no space. Most notes
 * are such a line: a cold 2,000-note recap skips ~10 ms of scanning. A property test holds
 * the shortcut equal to the full path.
 */
const INERT_LINE =
  /^[^\s\-*+>#=_~`\d\\<\]{&\u0000-\u001F\u007F\u2028\u2029][^\r\n\\<\]{&\u0000-\u001F\u007F\u2028\u2029]*(?<!\s)$/;

export function isInertLine(text: string): boolean {
  return INERT_LINE.test(text);
}

/** What the user typed (a note, a highlight's comment) as a talk section embeds it. */
export function userMarkdown(text: string): string {
  if (INERT_LINE.test(text)) return text;
  return demoteHeadings(neutralizeMarkdown(text, 'user'));
}

const ATX_REST = /^#{1,6}(?:[ \t]+([^]*?))?(?:[ \t]+#+)?[ \t]*$/;
/** A line of only `=` or `-` after indentation and quote markers: a setext underline's shape. */
const UNDERLINE_SHAPED = /^[ \t>]*(?:=+|-+)[ \t]*$/;
/**
 * A line that may open an ATX heading: `#` to `######` then a space, a tab or the line's end,
 * after nothing but indentation and quote or list markers (`>`, `-`, `*`, `+`, `1.`, `1)`).
 */
const MAY_BE_ATX = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*#{1,6}(?:[ \t]|$)/m;
const UNDERLINES = /^[ \t>]*(?:=+|-+)[ \t]*$/gm;
const isBlank = (line: string | undefined) => line !== undefined && /^[ \t]*$/.test(line);

/**
 * Cheap test before parsing: a line that may be an ATX heading, or an underline under a line of
 * text. The first line counts as text (a recap may put it after `- [12:34] `), and the text
 * itself may go under a line of text. Hashtags, `#123` and `C#` are not headings, and parsing
 * every note that holds one cost 227 ms for 2,000 notes.
 */
export function mayHaveHeading(markdown: string): boolean {
  if (MAY_BE_ATX.test(markdown)) return true;
  for (const m of markdown.matchAll(UNDERLINES)) {
    // `^` also matches after `\r` and U+2028: reading `\n` lines only may say yes more often, never less.
    const start = m.index === 0 ? -1 : markdown.lastIndexOf('\n', m.index - 2);
    // The first line, and the one under it, may follow a prefix (`- [12:34] `): text whatever it holds.
    if (start < 0 || /[^ \t>]/.test(markdown.slice(start + 1, m.index - 1))) return true;
  }
  return false;
}

const parser = new Parser();

/**
 * Headings in a note, a comment or a description (`## Demo`, `# of nodes: 5000`, an abstract's
 * `## Outline`) as bold lines: inside a talk section they would outrank the talk's heading, read
 * as the next talk, and fill a table of contents. A setext underline (`Text` over `---`) is
 * escaped so the line above stays text. CommonMark's own parser finds them, so code, nesting in
 * quotes and lists, and tabs are read as a renderer reads them.
 */
export function demoteHeadings(markdown: string): string {
  if (!mayHaveHeading(markdown)) return markdown;
  let lines = markdown.split('\n');
  // This ends: a pass turns every heading's `#` line or underline into text, and a demoted `#`
  // line becomes at most one new underline-shaped line (`- #` → `-`), so twice the `#` lines
  // plus the underlines only go down. A run of underlines is escaped whole (demoteHeading), so
  // it takes one pass and a check, rarely a third.
  for (;;) {
    const headings = headingsIn(lines);
    if (headings.length === 0) break;
    // Bottom up, so inserted blank lines do not move the headings still to do.
    for (const h of headings) demoteHeading(lines, h);
    lines = withTidyBlankLines(lines);
  }
  return lines.join('\n');
}

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
  // `{{ note.text | blockquote }}`: the first line opens the quote, where a tab expands otherwise.
  [(t) => `> ${t.replace(/\n/g, '\n> ')}`, 0],
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
      const h = {
        line: Math.max(0, start - 1 - shift),
        endLine: end - 1 - shift,
        setext: end > start,
        topLevel: node.parent?.type === 'document',
      };
      const known = found.get(h.endLine);
      found.set(h.endLine, known ? { ...known, topLevel: known.topLevel || h.topLevel } : h);
    }
  }
  return [...found.values()].sort((a, b) => b.endLine - a.endLine);
}

function demoteHeading(lines: string[], h: HeadingAt): void {
  if (h.setext) {
    // Escaped, the underline is text that continues the paragraph, and so would an underline
    // below it: `Text` over 70 `-` lines needs all 70 escaped, not one per parse.
    lines[h.endLine] = escapeFirstMark(lines[h.endLine]!);
    for (let i = h.endLine + 1; i < lines.length && UNDERLINE_SHAPED.test(lines[i]!); i++)
      lines[i] = escapeFirstMark(lines[i]!);
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
