/**
 * Talk titles in `localeCompare` order, without building an ICU collator for the common case:
 * the first `localeCompare` of a page costs ~15 ms of CPU (collation data), a cold recap's
 * budget is 40. Titles of printable ASCII and en/em dashes are ordered here as ICU's root
 * collation orders them: every such character has one primary weight of its own (case aside)
 * and none is ignorable — spaces, then punctuation and symbols in ORDER, then digits, then
 * letters (case ignored) — and only when all of that ties, lowercase before uppercase at the
 * first difference. Other titles are decided at their first differing character when both
 * characters there are known, emoji (a pictograph's symbol weight lies between `~` and `$`)
 * included; anything else is `localeCompare`'s. A property test holds the two equal.
 */

/** Root collation's order of the non-alphanumeric characters handled here. */
const ORDER = ' _-\u2013\u2014,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const DIGITS = ORDER.length;
const LETTERS = DIGITS + 10;
/** A pictograph's primary: after `~`, before `$`. */
const PICTOGRAPH = ORDER.indexOf('~') + 0.5;

/** Primary weight of a character of a fully known title, or -1. */
function weight(code: number): number {
  if (code >= 48 && code <= 57) return DIGITS + code - 48;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return LETTERS + ((code | 32) - 97);
  if ((code >= 32 && code < 127) || code === 0x2013 || code === 0x2014) return ORDER.indexOf(String.fromCharCode(code));
  return -1;
}

/**
 * Emoji of the Miscellaneous Symbols and Pictographs and Emoticons blocks (U+1F300–U+1F64F,
 * every code point assigned): one symbol weight each, as the first unit of a surrogate pair.
 */
function isPictographAt(s: string, i: number): boolean {
  const code = s.codePointAt(i)!;
  return code >= 0x1f300 && code <= 0x1f64f && s.charCodeAt(i) !== code;
}

function known(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (weight(s.charCodeAt(i)) < 0) return false;
  return true;
}

/** Where the two first differ, their primaries, when both are known and unequal; else 0. */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return 0;
  // A low surrogate or a mark at `i` would belong to what comes before it.
  const x = isPictographAt(a, i) ? PICTOGRAPH : weight(a.charCodeAt(i));
  const y = isPictographAt(b, i) ? PICTOGRAPH : weight(b.charCodeAt(i));
  return x < 0 || y < 0 || x === y ? 0 : x < y ? -1 : 1;
}

export function compareTitles(a: string, b: string): number {
  if (a === b) return 0;
  if (!known(a) || !known(b)) return firstDifference(a, b) || a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = weight(a.charCodeAt(i)) - weight(b.charCodeAt(i));
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Same letters, different case: lowercase first, at the first difference.
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // lowercase has the higher code
  }
  return 0;
}
