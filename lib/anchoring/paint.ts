/**
 * Showing anchored highlights, and mapping a click back to the highlight under it.
 *
 * Preferred: the CSS Custom Highlight API. Ranges are registered in `CSS.highlights`, one
 * `Highlight` per colour (named `talkmark-<colour>`), styled by `::highlight()` rules. The page's
 * DOM is not touched, so page scripts (React hydration, comment widgets) cannot trip over us
 * and we cannot trip over them.
 *
 * Fallback (older browsers): wrap the highlighted parts of Text nodes in
 * `<mark data-talkmark-id>`. That splits Text nodes, so the painter remembers every split and
 * `unpaint` glues the same nodes back together: the DOM returns to exactly what it was, node
 * identity of the original Text nodes included. Only our own splits are merged, never
 * `normalize()`, which would also merge Text nodes the page had kept apart.
 *
 * All state lives in the returned `Painter` (and in the document's highlight registry).
 */

import { isIndexedText } from './text-index';

export interface PaintItem {
  id: string;
  range: Range;
  /** A palette name (`yellow`, …) or any string; it is reduced to a CSS identifier. */
  color: string;
}

export type PaintMode = 'custom-highlight' | 'mark';

export interface PaintOptions {
  /**
   * 'auto' (default) and 'custom-highlight' use the Custom Highlight API where the document's
   * window has it, else marks; 'mark' forces the fallback. One painter per document: mark
   * painters nest their splits, so two of them must be unpainted in reverse order.
   */
  mode?: PaintMode | 'auto';
}

export interface Painter {
  readonly mode: PaintMode;
  /** Paints more highlights; an id painted already is repainted with its new range/colour. */
  add(items: readonly PaintItem[]): void;
  remove(ids: Iterable<string>): void;
  /** Removes every highlight this painter painted; in mark mode the DOM is restored exactly. */
  unpaint(): void;
  /** The id of the highlight containing a DOM point; the last painted wins where they overlap. */
  highlightIdAt(node: Node, offset: number): string | null;
  /** The id of the highlight under a viewport point (a click's clientX/clientY), or null. */
  hitTest(x: number, y: number): string | null;
  ids(): string[];
}

export const MARK_ID_ATTRIBUTE = 'data-talkmark-id';
export const MARK_COLOR_ATTRIBUTE = 'data-talkmark-color';

/** Default palette: translucent, so text stays readable in light and dark themes. */
export const HIGHLIGHT_PALETTE: Readonly<Record<string, string>> = {
  yellow: 'rgba(255,212,0,.4)',
  green: 'rgba(64,192,87,.35)',
  blue: 'rgba(51,154,240,.3)',
  pink: 'rgba(240,101,149,.35)',
  purple: 'rgba(132,94,247,.3)',
};

/** The CSS identifier for a colour: `talkmark-yellow`. Unusable names fall back to yellow. */
export function colorKey(color: string): string {
  return color.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'yellow';
}

export function highlightName(color: string): string {
  return `talkmark-${colorKey(color)}`;
}

/**
 * The style sheet the caller injects into the page's document (not into a shadow root:
 * `::highlight()` rules only style the tree their sheet belongs to). Covers both modes.
 * Written minified: it ships in the injected highlighter, which has a 30 kB budget.
 */
export function highlightCss(colors: Readonly<Record<string, string>> = HIGHLIGHT_PALETTE): string {
  const fallback = colors.yellow ?? Object.values(colors)[0] ?? HIGHLIGHT_PALETTE.yellow!;
  const rules = [
    `mark[${MARK_ID_ATTRIBUTE}]{background-color:${fallback};color:inherit;padding:0;border-radius:0;cursor:pointer}`,
  ];
  for (const [name, value] of Object.entries(colors)) {
    const key = colorKey(name);
    rules.push(`::highlight(${highlightName(key)}){background-color:${value}}`);
    rules.push(`mark[${MARK_ID_ATTRIBUTE}][${MARK_COLOR_ATTRIBUTE}="${key}"]{background-color:${value}}`);
  }
  return rules.join('');
}

export const HIGHLIGHT_CSS = highlightCss();

/** The slice of the Custom Highlight API we use; lib.dom's `Highlight` clashes with our model. */
interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  readonly size: number;
}
interface HighlightRegistryLike {
  get(name: string): HighlightLike | undefined;
  set(name: string, highlight: HighlightLike): unknown;
  delete(name: string): boolean;
}
type HighlightConstructor = new (...ranges: AbstractRange[]) => HighlightLike;
interface HighlightWindow {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: HighlightConstructor;
}

function highlightApi(doc: Document): { registry: HighlightRegistryLike; Highlight: HighlightConstructor } | null {
  const win = doc.defaultView as HighlightWindow | null;
  const registry = win?.CSS?.highlights;
  const Highlight = win?.Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : null;
}

export function supportsCustomHighlights(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

/** Paints `items` and returns the painter that owns them. */
export function paintHighlights(doc: Document, items: readonly PaintItem[], options: PaintOptions = {}): Painter {
  const api = options.mode === 'mark' ? null : highlightApi(doc);
  const painter: Painter = api ? new CustomHighlightPainter(doc, api.registry, api.Highlight) : new MarkPainter(doc);
  painter.add(items);
  return painter;
}

/** The caret position under a viewport point, through whichever API the browser has. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & { caretPositionFromPoint?: Document['caretPositionFromPoint'] };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const p = withPosition.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof withRange.caretRangeFromPoint === 'function') {
    const r = withRange.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * A caret position is only the nearest insertion point: clicking in the margin past a line's
 * end still yields one. Where layout exists, require the point to be on one of the range's boxes.
 */
function rangeCoversPoint(range: Range, x: number, y: number): boolean {
  if (typeof range.getClientRects !== 'function') return true;
  const rects = Array.from(range.getClientRects());
  if (!rects.length) return true; // No layout (tests, hidden content): the caret must do.
  return rects.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

class CustomHighlightPainter implements Painter {
  readonly mode = 'custom-highlight' as const;
  /** Insertion-ordered, so "last painted" is the end of the map. */
  readonly #items = new Map<string, { range: Range; name: string }>();

  readonly #doc: Document;
  readonly #registry: HighlightRegistryLike;
  readonly #Highlight: HighlightConstructor;

  constructor(doc: Document, registry: HighlightRegistryLike, Highlight: HighlightConstructor) {
    this.#doc = doc;
    this.#registry = registry;
    this.#Highlight = Highlight;
  }

  add(items: readonly PaintItem[]): void {
    for (const { id, range, color } of items) {
      this.remove([id]);
      const name = highlightName(color);
      let highlight = this.#registry.get(name);
      if (!highlight) {
        highlight = new this.#Highlight();
        this.#registry.set(name, highlight);
      }
      highlight.add(range);
      this.#items.set(id, { range, name });
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const item = this.#items.get(id);
      if (!item) continue;
      this.#items.delete(id);
      const highlight = this.#registry.get(item.name);
      if (!highlight) continue;
      highlight.delete(item.range);
      // Another painter (a second content-script instance) may share the name: drop only empties.
      if (highlight.size === 0) this.#registry.delete(item.name);
    }
  }

  unpaint(): void {
    this.remove([...this.#items.keys()]);
  }

  highlightIdAt(node: Node, offset: number): string | null {
    return this.#containing(node, offset)[0] ?? null;
  }

  hitTest(x: number, y: number): string | null {
    const caret = caretAt(this.#doc, x, y);
    if (!caret) return null;
    return (
      this.#containing(caret.node, caret.offset).find((id) => rangeCoversPoint(this.#items.get(id)!.range, x, y)) ??
      null
    );
  }

  ids(): string[] {
    return [...this.#items.keys()];
  }

  /** Ids whose range contains the point (both ends inclusive), last painted first. */
  #containing(node: Node, offset: number): string[] {
    const hits: string[] = [];
    for (const [id, { range }] of this.#items) {
      try {
        if (!range.collapsed && range.isPointInRange(node, offset)) hits.push(id);
      } catch {
        /* a point in another document or past a node's end lies in no range */
      }
    }
    return hits.reverse();
  }
}

/** A highlighted stretch of one original (unsplit) Text node. */
interface Segment {
  node: Text;
  start: number;
  end: number;
}

const isText = (n: Node): n is Text => n.nodeType === 3 || n.nodeType === 4;

/** Next node in document order inside `root`, not entering `node`'s children. */
function nextSkippingChildren(node: Node, root: Node): Node | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nextSibling) return n.nextSibling;
  }
  return null;
}

/** The indexed Text node stretches a range covers, walked from its start only. */
function textSegments(range: Range): Segment[] {
  const out: Segment[] = [];
  if (range.collapsed) return out;
  const { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
  const root = range.commonAncestorContainer;
  // The first node past the end boundary; walking stops there (no tree-order comparisons).
  const stop = isText(ec) ? null : (ec.childNodes[eo] ?? nextSkippingChildren(ec, root));
  let node: Node | null = isText(sc) ? sc : (sc.childNodes[so] ?? nextSkippingChildren(sc, root));
  while (node && node !== stop) {
    if (isText(node)) {
      const start = node === sc ? so : 0;
      const end = node === ec ? eo : node.data.length;
      if (end > start && isIndexedText(node)) out.push({ node, start, end });
      if (node === ec) break;
    }
    node = node.firstChild ?? nextSkippingChildren(node, root);
  }
  return out;
}

/**
 * Parents where a `<mark>` around white space would be invalid or visible as a stray box:
 * the indentation between `<li>`s or table rows is in the text, but must not be wrapped.
 */
const STRUCTURAL_PARENTS: ReadonlySet<string> = new Set([
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'colgroup',
  'select',
  'optgroup',
  'datalist',
  'head',
  'html',
]);

class MarkPainter implements Painter {
  readonly mode = 'mark' as const;
  /** Segments are kept in original-node terms, so repainting after `unrender` is exact. */
  readonly #items = new Map<string, { color: string; segments: Segment[] }>();
  /** Insertion order is creation order: innermost marks first. */
  #marks = new Set<Element>();
  #splits: Array<{ node: Text; tails: Text[] }> = [];
  /** While painted: each split-off tail → its original node and offset there. */
  #tails = new Map<Text, { node: Text; offset: number }>();

  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
  }

  add(items: readonly PaintItem[]): void {
    // Read the new ranges before touching the DOM: unrendering moves their boundaries.
    const fresh = items.map((item) => ({
      ...item,
      segments: textSegments(item.range).map((s) => this.#toOriginal(s)),
    }));
    this.#unrender();
    for (const { id, color, segments } of fresh) {
      this.#items.delete(id);
      this.#items.set(id, { color: colorKey(color), segments });
    }
    this.#render();
  }

  remove(ids: Iterable<string>): void {
    this.#unrender();
    for (const id of ids) this.#items.delete(id);
    this.#render();
  }

  unpaint(): void {
    this.#unrender();
    this.#items.clear();
  }

  highlightIdAt(node: Node, offset: number): string | null {
    const at: Node = isText(node) ? node : (node.childNodes[offset] ?? node);
    return this.#idFrom(at.nodeType === 1 ? (at as Element) : at.parentElement);
  }

  hitTest(x: number, y: number): string | null {
    // Marks are elements, so the element under the point is exact; the caret is the fallback.
    if (typeof this.#doc.elementFromPoint === 'function') {
      return this.#idFrom(this.#doc.elementFromPoint(x, y));
    }
    const caret = caretAt(this.#doc, x, y);
    return caret ? this.highlightIdAt(caret.node, caret.offset) : null;
  }

  ids(): string[] {
    return [...this.#items.keys()];
  }

  /** The id of the nearest of our marks at or above `el`: the innermost, i.e. last painted. */
  #idFrom(el: Element | null): string | null {
    for (let e = el; e; e = e.parentElement) {
      if (this.#marks.has(e)) return e.getAttribute(MARK_ID_ATTRIBUTE);
    }
    return null;
  }

  #toOriginal(s: Segment): Segment {
    const origin = this.#tails.get(s.node);
    return origin ? { node: origin.node, start: s.start + origin.offset, end: s.end + origin.offset } : s;
  }

  #render(): void {
    const byNode = new Map<Text, Array<Segment & { id: string; color: string }>>();
    for (const [id, { color, segments }] of this.#items) {
      for (const s of segments) {
        if (!s.node.parentNode || s.end > s.node.data.length) continue; // The page changed it.
        const list = byNode.get(s.node) ?? [];
        list.push({ ...s, id, color });
        byNode.set(s.node, list);
      }
    }
    for (const [node, segments] of byNode) {
      const cuts = [...new Set(segments.flatMap((s) => [s.start, s.end]))]
        .filter((c) => c > 0 && c < node.data.length)
        .sort((a, b) => a - b);
      const pieces: Text[] = [node];
      const tails: Text[] = [];
      for (let k = cuts.length - 1; k >= 0; k--) tails.unshift(node.splitText(cuts[k]!));
      cuts.forEach((cut, k) => this.#tails.set(tails[k]!, { node, offset: cut }));
      pieces.push(...tails);
      if (tails.length) this.#splits.push({ node, tails });
      const bounds = [0, ...cuts];
      pieces.forEach((piece, k) => {
        const from = bounds[k]!;
        const covering = segments.filter((s) => s.start <= from && s.end > from);
        if (!covering.length) return;
        const parent = piece.parentElement;
        if (!piece.data.trim() && parent && STRUCTURAL_PARENTS.has(parent.localName)) return;
        // Later items nest inside earlier ones, so the innermost mark is the last painted.
        let target: Node = piece;
        for (let j = covering.length - 1; j >= 0; j--) {
          const mark = this.#doc.createElement('mark');
          mark.setAttribute(MARK_ID_ATTRIBUTE, covering[j]!.id);
          mark.setAttribute(MARK_COLOR_ATTRIBUTE, covering[j]!.color);
          target.parentNode!.insertBefore(mark, target);
          mark.appendChild(target);
          this.#marks.add(mark);
          target = mark;
        }
      });
    }
  }

  #unrender(): void {
    // Innermost first (they were created innermost first), so each unwrap sees a live parent.
    for (const mark of this.#marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    }
    for (const { node, tails } of this.#splits) {
      for (const tail of tails) {
        // Glue back only what is still where we left it; a page that moved nodes keeps them.
        if (tail.parentNode !== node.parentNode || !tail.parentNode) continue;
        node.appendData(tail.data);
        tail.parentNode.removeChild(tail);
      }
    }
    this.#marks = new Set();
    this.#splits = [];
    this.#tails = new Map();
  }
}
