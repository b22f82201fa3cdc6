/**
 * Anchoring: turning a user's selection into stored selectors, finding those selectors again on
 * a later visit of a (possibly changed) page, and painting what was found. Pure DOM + strings:
 * no extension APIs, so the content script owns lifecycles and storage.
 *
 * Typical content-script flow (one root, e.g. `document.body`, for describing AND anchoring):
 *   const pageUrl = canonicalPageUrl(document, location.href);            // storage key
 *   const outcomes = await anchorAllChunked(document.body, highlights);     // null anchor = orphan
 *   inject HIGHLIGHT_CSS into the document (not a shadow root), once;
 *   const painter = paintHighlights(document, anchored items → { id, range, color });
 *   on mouseup: describeRange(document.body, selection.getRangeAt(0), { trimWhitespace: true });
 *   on click: painter.hitTest(event.clientX, event.clientY) → highlight id | null.
 */

export { TextIndex, IGNORE_ATTRIBUTE, type TextPoint } from './text-index';
export { describeRange, CONTEXT_LENGTH, type RangeSelectors, type DescribeOptions } from './describe';
export {
  anchor,
  anchorAll,
  anchorAllChunked,
  type Anchor,
  type AnchorSelectors,
  type AnchorOutcome,
  type AnchorOptions,
  type ChunkedAnchorOptions,
} from './anchor';
export { matchExact, matchFuzzy, type Quote, type QuoteMatch, type MatchOptions } from './match-quote';
export { MAX_ERROR_RATE, MIN_FUZZY_SCORE } from './score';
export {
  paintHighlights,
  supportsCustomHighlights,
  highlightCss,
  highlightName,
  HIGHLIGHT_CSS,
  HIGHLIGHT_PALETTE,
  MARK_ID_ATTRIBUTE,
  MARK_COLOR_ATTRIBUTE,
  type Painter,
  type PaintItem,
  type PaintMode,
  type PaintOptions,
} from './paint';
export { canonicalPageUrl, cleanPageUrl } from './page-url';
