/**
 * Plain text → Markdown that reads back as the same text. Titles, names, companies and page quotes
 * are text, not Markdown: every character that could start structure (emphasis, links, raw HTML,
 * headings, list markers, tables, entities) is escaped, but only where it could act, so ordinary
 * titles stay readable in the exported file ("C#", "snake_case", "Q&A" are left alone).
 */

import { safeUrl } from '../html/safe-url';

/** Whitespace CommonMark treats as such inside a line; other Unicode spaces are kept as text. */
const LINE_WHITESPACE = /[\t\n\v\f\r ]+/g;
/** C0 controls and DEL: invisible, and NUL is rewritten by parsers, so they are dropped. */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/** One line of text: controls dropped, runs of whitespace (newlines too) made one space, ends trimmed. */
export function normalizeInlineText(text: string): string {
  if (isPlainLine(text)) return text;
  // Ends are trimmed of all Unicode spaces, as Markdown parsers do for headings and paragraphs.
  return text.replace(CONTROLS, '').replace(LINE_WHITESPACE, ' ').trim();
}

/**
 * Printable text with single ASCII spaces inside and none at the ends, which normalizing leaves
 * as it is: most titles, names and rooms. One pass over char codes, no regular expression.
 */
function isPlainLine(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  let prevSpace = true; // a leading space is not plain
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 32 || c === 127 || c >= 0x2000 || c === 0xa0 || c === 0x1680 || c === 0x85) {
      // Controls, and any character String#trim() or a later pass might treat as a space, take the full path.
      if (c < 32 || c === 127 || i === 0 || i === n - 1) return false;
      prevSpace = false;
    } else prevSpace = false;
  }
  return !prevSpace;
}

const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '[', ']', '<', '|', '~', '{']);
/** Looks like an entity CommonMark would decode (`&amp;`, `&#58;`): its `&` must be escaped. */
const ENTITY_AHEAD = /^&(?:#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Every character escapeMarkdownInline may escape (`%` only after `{`, itself escaped). */
const MAY_NEED_ESCAPE = /[\\`*[\]<|~{_&#]/;

/**
 * Escapes text for use inside one Markdown line: a heading, a list item, link text, a table cell.
 * Newlines become spaces (a line break inside a heading would end it).
 */
export function escapeMarkdownInline(text: string): string {
  const s = normalizeInlineText(text);
  // Most titles and names hold none of the characters below: copied whole, not char by char.
  if (!MAY_NEED_ESCAPE.test(s)) return guardLineStart(s);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (ALWAYS_ESCAPED.has(c)) out += `\\${c}`;
    else if (c === '_') {
      // Intraword underscores never make emphasis; only escape the ones that could.
      const inWord = i > 0 && WORD_CHAR.test(s[i - 1]!) && i + 1 < s.length && WORD_CHAR.test(s[i + 1]!);
      out += inWord ? c : '\\_';
    } else if (c === '&') out += ENTITY_AHEAD.test(s.slice(i, i + 40)) ? '\\&' : c;
    else if (c === '#') out += i === 0 || isClosingHashRun(s, i) ? '\\#' : c;
    else if (c === '%' && s[i - 1] === '{') out += '\\%';
    else out += c;
  }
  return guardLineStart(out);
}

/** A `#` run at the very end after a space would be read as a heading's closing sequence. */
function isClosingHashRun(s: string, i: number): boolean {
  if (s[i - 1] !== ' ') return false;
  let j = i;
  while (s[j] === '#') j++;
  return j === s.length;
}

/**
 * Text that lands at the start of a line must not open a block: a list item (`- `, `+ `, `1. `),
 * a quote (`>`), a setext underline or thematic break (`=`, `-`).
 */
function guardLineStart(s: string): string {
  if (/^[-+=>]/.test(s)) return `\\${s}`;
  const ordered = /^(\d{1,9})([.)])/.exec(s);
  if (ordered) return `${ordered[1]}\\${s.slice(ordered[1]!.length)}`;
  return s;
}

/**
 * Multi-paragraph plain text (a highlighted passage): paragraphs kept, each escaped as one line.
 * Returns the paragraphs; callers join them for their container (blank lines, `>` prefixes, …).
 */
export function escapeMarkdownParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[\t\v\f ]*\n/)
    .map(escapeMarkdownInline)
    .filter((p) => p !== '');
}

/**
 * Checked URLs by raw text: a recap checks each talk's, file's and page's URL several times (its
 * view, then each link to it), and a cold `new URL` is among the render's dearest calls.
 */
const checkedUrls = new Map<string, string | null>();
const CHECKED_URLS_KEPT = 4096;

/** Absolute http(s)/mailto URLs only (see lib/html/safe-url.ts). */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return safeUrl(url, 'link');
  let safe = checkedUrls.get(url);
  if (safe === undefined) {
    safe = safeUrl(url, 'link');
    if (checkedUrls.size >= CHECKED_URLS_KEPT) checkedUrls.clear();
    checkedUrls.set(url, safe);
  }
  return safe;
}

/**
 * A safe URL made fit for a Markdown link destination: characters that would end the destination
 * early or be taken as escapes are percent-encoded. Null when the URL is not safe.
 */
export function markdownUrl(url: string | null | undefined): string | null {
  const href = safeLinkUrl(url);
  if (href === null) return null;
  return (
    href
      .replace(
        /[\u0000-\u0020()<>\\`\u007F]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      )
      // `&amp;` in a destination is decoded as an entity; a backslash keeps the URL's own `&`.
      .replace(/&/g, (amp, at: number, all: string) => (ENTITY_AHEAD.test(all.slice(at, at + 40)) ? '\\&' : amp))
  );
}

/** `[text](url)`, or just the escaped text when the URL is missing or unsafe. */
export function markdownLink(text: string, url: string | null | undefined): string {
  const label = escapeMarkdownInline(text);
  const dest = markdownUrl(url);
  if (dest === null) return label;
  return `[${label === '' ? escapeMarkdownInline(dest) : label}](${dest})`;
}

/** `<https://…>`: a bare link CommonMark recognizes without GFM's autolink extension. */
export function markdownAutolink(url: string): string | null {
  const dest = markdownUrl(url);
  return dest === null ? null : `<${dest}>`;
}
