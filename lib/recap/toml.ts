/**
 * TOML values for Hugo's `+++` front matter. Strings are basic strings with escapes, so no title
 * (quotes, `=`, `#`, `+++`, line breaks) can change the document's structure; dates that TOML
 * reads as dates (RFC 3339) are written bare, anything else is quoted.
 */

/** What TOML forbids raw in a basic string (controls but tab, DEL, `"`, `\`), and lone surrogates. */
const TOML_UNSAFE = /[\\"\u0000-\u0008\u000A-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f' };

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
const TOML_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export function isTomlDate(value: string): boolean {
  return TOML_DATE.test(value);
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
