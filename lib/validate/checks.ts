/**
 * The one vocabulary for untrusted data (messages from pages, extracted talks, backup files,
 * stored choices). Each check returns a fresh value built from the fields it knows (unknown
 * fields are dropped, so nothing foreign reaches the database) or throws a `ValidationError`
 * naming the path of the first bad value. Lenient readers wrap the same checks (lenient.ts).
 *
 * Plain functions and closures, no module state: a bundle keeps only the checks it calls (the
 * highlighter content script has a hard size budget).
 */

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
}

export type Check<T> = (value: unknown, path: string) => T;

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? 'a long text' : `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${typeof value}`;
}

export function fail(path: string, expected: string, value: unknown): never {
  throw new ValidationError(`${path} should be ${expected}, but is ${describeValue(value)}`);
}

export function string(max: number, min = 0): Check<string> {
  return (v, path) => {
    if (typeof v !== 'string') fail(path, 'text', v);
    if (v.length < min) fail(path, 'non-empty text', v);
    if (v.length > max) fail(path, `text of at most ${max} characters`, v);
    return v;
  };
}

/** Any instant a JS Date can hold, in epoch ms. */
const MAX_TIME_MS = 8.64e15;
export const timestamp: Check<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_TIME_MS)
    fail(path, 'a time in milliseconds', v);
  return v;
};

export function integer(min: number, max: number): Check<number> {
  return (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(path, `a whole number from ${min} to ${max}`, v);
    return v;
  };
}

/** Exactly this value (a message's `type`, a reply's `ok: true`). */
export function exactly<const T extends string | boolean>(value: T): Check<T> {
  return (v, path) => {
    if (v !== value) fail(path, JSON.stringify(value), v);
    return value;
  };
}

/** One of a fixed list of texts (an enumeration such as a note's kind). */
export function memberOf<const T extends string>(values: readonly T[]): Check<T> {
  return (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      fail(path, `one of ${values.join(', ')}`, v);
    return v as T;
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : check(v, path));
}

/** A field older records lack: missing stays missing, so a backup round-trips exactly. */
export function optionalNullable<T>(check: Check<T>): Check<T | null | undefined> {
  const orNull = nullable(check);
  return (v, path) => (v === undefined ? undefined : orNull(v, path));
}

/** A field older records lack (and never null): missing stays missing. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, path) => (v === undefined ? undefined : check(v, path));
}

/** Text that matches `pattern` (anchor it), described as `expected` in errors. */
export function matching(pattern: RegExp, max: number, expected: string): Check<string> {
  return (v, path) => {
    if (typeof v !== 'string' || v.length > max || !pattern.test(v)) fail(path, expected, v);
    return v;
  };
}

export const boolean: Check<boolean> = (v, path) => {
  if (typeof v !== 'boolean') fail(path, 'true or false', v);
  return v;
};

export function arrayOf<T>(check: Check<T>, max: number): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) fail(path, 'a list', v);
    if (v.length > max) throw new ValidationError(`${path} has ${v.length} items; at most ${max} are allowed`);
    // Array.from, not map: map skips the holes of a sparse array, which structured clone keeps.
    return Array.from(v, (item, i) => check(item, `${path}[${i}]`));
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly these typed fields; a field whose check gives `undefined` (an optional one) is left out. */
export function shape<T>(fields: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  return (v, path) => {
    if (!isPlainObject(v)) fail(path, 'an object', v);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as Array<keyof T & string>) {
      const value = Object.hasOwn(v, key) ? v[key] : undefined;
      const checked = fields[key](value, `${path}.${key}`);
      if (checked !== undefined) out[key] = checked;
    }
    return out as T;
  };
}

/** A text → text map such as `customFields`; built with fromEntries so "__proto__" stays data. */
export function stringMap(maxEntries: number, maxKey: number, maxValue: number): Check<Record<string, string>> {
  const key = string(maxKey);
  const value = string(maxValue);
  return (v, path) => {
    if (!isPlainObject(v)) fail(path, 'an object', v);
    const entries = Object.entries(v);
    if (entries.length > maxEntries) fail(path, `an object with at most ${maxEntries} fields`, v);
    return Object.fromEntries(entries.map(([k, x]) => [key(k, `${path} key`), value(x, `${path}.${k}`)]));
  };
}

/** Any JSON value (it came from JSON.parse) that serialises to at most `maxChars`; copied. */
export function jsonValue(maxChars: number): Check<unknown> {
  return (v, path) => {
    if (v === undefined) fail(path, 'a value', v);
    const text = JSON.stringify(v);
    if (text.length > maxChars) fail(path, `a value of at most ${maxChars} characters`, v);
    return JSON.parse(text) as unknown;
  };
}
