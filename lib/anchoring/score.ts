/**
 * How much a candidate span looks like the stored quote, and whether that is enough.
 *
 * One score in [0, 1], a weighted sum of
 *   quote similarity   0.5  (1 - edit errors / quote length)
 *   prefix similarity  0.2  (stored 32-char prefix vs. the text now before the candidate)
 *   suffix similarity  0.2
 *   position           0.1  (closeness to where we expect it, relative to the text length)
 * The quote dominates; context decides between equally good quotes (repeated phrases, or an
 * edited original vs. an unrelated verbatim copy); position only breaks ties.
 */

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ScoredSpan {
  start: number;
  end: number;
  /** Edit distance between the quote and text[start, end). */
  errors: number;
  quoteScore: number;
  /** Mean of the prefix and suffix similarities. */
  contextScore: number;
  score: number;
}

const WEIGHT_QUOTE = 0.5;
const WEIGHT_PREFIX = 0.2;
const WEIGHT_SUFFIX = 0.2;
const WEIGHT_POSITION = 0.1;

/** Fuzzy matches may differ from the quote in at most this fraction of its characters. */
export const MAX_ERROR_RATE = 0.25;
/** Below this combined score a fuzzy match is an orphan, not an anchor. */
export const MIN_FUZZY_SCORE = 0.5;
/** Context agreement that counts as "in the right place". */
export const GOOD_CONTEXT = 0.5;
/** Without good context, a fuzzy quote must be this similar to be trusted. */
const CONTEXTLESS_QUOTE_SCORE = 0.85;
/** Quotes shorter than this fuzzy-match only with good context: short strings match by chance. */
const SHORT_QUOTE = 32;

/**
 * Levenshtein distance of `a` and `b` when it is at most `max`, else `max + 1`. Only the band of
 * cells within `max` of the diagonal is computed: O(|a| · max) instead of O(|a| · |b|).
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  let prev = new Int32Array(m + 2).fill(over);
  let curr = new Int32Array(m + 2).fill(over);
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    curr[lo - 1] = lo === 1 ? i : over;
    let rowMin = curr[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const diagonal = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(diagonal, prev[j]! + 1, curr[j - 1]! + 1, over);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    curr[hi + 1] = over; // The next row reads one cell further right.
    if (rowMin > max) return over;
    [prev, curr] = [curr, prev];
  }
  return Math.min(prev[m]!, over);
}

function similarity(expected: string, actual: string): number {
  // An empty stored context (quote at the very start/end) carries no evidence either way.
  if (!expected.length) return 1;
  const longest = Math.max(expected.length, actual.length);
  return 1 - editDistanceWithin(expected, actual, longest) / longest;
}

/** Scores a candidate span. Exported for tests and for callers that want to explain a match. */
export function scoreSpan(
  text: string,
  quote: Quote,
  start: number,
  end: number,
  errors: number,
  hints: readonly number[],
): ScoredSpan {
  const quoteScore = quote.exact.length ? 1 - errors / quote.exact.length : 0;
  const prefixScore = similarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
  const suffixScore = similarity(quote.suffix, text.slice(end, end + quote.suffix.length));
  let positionScore = 0.5; // No expectation: neutral.
  if (hints.length) {
    const distance = Math.min(...hints.map((h) => Math.abs(start - h)));
    positionScore = 1 - Math.min(1, distance / Math.max(1, text.length));
  }
  const weighted =
    WEIGHT_QUOTE * quoteScore +
    WEIGHT_PREFIX * prefixScore +
    WEIGHT_SUFFIX * suffixScore +
    WEIGHT_POSITION * positionScore;
  const score = Math.round(weighted * 1e6) / 1e6; // So a perfect match scores exactly 1.
  return { start, end, errors, quoteScore, contextScore: (prefixScore + suffixScore) / 2, score };
}

/** Whether a fuzzy candidate is trustworthy enough to paint. */
export function isAcceptableFuzzy(m: ScoredSpan, quoteLength: number): boolean {
  if (m.errors > Math.floor(quoteLength * MAX_ERROR_RATE)) return false;
  if (m.score < MIN_FUZZY_SCORE) return false;
  if (m.contextScore >= GOOD_CONTEXT) return true;
  return quoteLength >= SHORT_QUOTE && m.quoteScore >= CONTEXTLESS_QUOTE_SCORE;
}
