/**
 * Browser side of the re-anchoring benchmark (bundled by run.mjs into an IIFE, global `__bench`).
 *
 * `prepare()` runs once on the original article: 100 highlights described as the highlighter
 * stores them, then 20 % of them edited in the middle and a paragraph inserted at the top, as in
 * test/unit/anchoring/perf.test.ts. It returns the selectors and the edited page's HTML, which
 * the runner then serves, so every measured run is a fresh page anchoring cold.
 *
 * `ours()` is what the content script does (`anchorAllChunked(document.body, …)`); `peer()` is
 * Hypothesis's matching order: verbatim occurrences first, approx-string-match over the whole
 * text only for a quote with none, then the best candidate by quote, context and position.
 */
import search from 'approx-string-match';
import { anchorAllChunked, describeRange, TextIndex, type AnchorSelectors } from '../../../lib/anchoring';
import { pickSpans, seededRandom } from '../../../test/fixtures/articles/generate';

export const EDIT = 'ZQX!';
type Bench = AnchorSelectors & { id: string };

export function prepare(count = 100, editedCount = 20): { highlights: Bench[]; edited: number[]; html: string } {
  const root = document.body;
  const index = TextIndex.build(root);
  const spans = pickSpans(index.length, count, { seed: 3 });
  const highlights = spans.map(
    ([s, e], i): Bench => ({ id: `h${i}`, ...describeRange(root, index.rangeAt(s, e), { index }) }),
  );
  const rand = seededRandom(5);
  const edited = new Set<number>();
  while (edited.size < editedCount) edited.add(Math.floor(rand() * spans.length));
  // Edit from the end so earlier offsets stay valid: 3 characters become 4 in each edited quote.
  for (const i of [...edited].sort((a, b) => b - a)) {
    const [s, e] = spans[i]!;
    const p = index.pointAt(Math.floor((s + e) / 2), 'forward')!;
    p.node.replaceData(p.offset, Math.min(3, p.node.data.length - p.offset), EDIT);
  }
  // And a paragraph inserted at the top moves everything that follows.
  const note = document.createElement('p');
  note.textContent = 'Update: this post was revised after the talk. '.repeat(12);
  document.querySelector('h1')!.after(note);
  return {
    highlights,
    edited: [...edited].sort((a, b) => a - b),
    html: `<!doctype html>\n${document.documentElement.outerHTML}`,
  };
}

function correct(got: string | null, h: Bench, isEdited: boolean): boolean {
  if (got === null) return false;
  return isEdited ? got.includes(EDIT) : got === h.quote.exact;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Our anchoring, as the content script runs it. Slices (work between two yields) are timed by
 * wrapping `scheduler.yield`, which anchorAllChunked calls between slices; a `longtask`
 * PerformanceObserver confirms from the browser's side (it only reports tasks over 50 ms).
 */
export async function ours(highlights: Bench[], edited: number[]) {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  const original = scheduler?.yield;
  if (!scheduler || !original) throw new Error('scheduler.yield() is missing: slice timing would be wrong');
  const slices: number[] = [];
  let sliceStart = 0;
  scheduler.yield = () => {
    slices.push(performance.now() - sliceStart);
    return original.call(scheduler).then(() => {
      sliceStart = performance.now();
    });
  };
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask' });
  let outcomes;
  const t0 = performance.now();
  sliceStart = t0;
  try {
    outcomes = await anchorAllChunked(document.body, highlights);
  } finally {
    scheduler.yield = original;
  }
  const t1 = performance.now();
  slices.push(t1 - sliceStart);
  await new Promise((r) => setTimeout(r, 150)); // long task entries arrive after their task
  observer.disconnect();
  const editedSet = new Set(edited);
  let ok = 0;
  const methods: Record<string, number> = {};
  outcomes.forEach(({ item, anchor }, i) => {
    if (anchor) methods[anchor.method] = (methods[anchor.method] ?? 0) + 1;
    if (correct(anchor ? anchor.range.toString() : null, item, editedSet.has(i))) ok++;
  });
  return { total: t1 - t0, longestSlice: Math.max(...slices), slices: slices.length, longTasks, correct: ok, methods };
}

// ---------------------------------------------------------------------------------------------
// The peer: Hypothesis's matching order (hypothesis/client, src/annotator/anchoring/match-quote.ts,
// written here from its description, not copied). Candidates are every verbatim occurrence of the
// quote; only when there is none, approx-string-match over the whole text with up to
// min(256, length / 2) errors. Each candidate is scored on quote, prefix, suffix (each context
// compared the same way: verbatim first, else approximate) and distance to the stored position,
// weights 50/20/20/2; the best wins.

type Candidate = { start: number; end: number; errors: number };

/** Verbatim occurrences of `needle` (overlapping ones too), else the approximate matches. */
function candidates(text: string, needle: string, maxErrors: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1))
    found.push({ start: at, end: at + needle.length, errors: 0 });
  return found.length ? found : search(text, needle, maxErrors);
}

/** 1 for a verbatim context, less by the share of its characters that differ. */
function contextScore(expected: string, actual: string): number {
  if (!expected || !actual) return 0;
  const found = candidates(actual, expected, expected.length);
  return 1 - (found[0]?.errors ?? expected.length) / expected.length;
}

function peerMatch(text: string, h: Bench): { start: number; end: number } | null {
  const exact = h.quote.exact;
  if (!exact) return null;
  const matches = candidates(text, exact, Math.min(256, exact.length / 2));
  const hint = h.position?.start;
  let best: { start: number; end: number } | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quote = 1 - m.errors / exact.length;
    const prefix = h.quote.prefix
      ? contextScore(h.quote.prefix, text.slice(Math.max(0, m.start - h.quote.prefix.length), m.start))
      : 1;
    const suffix = h.quote.suffix ? contextScore(h.quote.suffix, text.slice(m.end, m.end + h.quote.suffix.length)) : 1;
    const position = typeof hint === 'number' ? 1 - Math.abs(m.start - hint) / text.length : 1;
    const score = (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}

/** Synchronous, like one Hypothesis anchoring pass; per-highlight times tell its longest task if each got its own. */
export function peer(highlights: Bench[], edited: number[]) {
  const t0 = performance.now();
  const text = document.body.textContent ?? '';
  const perHighlight: number[] = [];
  const editedSet = new Set(edited);
  let ok = 0;
  highlights.forEach((h, i) => {
    const s = performance.now();
    const m = peerMatch(text, h);
    perHighlight.push(performance.now() - s);
    if (correct(m ? text.slice(m.start, m.end) : null, h, editedSet.has(i))) ok++;
  });
  const total = performance.now() - t0;
  return { total, longestHighlight: Math.max(...perHighlight), correct: ok };
}
