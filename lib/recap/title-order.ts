/**
 * Talk titles in `localeCompare` order, without building an ICU collator for the common case:
 * the first `localeCompare` of a page costs ~15 ms of CPU (collation data), a cold recap's
 * budget is 40. Titles of letters, digits and spaces only are ordered here as ICU's root
 * collation orders them — letters by their primary weight (case ignored), spaces before digits
 * before letters, and only when all of that ties, lowercase before uppercase at the first
 * difference. Anything else is `localeCompare`'s. A property test holds the two equal.
 */
const PLAIN = /^[A-Za-z0-9 ]*$/;

/** Primary weight of a plain character: space, then digits, then letters (case folded). */
function primary(code: number): number {
  if (code === 32) return 0;
  if (code <= 57) return code - 47; // '0'..'9' → 1..10
  return (code | 32) - 86; // 'a'..'z' → 11..36
}

export function compareTitles(a: string, b: string): number {
  if (a === b) return 0;
  if (!PLAIN.test(a) || !PLAIN.test(b)) return a.localeCompare(b);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = primary(a.charCodeAt(i)) - primary(b.charCodeAt(i));
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
