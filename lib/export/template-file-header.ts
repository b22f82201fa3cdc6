/**
 * A template file's extra front matter rows (the Export view's "Extra keys" for that template),
 * carried in the `.liquid` file itself as a leading Liquid comment, so the file stays a valid
 * template that any Liquid tool renders to nothing there:
 *
 *   {% comment %}talkmark front matter: one row a line, ["key", "type", "value"]
 *   ["categories", "list", "DevOps, Events"]
 *   ["showAuthor", "boolean", "true"]
 *   {% endcomment %}
 *
 * Each row is a JSON array, so any key or value (quotes, newlines, Unicode) round-trips; `{`,
 * `}`, `%`, `<` and `>` are written as `\u007b`… escapes so no value can close the comment
 * (`{% endcomment %}`) or open a tag or output (Liquid's tokenizer reads `{{` even in a comment). Read back, every row is checked (lib/validate) before
 * anything is stored: a header that is ours but malformed refuses the file with its line.
 */
import { FRONT_MATTER_ROW_TYPES, type FrontMatterRow } from '../recap/front-matter-rows';
import { fail, memberOf, string, ValidationError, type Check } from '../validate';

export const HEADER_OPEN = '{% comment %}talkmark front matter: one row a line, ["key", "type", "value"]';
// `-%}` trims the line end after it: rendered by any Liquid tool, the header leaves nothing, not even a blank line.
const HEADER_CLOSE = '{% endcomment -%}';
/** What marks a leading comment as ours (the rest of its first line is a note for people). */
const MARKER = /^\{%-?\s*comment\s*-?%\}talkmark front matter\b[^\n]*\n/;
/** The export keeps at most this many rows per template (export-choices.ts); so does a file. */
export const MAX_HEADER_ROWS = 50;
export const MAX_ROW_KEY_CHARS = 2_000;
export const MAX_ROW_VALUE_CHARS = 2_000;

const rowCheck: Check<FrontMatterRow> = (value, path) => {
  if (!Array.isArray(value) || value.length !== 3) fail(path, 'a ["key", "type", "value"] list', value);
  return {
    key: string(MAX_ROW_KEY_CHARS, 1)(value[0], `${path} key`),
    type: memberOf(FRONT_MATTER_ROW_TYPES)(value[1], `${path} type`),
    value: string(MAX_ROW_VALUE_CHARS)(value[2], `${path} value`),
  };
};

/** JSON that cannot end a Liquid comment or open a tag, whatever the strings hold. */
function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/[{}%<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The file's text: the header (only when there are rows to carry), then the body as it is. */
export function withFrontMatterHeader(body: string, rows: readonly FrontMatterRow[]): string {
  const kept = rows.filter((r) => r.key.trim() !== '').slice(0, MAX_HEADER_ROWS);
  if (kept.length === 0) return body;
  const lines = kept.map((r) => inertJson([r.key, r.type, r.value]));
  return `${HEADER_OPEN}\n${lines.join('\n')}\n${HEADER_CLOSE}\n${body}`;
}

export type HeaderResult =
  | { ok: true; body: string; rows: FrontMatterRow[] /** Lines before the body. */; headerLines: number }
  | { ok: false; line: number; message: string };

/**
 * Splits a file's text (line ends already `\n`) into its rows and its body. A file without our
 * header is all body, with no rows; another leading comment is the author's and stays in the body.
 */
export function readFrontMatterHeader(text: string): HeaderResult {
  const open = MARKER.exec(text);
  if (!open) return { ok: true, body: text, rows: [], headerLines: 0 };
  const rest = text.slice(open[0].length);
  const end = rest.search(/^\{%-?\s*endcomment\s*-?%\}[ \t]*(?:\n|$)/m);
  if (end < 0) return { ok: false, line: 1, message: 'The front matter header has no {% endcomment %}' };
  const lines = rest.slice(0, end).split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > MAX_HEADER_ROWS)
    return { ok: false, line: 2 + MAX_HEADER_ROWS, message: `More than ${MAX_HEADER_ROWS} front matter rows` };
  const rows: FrontMatterRow[] = [];
  for (const [i, line] of lines.entries()) {
    const lineNumber = i + 2;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { ok: false, line: lineNumber, message: 'A front matter row is not a JSON ["key", "type", "value"] list' };
    }
    try {
      rows.push(rowCheck(parsed, 'the row'));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      return { ok: false, line: lineNumber, message: `A front matter row is not valid: ${err.message}` };
    }
  }
  const afterClose = rest.slice(end).replace(/^[^\n]*(?:\n|$)/, '');
  // The opening line, the rows' lines, the closing line.
  return { ok: true, body: afterClose, rows, headerLines: lines.length + 2 };
}
