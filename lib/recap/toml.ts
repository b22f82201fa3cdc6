/**
 * TOML values for Hugo's `+++` front matter. Strings are basic strings with escapes, so no title
 * (quotes, `=`, `#`, `+++`, line breaks) can change the document's structure; dates that TOML
 * reads as dates (RFC 3339) are written bare, anything else is quoted.
 */

/** What TOML forbids raw in a basic string (controls but tab, DEL, `"`, `\`), and lone surrogates. */
const TOML_UNSAFE =
  /[\\"\u0000-\u0008\u000A-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\b': '\\b',
  '\f': '\\f',
};

/** A TOML basic string that parses back to `s` (a lone surrogate, which UTF-8 cannot hold, becomes U+FFFD). */
export function tomlQuote(s: string): string {
  return `"${s.replace(TOML_UNSAFE, (c) => {
    if (c >= '\uD800' && c <= '\uDFFF') return '\uFFFD';
    return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  })}"`;
}

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

export function tomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : tomlQuote(key);
}

/** RFC 3339 as TOML 1.0 reads it: a local date, or a date-time with seconds and an optional offset. */
const TOML_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

/**
 * True for a date TOML reads as one. The shape is not enough: TOML parsers (Hugo's go-toml)
 * reject `2025-13-45` or `25:00:00` written bare, so an impossible date is quoted instead.
 * Seconds stop at 59: RFC 3339 allows a leap second, but not every parser does.
 */
export function isTomlDate(value: string): boolean {
  const m = TOML_DATE.exec(value);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = m
    .slice(1)
    .map((n) => (n === undefined ? undefined : Number(n)));
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth(year!, month!) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

export type TomlScalar = string | number | boolean;

export function tomlScalar(value: TomlScalar): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return tomlQuote(String(value));
    // Whole numbers past 2^53 may not fit TOML's 64-bit integers: written as floats.
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? value.toExponential() : String(value);
  }
  return tomlQuote(value);
}

/** `key = value`; arrays inline. TOML has no null: a null scalar leaves the key out (''), null items are dropped. */
export function tomlEntry(key: string, value: TomlScalar | null | readonly (TomlScalar | null)[]): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const items = (value as readonly (TomlScalar | null)[]).filter((v): v is TomlScalar => v !== null);
    return `${tomlKey(key)} = [${items.map(tomlScalar).join(', ')}]`;
  }
  return `${tomlKey(key)} = ${tomlScalar(value as TomlScalar)}`;
}

const KEY_PART = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')`;
/** `date =`, `"a b".c = # note`: a key whose value printed nothing, which no TOML parser accepts. */
const EMPTY_ENTRY = new RegExp(String.raw`^[ \t]*${KEY_PART}(?:[ \t]*\.[ \t]*${KEY_PART})*[ \t]*=[ \t]*(?:#.*)?$`);
const TOML_BLOCK = /^\+\+\+[ \t]*\n([\s\S]*?\n)?\+\+\+[ \t]*(?:\n|$)/;

/**
 * A post's `+++` front matter without the keys whose value printed nothing (`date = {{ talks.first
 * | date }}` when no talk has a time): TOML has no null, so leaving the key out is how it says
 * none, and Hugo's build would stop at the empty one. Multi-line strings are left alone: a line
 * inside one is text.
 */
export function withoutEmptyTomlEntries(markdown: string): string {
  const block = TOML_BLOCK.exec(markdown);
  const body = block?.[1];
  if (!body || body.includes('"""') || body.includes("'''")) return markdown;
  const opening = block![0].indexOf('\n') + 1;
  const kept = body.split('\n').filter((line) => !EMPTY_ENTRY.test(line));
  return `${markdown.slice(0, opening)}${kept.join('\n')}${markdown.slice(opening + body.length)}`;
}
