import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorAll,
  describeRange,
  HIGHLIGHT_CSS,
  highlightName,
  paintHighlights,
  supportsCustomHighlights,
  TextIndex,
  type PaintItem,
} from '../../../lib/anchoring';
import { loadArticle, rangeOfText } from './helpers';

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

const needles = [
  'what if the paved road was something teams could walk on without asking? A paved', // spans <em>
  'found creative ways around them, and we', // spans a link
  'otel exporter   DRIFT', // inside a code block
  'wired in.\n        A golden path document', // across list items
  'the paved road was something', // overlaps the first
  'golden path document that explains', // overlaps the fourth, adjacent text
];

describe('mark fallback', () => {
  it('wraps highlighted text in marks without changing the text, and unpaint restores the DOM exactly', () => {
    const { doc, root } = loadArticle();
    const before = root.innerHTML;
    const nodesBefore = textNodes(root);
    const textBefore = TextIndex.build(root).text;
    const items: PaintItem[] = needles.map((n, i) => ({
      id: `h${i}`,
      range: rangeOfText(root, n),
      color: i % 2 ? 'green' : 'yellow',
    }));
    const painter = paintHighlights(doc, items, { mode: 'mark' });
    expect(painter.mode).toBe('mark');
    const marks = Array.from(root.querySelectorAll('mark[data-talkmark-id]'));
    expect(new Set(marks.map((m) => m.getAttribute('data-talkmark-id')))).toEqual(new Set(items.map((i) => i.id)));
    expect(root.innerHTML).not.toBe(before);
    expect(TextIndex.build(root).text).toBe(textBefore);
    // White space between list items is in the text but never wrapped where a mark is invalid.
    expect(root.querySelector('ul > mark, ol > mark')).toBeNull();
    // Everything each highlight covers is inside a mark carrying its id.
    for (const [i, n] of needles.entries()) {
      const own = marks
        .filter((m) => m.getAttribute('data-talkmark-id') === `h${i}`)
        .map((m) => m.textContent)
        .join('');
      expect(own.replace(/\s+/g, ' ')).toBe(n.replace(/\s+/g, ' ').replace('wired in. A', 'wired in.A'));
    }
    painter.unpaint();
    expect(root.innerHTML).toBe(before);
    expect(textNodes(root)).toEqual(nodesBefore); // The very same Text nodes, merged back.
    expect(painter.ids()).toEqual([]);
  });

  it('maps a point back to the innermost (last painted) highlight', () => {
    const { doc, root } = loadArticle();
    const painter = paintHighlights(
      doc,
      [
        { id: 'outer', range: rangeOfText(root, needles[0]!), color: 'yellow' },
        { id: 'inner', range: rangeOfText(root, 'paved road'), color: 'blue' },
      ],
      { mode: 'mark' },
    );
    const inner = root.querySelector('mark[data-talkmark-id="inner"]')!;
    expect(inner.parentElement!.getAttribute('data-talkmark-id')).toBe('outer');
    expect(painter.highlightIdAt(inner.firstChild!, 2)).toBe('inner');
    const outerOnly = Array.from(root.querySelectorAll('mark[data-talkmark-id="outer"]')).find(
      (m) => !m.querySelector('mark'),
    )!;
    expect(painter.highlightIdAt(outerOnly.firstChild!, 0)).toBe('outer');
    expect(painter.highlightIdAt(root.querySelector('h1')!.firstChild!, 0)).toBeNull();
  });

  it('adds and removes highlights incrementally, ranges taken on the painted DOM included', () => {
    const { doc, root } = loadArticle();
    const before = root.innerHTML;
    const painter = paintHighlights(
      doc,
      [{ id: 'a', range: rangeOfText(root, 'Boring is the point'), color: 'yellow' }],
      { mode: 'mark' },
    );
    // The next range is computed while marks split the text nodes.
    const range = rangeOfText(root, 'is the point: when something breaks');
    painter.add([{ id: 'b', range, color: 'pink' }]);
    expect(root.querySelectorAll('mark[data-talkmark-id="b"]').length).toBeGreaterThan(0);
    expect(
      Array.from(root.querySelectorAll('mark[data-talkmark-id="b"]'))
        .map((m) => m.textContent)
        .join(''),
    ).toBe('is the point: when something breaks');
    painter.remove(['a']);
    expect(root.querySelector('mark[data-talkmark-id="a"]')).toBeNull();
    expect(painter.ids()).toEqual(['b']);
    painter.unpaint();
    expect(root.innerHTML).toBe(before);
  });

  it('keeps selectors identical while painted, so new highlights anchor on clean pages', () => {
    const { doc, root } = loadArticle();
    const clean = describeRange(root, rangeOfText(root, 'Publish the scorecards from day one.'));
    paintHighlights(doc, [{ id: 'x', range: rangeOfText(root, 'scorecards from day'), color: 'yellow' }], {
      mode: 'mark',
    });
    expect(describeRange(root, rangeOfText(root, 'Publish the scorecards from day one.'))).toEqual(clean);
  });

  it('restores the exact DOM for any set of random highlights (property)', () => {
    const { doc, root } = loadArticle();
    const before = root.innerHTML;
    const length = TextIndex.build(root).length;
    const span = fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 300 }));
    fc.assert(
      fc.property(fc.array(span, { minLength: 1, maxLength: 8 }), (spans) => {
        const index = TextIndex.build(root);
        const items = spans.map(([s, n], i) => ({
          id: `r${i}`,
          range: index.rangeAt(s, Math.min(length, s + n)),
          color: 'yellow',
        }));
        const painter = paintHighlights(doc, items, { mode: 'mark' });
        expect(TextIndex.build(root).text).toBe(index.text);
        painter.unpaint();
        expect(root.innerHTML).toBe(before);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

/** A minimal stand-in for the CSS Custom Highlight API, which jsdom lacks. */
function installFakeHighlightApi(win: Window): Map<string, Set<AbstractRange>> {
  const registry = new Map<string, Set<AbstractRange>>();
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
    constructor(...ranges: AbstractRange[]) {
      super(ranges);
    }
  }
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true });
  return registry;
}

describe('CSS Custom Highlight API', () => {
  it('registers one Highlight per colour and never touches the DOM', () => {
    const { dom, doc, root } = loadArticle();
    expect(supportsCustomHighlights(doc)).toBe(false);
    const registry = installFakeHighlightApi(dom.window as unknown as Window);
    expect(supportsCustomHighlights(doc)).toBe(true);
    const before = root.innerHTML;
    const outcomes = anchorAll(
      root,
      needles.map((n, i) => ({ id: `h${i}`, ...describeRange(root, rangeOfText(root, n)) })),
    );
    const painter = paintHighlights(
      doc,
      outcomes.map(({ item, anchor }, i) => ({ id: item.id, range: anchor!.range, color: i % 2 ? 'Green' : 'yellow' })),
    );
    expect(painter.mode).toBe('custom-highlight');
    expect([...registry.keys()].sort()).toEqual(['talkmark-green', 'talkmark-yellow']);
    expect(registry.get('talkmark-yellow')!.size).toBe(3);
    expect(registry.get('talkmark-green')!.size).toBe(3);
    expect(root.innerHTML).toBe(before);

    painter.remove(['h1', 'h3', 'h5']);
    expect(registry.has('talkmark-green')).toBe(false);
    painter.unpaint();
    expect(registry.size).toBe(0);
  });

  it('maps points and clicks back to highlight ids, last painted first', () => {
    const { dom, doc, root } = loadArticle();
    installFakeHighlightApi(dom.window as unknown as Window);
    const outer = rangeOfText(root, needles[0]!);
    const inner = rangeOfText(root, 'paved road');
    const painter = paintHighlights(doc, [
      { id: 'outer', range: outer, color: 'yellow' },
      { id: 'inner', range: inner, color: 'blue' },
    ]);
    expect(painter.highlightIdAt(inner.startContainer, inner.startOffset + 1)).toBe('inner');
    expect(painter.highlightIdAt(outer.startContainer, outer.startOffset)).toBe('outer');
    expect(painter.highlightIdAt(root.querySelector('h1')!.firstChild!, 0)).toBeNull();

    // jsdom has no layout: fake the caret lookup a browser would do for a click.
    Object.defineProperty(doc, 'caretPositionFromPoint', {
      value: (x: number) => (x === 10 ? { offsetNode: inner.startContainer, offset: inner.startOffset + 2 } : null),
      configurable: true,
    });
    expect(painter.hitTest(10, 10)).toBe('inner');
    expect(painter.hitTest(99, 10)).toBeNull();
  });

  it('names highlights by colour and exports matching CSS', () => {
    expect(highlightName('yellow')).toBe('talkmark-yellow');
    expect(highlightName('#FFEB3B')).toBe('talkmark-ffeb3b');
    expect(highlightName('')).toBe('talkmark-yellow');
    expect(HIGHLIGHT_CSS).toContain('::highlight(talkmark-yellow)');
    expect(HIGHLIGHT_CSS).toContain('mark[data-talkmark-id][data-talkmark-color="green"]');
  });
});
