/**
 * Lenient readers over the same checks: where a bad value is not an error to report but a value
 * to leave out (a page's odd field, a setting an older version wrote). A backup is checked
 * strictly, so its user hears what is wrong; a clip or a stored choice keeps what is good.
 */
import { fail, type Check } from './checks';

/** The value when `check` accepts it, else null; never throws. */
export function orNull<T>(check: Check<T>): Check<T | null> {
  return (v, path) => {
    try {
      return check(v, path);
    } catch {
      return null;
    }
  };
}

/** The value when `check` accepts it, else `fallback`; never throws. */
export function orDefault<T>(check: Check<T>, fallback: T): Check<T> {
  return (v, path) => {
    try {
      return check(v, path);
    } catch {
      return fallback;
    }
  };
}

/** `check`'s value, or null when the value is bad: for a whole message or record at once. */
export function parseOrNull<T>(check: Check<T>, value: unknown, path = 'value'): T | null {
  return orNull(check)(value, path);
}

/** Text cut to `max` characters (a page's field is kept, bounded); anything else is an error. */
export function clippedText(max: number): Check<string> {
  return (v, path) => {
    if (typeof v !== 'string') fail(path, 'text', v);
    return v.slice(0, max);
  };
}

/** A check whose value must not be null (a lenient field the record cannot do without). */
export function required<T>(check: Check<T | null>, expected: string): Check<T> {
  return (v, path) => {
    const value = check(v, path);
    if (value === null) fail(path, expected, v);
    return value;
  };
}

/**
 * The items of a list that `check` accepts; anything but a list is an empty one. `scanFirst`
 * looks at that many items only (bounds the work on a hostile list); `keepFirst` keeps that
 * many of the good ones.
 */
export function validItems<T>(check: Check<T | null>, limits: { scanFirst?: number; keepFirst?: number }): Check<T[]> {
  const item = orNull(check);
  return (v, path) => {
    if (!Array.isArray(v)) return [];
    const scanned = limits.scanFirst === undefined ? v : v.slice(0, limits.scanFirst);
    const good = scanned.map((x, i) => item(x, `${path}[${i}]`)).filter((x): x is T => x !== null);
    return limits.keepFirst === undefined ? good : good.slice(0, limits.keepFirst);
  };
}
