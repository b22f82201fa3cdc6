/**
 * The text a root element "says", and the map between offsets in that text and DOM points.
 *
 * Both selectors Talkmark stores (TextQuote, TextPosition) are expressed in this one text, so
 * `describeRange` and `anchor` must build it the same way. The rules:
 *
 * - Raw character data, concatenated in document order, exactly as the Text nodes hold it. White
 *   space is NOT collapsed: raw data is what DOM offsets count, so the mapping stays a cheap
 *   "node start + offset" and is trivially symmetric. The price is that a re-indented page costs a
 *   few fuzzy-match errors per line break inside a quote; the fuzzy matcher absorbs that.
 *   Callers who show `quote.exact` to people should collapse white space for display only.
 * - Text inside `<script>`, `<style>`, `<noscript>` and `<template>` is skipped: it is never
 *   visible, and inline scripts (analytics state, nonces) change between visits, which would shift
 *   every stored position after them. `<noscript>` content is raw text when scripting is on.
 * - Elements marked `data-talkmark-ignore` are skipped too, so in-page UI the extension adds to
 *   the light DOM never shifts offsets. Shadow roots are not entered (as `textContent` does not).
 * - `<mark>` elements added by the fallback painter do not change the text, so describing a new
 *   selection while highlights are painted gives the same selectors as on a clean page.
 *
 * The index is a snapshot: build it once per batch of anchors, and again after the DOM changes.
 */

/** Element names whose text is never part of the indexed text. */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** Attribute that excludes an element (and its subtree) from the indexed text. */
export const IGNORE_ATTRIBUTE = 'data-talkmark-ignore';

const SKIPPED_SELECTOR = [...SKIPPED_ELEMENTS, `[${IGNORE_ATTRIBUTE}]`].join(',');

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

/** A DOM boundary point inside a Text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

function isSkipped(el: Element): boolean {
  return SKIPPED_ELEMENTS.has(el.localName) || el.hasAttribute(IGNORE_ATTRIBUTE);
}

/** Whether a Text node is part of the indexed text of any root (used by the painter). */
export function isIndexedText(node: Text): boolean {
  return !node.parentElement?.closest(SKIPPED_SELECTOR);
}

export class TextIndex {
  readonly root: Element;
  /** The concatenated text; every offset in this module counts UTF-16 code units of it. */
  readonly text: string;
  /** Non-empty indexed Text nodes in document order, and where each starts in `text`. */
  readonly #nodes: Text[];
  readonly #starts: number[];
  /** Built on first use: anchoring never needs it, describing does. */
  #positionOfNode: Map<Node, number> | undefined;

  private constructor(root: Element, nodes: Text[], starts: number[], text: string) {
    this.root = root;
    this.#nodes = nodes;
    this.#starts = starts;
    this.text = text;
  }

  /**
   * Walks the subtree once. A hand-rolled walk (firstChild/nextSibling) instead of a TreeWalker
   * with a filter callback: it prunes skipped subtrees without a JS call per node.
   */
  static build(root: Element): TextIndex {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const parts: string[] = [];
    let length = 0;
    let node: Node | null = root.firstChild;
    while (node) {
      const type = node.nodeType;
      let descend = false;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          nodes.push(node as Text);
          starts.push(length);
          parts.push(data);
          length += data.length;
        }
      } else if (type === ELEMENT_NODE) {
        descend = !isSkipped(node as Element);
      }
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      // Next sibling, or the next sibling of the nearest ancestor below root that has one.
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = !node || node === root ? null : node.nextSibling;
    }
    return new TextIndex(root, nodes, starts, parts.join(''));
  }

  get length(): number {
    return this.text.length;
  }

  /**
   * The text offset of a DOM boundary point, clamped into [0, length]. Points inside an indexed
   * Text node map directly; any other point (between elements, inside skipped content, in an
   * empty Text node) maps to the start of the first indexed Text node at or after it, found by
   * binary search with `Range.comparePoint`, so it costs O(log n) DOM comparisons.
   */
  offsetAt(container: Node, offset: number): number {
    const i = this.#nodePosition(container);
    if (i !== undefined) {
      const node = this.#nodes[i]!;
      return this.#starts[i]! + Math.max(0, Math.min(offset, node.data.length));
    }
    const doc = this.root.ownerDocument;
    const probe = doc.createRange();
    try {
      probe.setStart(container, offset);
    } catch {
      return 0; // Not a boundary point at all (a doctype, an offset past the end).
    }
    let lo = 0;
    let hi = this.#nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let cmp: number;
      try {
        // -1: the node's start is before the point; 0: equal; 1: after.
        cmp = probe.comparePoint(this.#nodes[mid]!, 0);
      } catch {
        return 0; // A point in another tree: nothing sensible to clamp to but the start.
      }
      if (cmp < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.#nodes.length ? this.#starts[lo]! : this.length;
  }

  /**
   * The DOM point for a text offset. At a boundary between two Text nodes the same offset names
   * two points: `forward` picks the start of the later node (right for a range start, so a range
   * never begins with an empty tail of the previous node), `backward` the end of the earlier one
   * (right for a range end). Null when the root has no text at all.
   */
  pointAt(offset: number, affinity: 'forward' | 'backward'): TextPoint | null {
    const count = this.#nodes.length;
    if (count === 0) return null;
    const o = Math.max(0, Math.min(offset, this.length));
    if (affinity === 'forward') {
      if (o >= this.length) {
        const last = this.#nodes[count - 1]!;
        return { node: last, offset: last.data.length };
      }
      return this.#pointIn(this.#lastNodeStartingAtOrBefore(o), o);
    }
    if (o <= 0) return { node: this.#nodes[0]!, offset: 0 };
    // The node that contains the character just before `o`.
    return this.#pointIn(this.#lastNodeStartingAtOrBefore(o - 1), o);
  }

  /** A live Range over [start, end) of the text (clamped; collapsed when empty). */
  rangeAt(start: number, end: number): Range {
    const range = this.root.ownerDocument.createRange();
    const from = this.pointAt(start, 'forward');
    if (!from) {
      range.selectNodeContents(this.root);
      range.collapse(true);
      return range;
    }
    // Start from the start node's contents so each setter compares nearby points only: a fresh
    // range sits at (document, 0), and some DOMs (jsdom) compare tree order by walking nodes.
    range.selectNodeContents(from.node);
    range.setStart(from.node, from.offset);
    const to = end > start ? this.pointAt(end, 'backward')! : from;
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** [start, end) of a Range in the text; a range reaching outside the root is clipped. */
  offsetsOf(range: AbstractRange): { start: number; end: number } {
    const start = this.offsetAt(range.startContainer, range.startOffset);
    const end = this.offsetAt(range.endContainer, range.endOffset);
    return { start, end: Math.max(start, end) };
  }

  /** Clamped to the node's current length: a stale index must not make Range setters throw. */
  #pointIn(i: number, o: number): TextPoint {
    const node = this.#nodes[i]!;
    return { node, offset: Math.min(o - this.#starts[i]!, node.data.length) };
  }

  #lastNodeStartingAtOrBefore(o: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.#starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  #nodePosition(node: Node): number | undefined {
    if (node.nodeType !== TEXT_NODE && node.nodeType !== CDATA_SECTION_NODE) return undefined;
    if (!this.#positionOfNode) {
      this.#positionOfNode = new Map();
      this.#nodes.forEach((n, i) => this.#positionOfNode!.set(n, i));
    }
    return this.#positionOfNode.get(node);
  }
}
