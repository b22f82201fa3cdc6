/**
 * Range → selectors. The inverse of `anchor`: both read the same `TextIndex` text, so a range
 * described on a page anchors back to the very same text offsets on that unchanged page.
 */

import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { TextIndex } from './text-index';

/**
 * Characters of context kept on each side of the quote. 32 is what the W3C examples and most
 * annotators use: enough to tell repeated phrases apart, short enough to survive nearby edits.
 */
export const CONTEXT_LENGTH = 32;

export interface RangeSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

export interface DescribeOptions {
  /** Reuse an index built for this root (e.g. the one a batch of anchors used). */
  index?: TextIndex;
  /**
   * Shrink the described span past leading/trailing white space. Browsers put the line break
   * and source indentation of the next block into triple-click selections; that white space is
   * the least stable part of a page, so a quote is sturdier without it. Off by default so
   * `describeRange` describes exactly the range it was given.
   */
  trimWhitespace?: boolean;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** `text.slice(from, to)` widened/narrowed so context never holds half an emoji. */
function contextSlice(text: string, from: number, to: number, side: 'prefix' | 'suffix'): string {
  let a = Math.max(0, from);
  let b = Math.min(text.length, to);
  if (side === 'prefix' && a > 0 && isLowSurrogate(text.charCodeAt(a))) a += 1;
  if (side === 'suffix' && b < text.length && isHighSurrogate(text.charCodeAt(b - 1))) b -= 1;
  return a < b ? text.slice(a, b) : '';
}

/**
 * The TextQuote and TextPosition selectors of `range`, measured in `root`'s indexed text (see
 * `text-index.ts`). Parts of the range outside `root` are clipped; a collapsed range gives an
 * empty `exact`, which `anchor` refuses, so callers should not store it.
 */
export function describeRange(root: Element, range: AbstractRange, options: DescribeOptions = {}): RangeSelectors {
  const index = options.index ?? TextIndex.build(root);
  const text = index.text;
  let { start, end } = index.offsetsOf(range);
  if (options.trimWhitespace) {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: contextSlice(text, start - CONTEXT_LENGTH, start, 'prefix'),
      suffix: contextSlice(text, end, end + CONTEXT_LENGTH, 'suffix'),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
