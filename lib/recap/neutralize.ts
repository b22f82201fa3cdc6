/**
 * Markdown from notes and from clipped descriptions is kept as Markdown, but what a Markdown
 * renderer would pass through as live HTML or script is defanged:
 *
 * - every `<` that could open raw HTML (`<tag`, `</`, `<!`, `<?`) is backslash-escaped, so no HTML
 *   block or inline tag can form (http/https/mailto autolinks are kept);
 * - link and image destinations (`](…)`, `]: …`) whose scheme is not http/https/mailto get a `#`
 *   in front, turning `javascript:…` into a harmless fragment;
 * - `&` before an entity is escaped so `javascript&#58;` cannot be decoded into a scheme;
 * - `{:` and `{{`/`{%` are broken up (kramdown attribute lists, Jekyll's Liquid pass).
 *
 * Code is left alone only where our reading of it provably matches CommonMark's: fenced blocks
 * whose fence starts at column 0, and code spans that open and close on one line in a paragraph
 * without earlier stray backticks. Anywhere we are unsure we escape, which at worst shows a
 * backslash inside code. `page` mode (text that came from a web page) trusts no code at all.
 *
 * The result is also self-contained, so it cannot swallow the recap that follows it: fences are
 * closed (or, when we cannot tell where they end, made inert) and runs of blank lines become one.
 */

export type NeutralizeMode = 'user' | 'page';

interface Fence {
  char: '`' | '~';
  length: number;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const HTML_START = /[A-Za-z/!?]/;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

export function neutralizeMarkdown(markdown: string, mode: NeutralizeMode = 'user'): string {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
    // Leading blank lines and indentation: after a prefix ("- [12:34] ") they would shift
    // the list item's content column and push the note's later lines out of it.
    .replace(/^(?:[ \t\f]*\n)*[ \t\f]*/, '')
    .replace(/\s+$/, '');
  if (text === '') return '';
  const trustCode = mode === 'user';
  const lines = text.replace(/\n(?:[ \t\f]*\n)+/g, '\n\n').split('\n');
  // "--" after a "- " prefix makes "- --", a thematic break instead of a list item.
  if (/^[-*_](?:[ \t]*[-*_])+[ \t]*$/.test(lines[0]!)) lines[0] = `\\${lines[0]}`;
  const out: string[] = [];
  let fence: Fence | null = null;
  let segment: string[] = [];
  const flush = () => {
    if (segment.length) out.push(neutralizeSegment(segment.join('\n'), trustCode));
    segment = [];
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (fence) {
      out.push(line);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opened = trustCode ? opensFence(line) : null;
    if (opened) {
      flush();
      fence = opened;
      out.push(line);
    } else
      segment.push(
        trustCode ? containIndentedFence(lines, n).replace(FENCE_BY_LINE_SEPARATOR, '$&\\') : defangFenceRuns(line),
      );
  }
  flush();
  // An unclosed fence would run to the end of the whole recap.
  if (fence) out.push(fence.char.repeat(fence.length));
  const result = out.join('\n');
  // A note that opens with a fence may be placed after a prefix ("- [12:34] "), where the fence
  // would not open: start it on its own line so every placement reads the same.
  return trustCode && opensFence(lines[0]!) ? `\n${result}` : result;
}

/**
 * A backtick fence whose info string has a backtick only after U+2028/U+2029 is no fence in
 * CommonMark, but parsers that read the info with a JS `.` (commonmark.js) stop at the separator
 * and open one that never closes. Unsure, so escaped.
 */
const FENCE_BY_LINE_SEPARATOR = /^ {0,3}(?=`{3,}[^`\u2028\u2029]*[\u2028\u2029][^]*`)/;

/** Only column-0 fences: deeper ones may belong to a container we cannot see from here. */
function opensFence(line: string): Fence | null {
  // `[^]` not `.`: a JS `.` stops at U+2028, which CommonMark reads as ordinary text.
  const m = /^(`{3,}|~{3,})([^]*)$/.exec(line);
  if (!m) return null;
  const char = m[1]![0] as Fence['char'];
  if (char === '`' && m[2]!.includes('`')) return null;
  return { char, length: m[1]!.length };
}

/**
 * A fence indented 1–3 spaces may sit in a list item or at top level; we cannot tell which, so
 * we never read it as code. It is kept when it visibly closes (a closer indented at least as
 * far and at most 3 spaces, nothing between less indented) — it then ends the same way in any
 * container — and otherwise made inert with a backslash, so it cannot open a block that never
 * ends.
 */
function containIndentedFence(lines: readonly string[], at: number): string {
  const line = lines[at]!;
  const m = /^( {1,3})(`{3,}|~{3,})([^]*)$/.exec(line);
  if (!m || (m[2]![0] === '`' && m[3]!.includes('`'))) return line;
  const indent = m[1]!.length;
  const fence: Fence = { char: m[2]![0] as Fence['char'], length: m[2]!.length };
  for (let j = at + 1; j < lines.length; j++) {
    const next = lines[j]!;
    if (next.trim() === '') continue;
    const lead = /^ */.exec(next)![0].length;
    if (lead < indent) break;
    if (lead <= 3 && closesFence(next, fence)) return line;
  }
  return `${m[1]}\\${line.slice(indent)}`;
}

/** Page text trusts no code: any run of three backticks or tildes is escaped so no fence opens. */
function defangFenceRuns(line: string): string {
  return line.replace(/`{3,}|~{3,}/g, (run, at: number) => {
    let slashes = 0;
    while (at - slashes - 1 >= 0 && line[at - slashes - 1] === '\\') slashes++;
    // An odd count means the run's first character is already escaped.
    return slashes % 2 === 0 ? `\\${run}` : run;
  });
}

function closesFence(line: string, fence: Fence): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!m && m[1]![0] === fence.char && m[1]!.length >= fence.length;
}

/** Characters that can start something we must look at; everything between is copied as is. */
const SPECIAL = /[\\`<&\]{\n]/g;
/** http/https/mailto autolinks are kept; any other `<` that could open HTML is escaped. */
const AUTOLINK_AT = /<(?:https?|mailto):[^\s<>\u0000-\u001F\u007F]*>/iy;
const ENTITY_AT = /&(?:#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/y;
const BLANK_LINE_AT = /[ \t\f]*(?:\n|$)/y;

function matchAt(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Escapes one run of non-fenced lines. */
function neutralizeSegment(s: string, trustCode: boolean): string {
  let out = '';
  let spansTrusted = trustCode;
  let i = 0;
  while (i < s.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(s);
    if (!next) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, next.index);
    i = next.index;
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ASCII_PUNCT.test(s[i + 1]!)) {
      out += s.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      const run = runLength(s, i, '`');
      const close = spansTrusted ? sameLineCloser(s, i + run, run) : -1;
      if (close >= 0) {
        out += s.slice(i, close + run);
        i = close + run;
      } else {
        // A stray run may pair with one on a later line in CommonMark: stop trusting spans.
        out += s.slice(i, i + run);
        i += run;
        spansTrusted = false;
      }
    } else if (c === '<') {
      const auto = matchAt(AUTOLINK_AT, s, i);
      if (auto) {
        out += auto[0];
        i += auto[0].length;
      } else {
        out += i + 1 < s.length && HTML_START.test(s[i + 1]!) ? '\\<' : '<';
        i++;
      }
    } else if (c === '&') {
      out += matchAt(ENTITY_AT, s, i) ? '\\&' : '&';
      i++;
    } else if (c === ']' && (s[i + 1] === '(' || s[i + 1] === ':')) {
      let destStart = destinationStart(s, i + 2);
      const pointy = s[destStart] === '<';
      out += s.slice(i, destStart);
      if (hasUnsafeScheme(s, pointy ? destStart + 1 : destStart)) {
        out += pointy ? '<#' : '#';
        if (pointy) destStart++;
      }
      // A destination or title swallows backticks CommonMark will then not pair.
      if (!isPlainLinkTail(s, i + 1)) spansTrusted = false;
      i = destStart;
    } else if (c === '{' && (s[i + 1] === ':' || s[i + 1] === '{' || s[i + 1] === '%')) {
      out += `{\\${s[i + 1]}`;
      i += 2;
    } else {
      out += c;
      i++;
      if (c === '\n' && trustCode && matchAt(BLANK_LINE_AT, s, i)) spansTrusted = true;
    }
  }
  return out;
}

function runLength(s: string, i: number, ch: string): number {
  let j = i;
  while (s[j] === ch) j++;
  return j - i;
}

/**
 * Start of the matching backtick run on the same line, or -1. Spans containing `|` are not
 * trusted: GFM splits table cells on pipes before it looks for code.
 */
function sameLineCloser(s: string, from: number, run: number): number {
  let j = from;
  while (j < s.length && s[j] !== '\n') {
    if (s[j] === '|') return -1;
    if (s[j] === '`') {
      const len = runLength(s, j, '`');
      if (len === run) return j;
      j += len;
    } else j++;
  }
  return -1;
}

/** Skips what may separate `](`/`]:` from the destination: blanks, a newline, quote markers. */
function destinationStart(s: string, i: number): number {
  let j = i;
  while (j < s.length && /[ \t\n>]/.test(s[j]!)) j++;
  return j;
}

/**
 * True for the common `(https://…)` / `]: https://…` tail: one line, no title, no backticks, so
 * whether or not CommonMark makes a link of it, no backtick is consumed differently.
 * `at` points at the `(` or `:` after the `]`.
 */
function isPlainLinkTail(s: string, at: number): boolean {
  const lineEnd = s.indexOf('\n', at);
  const line = s.slice(at + 1, lineEnd === -1 ? s.length : lineEnd);
  if (s[at] === ':') return /^[ \t]*[^\s`]+[ \t]*$/.test(line);
  const m = /^[ \t]*(<[^<>\n`]*>|[^\s`<()]*(?:\([^\s`()]*\)[^\s`<()]*)*)[ \t]*\)/.exec(line);
  return m !== null;
}

/**
 * Reads the destination the way a browser would after Markdown decoding (backslash escapes
 * removed, tabs/newlines/leading controls ignored) and reports a scheme outside the allow-list.
 */
function hasUnsafeScheme(s: string, i: number): boolean {
  let scheme = '';
  for (let j = i; j < s.length && scheme.length < 64; j++) {
    const c = s[j]!;
    if (c === '\\' && j + 1 < s.length && ASCII_PUNCT.test(s[j + 1]!)) {
      // A backslash escape decodes to the bare character.
      j++;
      if (s[j] === ':') return isUnsafe(scheme);
      if (!/[+.-]/.test(s[j]!)) return false;
      scheme += s[j];
      continue;
    }
    if (c === ':') return isUnsafe(scheme);
    if (/[\t\n\r\u0000-\u0020]/.test(c)) {
      if (scheme === '' || c === '\t' || c === '\n' || c === '\r') continue;
      return false;
    }
    if (!/[A-Za-z0-9+.-]/.test(c)) return false;
    scheme += c;
  }
  return scheme.length >= 64;
}

function isUnsafe(scheme: string): boolean {
  return /^[A-Za-z]/.test(scheme) && !ALLOWED_SCHEMES.has(scheme.toLowerCase());
}
