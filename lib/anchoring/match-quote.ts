/**
 * Finding a TextQuote in a (possibly changed) text. Pure string code: no DOM. How candidates
 * are scored and accepted lives in score.ts; this file decides where to look.
 *
 * Cost model. `approx-string-match` (Myers' bit-parallel algorithm) costs about
 * text length × ceil(allowed errors / 32), and returns only the matches with the fewest errors
 * in the text it is given. So fuzzy search never scans the whole page with the whole quote:
 *   1. it searches windows around the expected positions (±2k chars, wider for long quotes);
 *   2. only if that fails, it filters the whole text with exact `indexOf` of up to 8 disjoint
 *      pieces of the quote and verifies the places they point at with Myers in a small window
 *      ("filter, then verify"). Pigeonhole: a match with fewer errors than there are pieces
 *      keeps one piece intact, so step 2 finds far-away matches with up to (pieces - 1) errors
 *      (unless every intact piece is too common to filter with), for 8 `indexOf` scans.
 *      Far from home we tolerate fewer errors than near home, on purpose: an approximate match
 *      far away is more likely a coincidence.
 *   3. quotes over 2k chars are matched by their head and tail (see `matchByEnds`).
 */

import search from 'approx-string-match';
import { editDistanceWithin, isAcceptableFuzzy, MAX_ERROR_RATE, scoreSpan, type Quote, type ScoredSpan } from './score';

export type { Quote } from './score';

export interface QuoteMatch extends ScoredSpan {
  /** How it was found: verbatim, verbatim but chosen by the stored position, or approximately. */
  method: 'exact' | 'position' | 'fuzzy';
}

export interface MatchOptions {
  /** Where the quote is expected to start (stored position, shifted estimates); may be empty. */
  hints?: readonly number[];
  /** The stored TextPosition start, used to break ties between identical occurrences. */
  storedStart?: number;
  /** Spans never to report (e.g. a verbatim copy already judged a poor match). */
  exclude?: ReadonlyArray<readonly [number, number]>;
}

/** Half-width of the search window around an expected position, before scaling to the quote. */
const WINDOW_RADIUS = 2048;
/** Occurrences of an exact quote scored with context; the rest are too far to matter. */
const MAX_SCORED_OCCURRENCES = 256;
/** Stop enumerating occurrences of a very common quote ("the") past this many. */
const MAX_OCCURRENCES = 10_000;
/** Filter pieces: at least this long so a hit means something, at most this many scans. */
const MIN_PIECE_LENGTH = 8;
const MAX_PIECES = 8;
/** A piece that occurs more often than this filters nothing; skip it. */
const MAX_PIECE_HITS = 32;
/** Myers candidates per search that get a context-aligned twin. */
const MAX_CANDIDATES = 32;
/** Characters of stored context looked up verbatim to align a fuzzy span's ends. */
const CONTEXT_PROBE = 12;
const MIN_CONTEXT_PROBE = 4;
/** Places verified per search (most-voted first), so no page can stall anchoring. */
const MAX_VERIFICATIONS = 16;
/**
 * Quotes longer than this are fuzzy-matched by their two ends: Myers over a window with a
 * quarter of a 10k-char quote as error budget would cost hundreds of milliseconds.
 */
const LONG_QUOTE = 2048;
/** Length of the head and tail used for long quotes. */
const LONG_QUOTE_END = 256;

/** Start offsets of verbatim occurrences (overlapping ones included), at most MAX_OCCURRENCES. */
export function occurrencesOf(text: string, exact: string): number[] {
  const found: number[] = [];
  if (!exact) return found;
  for (let i = text.indexOf(exact); i !== -1 && found.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    found.push(i);
  }
  return found;
}

/** True when the quote sits verbatim at `start` with its stored context verbatim around it. */
function isPerfectAt(text: string, quote: Quote, start: number): boolean {
  const end = start + quote.exact.length;
  return (
    start >= 0 &&
    text.startsWith(quote.exact, start) &&
    text.endsWith(quote.prefix, start) &&
    text.startsWith(quote.suffix, end)
  );
}

/**
 * Verbatim occurrences of the quote, best first by score. Checks the expected positions first:
 * on an unchanged page that is O(quote length) instead of a scan of the page.
 */
export function matchExact(text: string, quote: Quote, options: MatchOptions = {}): QuoteMatch | null {
  const { exact } = quote;
  if (!exact) return null;
  const hints = options.hints ?? [];
  // Without stored context a verbatim quote at the hint proves nothing about other copies.
  const hasContext = quote.prefix.length + quote.suffix.length > 0;
  for (const h of hasContext ? hints : []) {
    if (isPerfectAt(text, quote, h))
      return { ...scoreSpan(text, quote, h, h + exact.length, 0, hints), method: 'exact' };
  }
  const occurrences = occurrencesOf(text, exact);
  if (!occurrences.length) return null;
  if (occurrences.length > MAX_SCORED_OCCURRENCES && hints.length) {
    const distance = (i: number): number => Math.min(...hints.map((h) => Math.abs(i - h)));
    occurrences.sort((a, b) => distance(a) - distance(b));
  }
  const scored = occurrences
    .slice(0, MAX_SCORED_OCCURRENCES)
    .map((i) => scoreSpan(text, quote, i, i + exact.length, 0, hints))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const best = scored[0]!;
  const runnerUp = scored[1];
  // Identical context around several copies (boilerplate, repeated headings): context cannot
  // decide, so the stored position does, if the quote is still exactly there.
  if (runnerUp && Math.abs(runnerUp.contextScore - best.contextScore) < 1e-9 && options.storedStart !== undefined) {
    const atStored = scored.find((m) => m.start === options.storedStart && m.contextScore === best.contextScore);
    if (atStored) return { ...atStored, method: 'position' };
  }
  return { ...best, method: 'exact' };
}

/** Replaces excluded spans inside text[from, to) with U+0000 so Myers cannot report them. */
function sliceWithout(text: string, from: number, to: number, exclude: MatchOptions['exclude']): string {
  let slice = text.slice(from, to);
  for (const [a, b] of exclude ?? []) {
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (s < e) slice = slice.slice(0, s - from) + '\u0000'.repeat(e - s) + slice.slice(e - from);
  }
  return slice;
}

/** Myers search of the quote inside text[from, to); offsets returned in whole-text terms. */
function searchWindow(
  text: string,
  from: number,
  to: number,
  pattern: string,
  maxErrors: number,
  exclude: MatchOptions['exclude'],
): Array<{ start: number; end: number; errors: number }> {
  const a = Math.max(0, from);
  const b = Math.min(text.length, to);
  if (b - a < pattern.length - maxErrors) return [];
  return search(sliceWithout(text, a, b, exclude), pattern, maxErrors).map((m) => ({
    start: m.start + a,
    end: m.end + a,
    errors: m.errors,
  }));
}

/** The occurrence of `needle` starting nearest to `around` (within ±radius), or -1. */
function nearestOccurrence(text: string, needle: string, around: number, radius: number): number {
  let best = -1;
  for (
    let i = text.indexOf(needle, Math.max(0, around - radius));
    i !== -1 && i <= around + radius;
    i = text.indexOf(needle, i + 1)
  ) {
    if (best === -1 || Math.abs(i - around) < Math.abs(best - around)) best = i;
  }
  return best;
}

/**
 * Myers reports the span with the fewest errors, which for an inserted word is often a
 * truncated one: "the road." vs "the paved road." aligns best as "the pave". Where the stored
 * context still stands verbatim right next to the candidate, the span that meets the context
 * is offered as well; scoring (context counts) then picks between them.
 */
function contextAlignedSpan(
  text: string,
  quote: Quote,
  f: { start: number; end: number },
  maxErrors: number,
): { start: number; end: number; errors: number } | null {
  let { start, end } = f;
  const suffixHead = quote.suffix.slice(0, CONTEXT_PROBE);
  if (suffixHead.trim().length >= MIN_CONTEXT_PROBE) {
    const at = nearestOccurrence(text, suffixHead, end, 2 * maxErrors);
    if (at > start) end = at;
  }
  const prefixTail = quote.prefix.slice(-CONTEXT_PROBE);
  if (prefixTail.trim().length >= MIN_CONTEXT_PROBE) {
    const at = nearestOccurrence(text, prefixTail, start - prefixTail.length, 2 * maxErrors);
    if (at !== -1 && at + prefixTail.length < end) start = at + prefixTail.length;
  }
  if (start === f.start && end === f.end) return null;
  const errors = editDistanceWithin(quote.exact, text.slice(start, end), maxErrors);
  return errors <= maxErrors ? { start, end, errors } : null;
}

function bestAcceptable(
  text: string,
  quote: Quote,
  myersMatches: Array<{ start: number; end: number; errors: number }>,
  hints: readonly number[],
): QuoteMatch | null {
  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  const found = [...myersMatches];
  for (const m of myersMatches.slice(0, MAX_CANDIDATES)) {
    const aligned = contextAlignedSpan(text, quote, m, maxErrors);
    if (aligned) found.push(aligned);
  }
  const seen = new Set<string>();
  let best: QuoteMatch | null = null;
  for (const f of found) {
    const key = `${f.start}:${f.end}`;
    if (seen.has(key) || f.end <= f.start) continue;
    seen.add(key);
    const scored = scoreSpan(text, quote, f.start, f.end, f.errors, hints);
    if (!isAcceptableFuzzy(scored, quote.exact.length)) continue;
    if (!best || scored.score > best.score) best = { ...scored, method: 'fuzzy' };
  }
  return best;
}

/** Windows [from, to) around each hint, merged where they overlap. */
function windowsAround(hints: readonly number[], quoteLength: number, textLength: number): Array<[number, number]> {
  const radius = Math.max(WINDOW_RADIUS, 2 * quoteLength);
  const spans = hints
    .map((h): [number, number] => [Math.max(0, h - radius), Math.min(textLength, h + quoteLength + radius)])
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push(s);
  }
  return merged;
}

/** Where the quote may start, and how many of its pieces occur verbatim at that start. */
interface Candidate {
  from: number;
  to: number;
  votes: number;
}

/**
 * The "filter" step: exact hits of the quote's disjoint pieces, turned into start estimates
 * and clustered (estimates from one occurrence land within maxErrors of each other). A cluster
 * many pieces agree on is the likely place, so clusters come back most-voted first.
 */
function pieceCandidates(text: string, exact: string, maxErrors: number): Candidate[] {
  const pieces = Math.min(MAX_PIECES, Math.floor(exact.length / MIN_PIECE_LENGTH));
  if (pieces < 2) return [];
  const pieceLength = Math.floor(exact.length / pieces);
  const estimates: Array<{ at: number; piece: number }> = [];
  for (let p = 0; p < pieces; p++) {
    const offset = p * pieceLength;
    const piece = exact.slice(offset, offset + pieceLength);
    const hits: number[] = [];
    for (let i = text.indexOf(piece); i !== -1 && hits.length <= MAX_PIECE_HITS; i = text.indexOf(piece, i + 1)) {
      hits.push(i - offset);
    }
    if (hits.length <= MAX_PIECE_HITS) for (const at of hits) estimates.push({ at, piece: p });
  }
  estimates.sort((a, b) => a.at - b.at);
  const clusters: Array<Candidate & { pieces: Set<number> }> = [];
  for (const e of estimates) {
    const last = clusters[clusters.length - 1];
    if (last && e.at - last.to <= maxErrors) {
      last.to = e.at;
      last.pieces.add(e.piece);
    } else clusters.push({ from: e.at, to: e.at, votes: 0, pieces: new Set([e.piece]) });
  }
  return clusters
    .map(({ from, to, pieces: voters }) => ({ from, to, votes: voters.size }))
    .sort((a, b) => b.votes - a.votes || a.from - b.from);
}

/**
 * The best acceptable approximate match, or null. Searches near the hints first; then, unless
 * those windows already covered the text, the whole text through the piece filter.
 */
export function matchFuzzy(text: string, quote: Quote, options: MatchOptions = {}): QuoteMatch | null {
  const { exact } = quote;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors < 1) return null;
  const hints = options.hints ?? [];
  const exclude = options.exclude;
  if (exact.length > LONG_QUOTE) return matchByEnds(text, quote, hints);

  const windows = windowsAround(hints, exact.length, text.length);
  const near: Array<{ start: number; end: number; errors: number }> = [];
  for (const [from, to] of windows) near.push(...searchWindow(text, from, to, exact, maxErrors, exclude));
  const nearBest = bestAcceptable(text, quote, near, hints);
  if (nearBest) return nearBest;
  if (windows.length === 1 && windows[0]![0] === 0 && windows[0]![1] === text.length) return null;

  const far: Array<{ start: number; end: number; errors: number }> = [];
  for (const c of pieceCandidates(text, exact, maxErrors).slice(0, MAX_VERIFICATIONS)) {
    // A piece hit puts the true start within ±maxErrors of its estimate, and a match is at
    // most maxErrors longer than the quote.
    far.push(...searchWindow(text, c.from - maxErrors, c.to + exact.length + 2 * maxErrors, exact, maxErrors, exclude));
  }
  return bestAcceptable(text, quote, far, hints);
}

/**
 * A long quote located by its head and tail: each end is matched (exactly, else fuzzily) and the
 * span between them accepted if its length is within the error budget. The error count is then
 * a lower bound (a same-length rewrite of the middle goes unseen), which is the trade for
 * bounded cost; the ends and both contexts must still agree.
 */
function matchByEnds(text: string, quote: Quote, hints: readonly number[]): QuoteMatch | null {
  const { exact } = quote;
  const headQuote: Quote = { exact: exact.slice(0, LONG_QUOTE_END), prefix: quote.prefix, suffix: '' };
  const head = matchExact(text, headQuote, { hints }) ?? matchFuzzy(text, headQuote, { hints });
  if (!head) return null;
  const tailQuote: Quote = { exact: exact.slice(-LONG_QUOTE_END), prefix: '', suffix: quote.suffix };
  const tailHints = [head.start + exact.length - LONG_QUOTE_END];
  const tail = matchExact(text, tailQuote, { hints: tailHints }) ?? matchFuzzy(text, tailQuote, { hints: tailHints });
  if (!tail || tail.start < head.end) return null;
  const errors = head.errors + tail.errors + Math.abs(tail.end - head.start - exact.length);
  const scored = scoreSpan(text, quote, head.start, tail.end, errors, hints);
  return isAcceptableFuzzy(scored, exact.length) ? { ...scored, method: 'fuzzy' } : null;
}
