/**
 * Selectors → Range. The inverse of `describeRange`.
 *
 * Order of attempts for one highlight:
 *   1. exact: the quote verbatim. Unchanged pages are settled in O(quote length) by checking the
 *      stored position first; otherwise every occurrence is scored by context (+ position).
 *   2. position: several verbatim copies with identical context; the stored position picks the
 *      copy, provided the quote is verbatim there (this is inside step 1, see `matchExact`).
 *   3. fuzzy: approximate quote near the expected position, then anywhere (see match-quote.ts).
 *      Also tried when the only verbatim copies have context that disagrees with the stored one
 *      (the highlighted sentence was edited, and an unrelated copy of it exists elsewhere).
 * Null means orphan: the caller keeps the highlight and shows it as such, never drops it.
 *
 * Batches share one `TextIndex` (one walk of the page for all highlights) and one more thing:
 * highlights anchored exactly tell how far content moved, so a fuzzy search for an edited
 * highlight starts where its settled neighbours say it now is, not where it once was.
 */

import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { matchExact, matchFuzzy, occurrencesOf, type QuoteMatch } from './match-quote';
import { GOOD_CONTEXT } from './score';
import { TextIndex } from './text-index';

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null;
}

export interface Anchor {
  range: Range;
  method: 'exact' | 'position' | 'fuzzy';
  /** 0..1; 1 is the quote verbatim, with its context, at its stored position. */
  score: number;
  /** The span in the root's indexed text (to refresh the stored TextPosition). */
  start: number;
  end: number;
}

export interface AnchorOutcome<T> {
  item: T;
  /** Null when the highlight is an orphan on this page. */
  anchor: Anchor | null;
}

export interface AnchorOptions {
  /** An index of `root` built for this batch; built here when absent. */
  index?: TextIndex;
}

export interface ChunkedAnchorOptions {
  /** Yield to the event loop once a task has run this many milliseconds (default 30). */
  yieldEvery?: number;
  signal?: AbortSignal;
}

/** Stored context shorter than this cannot vouch against a verbatim quote. */
const MIN_TELLING_CONTEXT = 16;

/** Where content that held a settled highlight moved: stored start → start found now. */
interface Shift {
  stored: number;
  found: number;
}

/** The result of the cheap pass: settled, or the best verbatim copy to beat (maybe none). */
interface ExactPass {
  settled: boolean;
  match: QuoteMatch | null;
}

function storedStart(selectors: AnchorSelectors): number | undefined {
  const s = selectors.position?.start;
  return typeof s === 'number' && Number.isFinite(s) && s >= 0 ? s : undefined;
}

/**
 * @param shift how far the previous settled highlight (in stored order) moved: after content
 *   is inserted above, every later highlight is found in O(quote) at `stored + shift`.
 */
function exactPass(text: string, selectors: AnchorSelectors, shift = 0): ExactPass {
  const quote = selectors.quote;
  if (!quote?.exact) return { settled: true, match: null };
  const stored = storedStart(selectors);
  const hints = stored === undefined ? [] : shift ? [stored, Math.max(0, stored + shift)] : [stored];
  const match = matchExact(text, quote, { hints, storedStart: stored });
  const contextTells = quote.prefix.length + quote.suffix.length >= MIN_TELLING_CONTEXT;
  const settled = !!match && (match.contextScore >= GOOD_CONTEXT || !contextTells);
  return { settled, match };
}

/** Expected starts for an unsettled highlight: its stored start, shifted like its neighbours. */
function hintsFor(selectors: AnchorSelectors, shifts: readonly Shift[]): number[] {
  const stored = storedStart(selectors);
  if (stored === undefined) return [];
  const hints = new Set([stored]);
  // shifts is sorted by stored start; take the nearest settled neighbour on each side.
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shifts[mid]!.stored < stored) lo = mid + 1;
    else hi = mid;
  }
  for (const s of [shifts[lo - 1], shifts[lo]]) if (s) hints.add(Math.max(0, stored + s.found - s.stored));
  return [...hints];
}

function fuzzyPass(text: string, selectors: AnchorSelectors, first: ExactPass, hints: number[]): QuoteMatch | null {
  const quote = selectors.quote;
  // Verbatim copies with the wrong context are masked so Myers, which reports only the
  // fewest-error matches, can still see the edited original next to them.
  const exclude = first.match
    ? occurrencesOf(text, quote.exact).map((s): [number, number] => [s, s + quote.exact.length])
    : undefined;
  const fuzzy = matchFuzzy(text, quote, { hints, storedStart: storedStart(selectors), exclude });
  if (first.match && (!fuzzy || fuzzy.score <= first.match.score)) {
    // The copy's own context disagrees, and the stored context still stands elsewhere with
    // nothing between prefix and suffix: the highlighted text was deleted there. The verbatim
    // copy is some other passage (a pull quote, a summary): an orphan, not a wrong place.
    return quoteDeletedBetweenContext(text, quote) ? null : first.match;
  }
  return fuzzy;
}

/** Characters of each side of the stored context that must meet for the quote to count as deleted. */
const DELETED_CONTEXT_CHARS = 16;

/**
 * Whether the end of the stored prefix is followed, across white space only, by the start of
 * the stored suffix somewhere in `text`: what is left where a quote was cut out of its sentence.
 */
export function quoteDeletedBetweenContext(text: string, quote: { prefix: string; suffix: string }): boolean {
  const before = quote.prefix.trimEnd().slice(-DELETED_CONTEXT_CHARS);
  const after = quote.suffix.trimStart().slice(0, DELETED_CONTEXT_CHARS);
  // Both sides must say something, or any text would "meet" an empty side.
  if (before.length < DELETED_CONTEXT_CHARS / 2 || after.length < DELETED_CONTEXT_CHARS / 2) return false;
  for (let at = text.indexOf(before), seen = 0; at !== -1 && seen < 1000; at = text.indexOf(before, at + 1), seen++) {
    let j = at + before.length;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (text.startsWith(after, j)) return true;
  }
  return false;
}

/** Item indices by stored start; items without a position last, in input order. */
function inStoredOrder(items: readonly AnchorSelectors[]): number[] {
  const key = (i: number): number => storedStart(items[i]!) ?? Infinity;
  return items.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

function shiftOf(item: AnchorSelectors, pass: ExactPass): number | undefined {
  const stored = storedStart(item);
  return pass.settled && pass.match && stored !== undefined ? pass.match.start - stored : undefined;
}

function collectShifts(items: readonly AnchorSelectors[], passes: readonly ExactPass[]): Shift[] {
  const shifts: Shift[] = [];
  items.forEach((item, i) => {
    const shift = shiftOf(item, passes[i]!);
    if (shift !== undefined) shifts.push({ stored: storedStart(item)!, found: storedStart(item)! + shift });
  });
  return shifts.sort((a, b) => a.stored - b.stored);
}

function toAnchor(index: TextIndex, match: QuoteMatch | null): Anchor | null {
  if (!match) return null;
  return {
    range: index.rangeAt(match.start, match.end),
    method: match.method,
    score: match.score,
    start: match.start,
    end: match.end,
  };
}

/** Anchors one highlight. For several, use `anchorAll`: it walks the page once. */
export function anchor(root: Element, selectors: AnchorSelectors, options: AnchorOptions = {}): Anchor | null {
  return anchorAll(root, [selectors], options)[0]!.anchor;
}

/** Anchors a batch synchronously against one shared index. Outcomes are in input order. */
export function anchorAll<T extends AnchorSelectors>(
  root: Element,
  items: readonly T[],
  options: AnchorOptions = {},
): AnchorOutcome<T>[] {
  const index = options.index ?? TextIndex.build(root);
  const text = index.text;
  const passes: ExactPass[] = new Array(items.length);
  let shift = 0;
  for (const i of inStoredOrder(items)) {
    const pass = exactPass(text, items[i]!, shift);
    passes[i] = pass;
    shift = shiftOf(items[i]!, pass) ?? shift;
  }
  const shifts = collectShifts(items, passes);
  return items.map((item, i) => {
    const pass = passes[i]!;
    const match = pass.settled ? pass.match : fuzzyPass(text, item, pass, hintsFor(item, shifts));
    return { item, anchor: toAnchor(index, match) };
  });
}

const now = (): number => globalThis.performance?.now() ?? Date.now();

/** Gives the event loop a turn: `scheduler.yield()` keeps our priority where it exists. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `anchorAll` in slices of at most ~`yieldEvery` ms, so a long batch never blocks the page.
 * Ranges are created as soon as a highlight settles; they are live, so later page mutations
 * move them along. Text offsets are not live: if the page mutates the root while we are
 * yielded (a MutationObserver tells), the index is rebuilt before the next highlight.
 * A single highlight is never split across tasks; its cost is bounded in match-quote.ts.
 */
export async function anchorAllChunked<T extends AnchorSelectors>(
  root: Element,
  items: readonly T[],
  options: ChunkedAnchorOptions = {},
): Promise<AnchorOutcome<T>[]> {
  const budget = options.yieldEvery ?? 30;
  const signal = options.signal;
  const Observer = root.ownerDocument.defaultView?.MutationObserver;
  const observer = Observer ? new Observer(() => {}) : null;
  observer?.observe(root, { childList: true, characterData: true, subtree: true });

  // The index walk counts against the first slice, so a slow walk is followed by a yield.
  let sliceStart = now();
  let index = TextIndex.build(root);
  const checkpoint = async (): Promise<void> => {
    if (now() - sliceStart < budget) return;
    await yieldToEventLoop();
    signal?.throwIfAborted();
    if (observer && observer.takeRecords().length) index = TextIndex.build(root);
    sliceStart = now();
  };

  try {
    signal?.throwIfAborted();
    const outcomes: Array<AnchorOutcome<T> | undefined> = new Array(items.length);
    const passes: ExactPass[] = new Array(items.length);
    const passedOn: TextIndex[] = new Array(items.length);
    let shift = 0;
    for (const i of inStoredOrder(items)) {
      await checkpoint();
      const item = items[i]!;
      const pass = exactPass(index.text, item, shift);
      passes[i] = pass;
      passedOn[i] = index;
      shift = shiftOf(item, pass) ?? shift;
      if (pass.settled) outcomes[i] = { item, anchor: toAnchor(index, pass.match) };
    }
    const shifts = collectShifts(items, passes);
    for (let i = 0; i < items.length; i++) {
      if (outcomes[i]) continue;
      await checkpoint();
      const item = items[i]!;
      // Offsets from an older index are meaningless now; redo the cheap pass if it changed.
      const pass = passedOn[i] === index ? passes[i]! : exactPass(index.text, item);
      const match = pass.settled ? pass.match : fuzzyPass(index.text, item, pass, hintsFor(item, shifts));
      outcomes[i] = { item, anchor: toAnchor(index, match) };
    }
    return outcomes as AnchorOutcome<T>[];
  } finally {
    observer?.disconnect();
  }
}
