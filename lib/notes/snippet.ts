import { foldWithMap } from './fold';

export interface Snippet {
  /** An excerpt of the original text, with `…` where it was cut. */
  text: string;
  /** [start, end) ranges in `text` where query terms occur, sorted, non-overlapping. */
  marks: Array<[number, number]>;
}

export const SNIPPET_LENGTH = 160;
/** How much text to keep before the first match, so it reads in context. */
const LEAD = 40;

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Widens a cut to the nearest space, so words are not split when one is close. */
function toWordStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.lastIndexOf(' ', at);
  return space >= 0 && at - space < 15 ? space + 1 : at;
}

/**
 * An excerpt of `text` around the first occurrence of any term, with every occurrence marked.
 * `terms` must be folded (see `queryTerms`); whitespace runs are collapsed for display.
 */
export function makeSnippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const { folded, toOriginal } = foldWithMap(flat);
  const hits: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      hits.push([toOriginal[at]!, toOriginal[at + term.length]!]);
    }
  }
  const ranges = mergeRanges(hits);
  const first = ranges[0]?.[0] ?? 0;
  const start =
    flat.length <= length ? 0 : toWordStart(flat, Math.min(Math.max(0, first - LEAD), flat.length - length));
  const end = Math.min(flat.length, start + length);
  const head = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const marks = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): [number, number] => [
      Math.max(s, start) - start + head.length,
      Math.min(e, end) - start + head.length,
    ]);
  return { text: head + flat.slice(start, end) + tail, marks };
}
