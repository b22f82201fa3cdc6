import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchor,
  anchorAll,
  anchorAllChunked,
  describeRange,
  TextIndex,
  type AnchorSelectors,
} from '../../../lib/anchoring';
import { editText, loadArticle, rangeOfText } from './helpers';

/** Describes the nth occurrence of `needle` in a fresh copy of the article. */
function stored(needle: string, nth = 0): AnchorSelectors & { position: NonNullable<AnchorSelectors['position']> } {
  const { root } = loadArticle();
  return describeRange(root, rangeOfText(root, needle, nth));
}

describe('describeRange', () => {
  it('records exact text, 32 chars of context and offsets into the indexed text', () => {
    const { root } = loadArticle();
    const range = rangeOfText(root, 'it was the only door');
    const { quote, position } = describeRange(root, range);
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe('it was the only door');
    expect(quote.prefix).toBe('not because it was slow, but because '.slice(-32));
    expect(quote.suffix).toBe('.\n      We tried the usual fixes: more'.slice(0, 32));
    expect(TextIndex.build(root).text.slice(position.start, position.end)).toBe(quote.exact);
  });

  it('trims white space at the ends when asked', () => {
    const { root } = loadArticle();
    const { quote } = describeRange(root, rangeOfText(root, 'They never block a deploy.\n      '), {
      trimWhitespace: true,
    });
    expect(quote.exact).toBe('They never block a deploy.');
  });
});

describe('anchor on the unchanged page', () => {
  it('finds an exact quote at its stored position with score 1', () => {
    const sel = stored('every request landed in the same queue');
    const { root } = loadArticle();
    const a = anchor(root, sel)!;
    expect(a.method).toBe('exact');
    expect(a.score).toBe(1);
    expect(a.range.toString()).toBe('every request landed in the same queue');
    expect([a.start, a.end]).toEqual([sel.position.start, sel.position.end]);
  });

  it('spans <em>, <strong> and links', () => {
    for (const needle of [
      'what if the paved road was something teams could walk on without asking? A paved',
      'found creative ways around them, and we',
      'not because it was slow, but because it was the only door.',
    ]) {
      const sel = stored(needle);
      const { root } = loadArticle();
      const a = anchor(root, sel)!;
      expect(a.range.toString()).toBe(needle);
      expect(a.range.startContainer).not.toBe(a.range.endContainer);
    }
  });

  it('anchors inside code blocks and list items, and across list items', () => {
    for (const needle of [
      'otel exporter   DRIFT (custom fork, 14 months old)',
      'image: registry.example.dev/checkout-api:1.42.0',
      'A set of service scorecards that show where a service has drifted from the road.',
      'Publish the scorecards from day one.',
      'wired in.\n        A golden path document',
    ]) {
      const sel = stored(needle);
      const { root } = loadArticle();
      expect(anchor(root, sel)?.range.toString()).toBe(needle);
    }
  });

  it('tells repeated text apart by its context', () => {
    const needle = 'Note: the scorecards are informational.';
    const second = stored(needle, 1);
    const first = stored(needle, 0);
    expect(second.quote.prefix).not.toBe(first.quote.prefix);
    const { root } = loadArticle();
    const text = TextIndex.build(root).text;
    // Even with a misleading position hint, context decides.
    const a = anchor(root, { quote: second.quote, position: first.position })!;
    expect(a.start).toBe(text.indexOf(needle, text.indexOf(needle) + 1));
    expect(a.method).toBe('exact');
    const b = anchor(root, { quote: first.quote, position: second.position })!;
    expect(b.start).toBe(text.indexOf(needle));
  });

  it('lets the stored position pick among copies with identical context', () => {
    const html = '<p>Read more</p><p>Read more</p><p>Read more</p>';
    const { root } = loadArticle();
    root.innerHTML = html;
    const index = TextIndex.build(root);
    const sel = describeRange(root, index.rangeAt(18, 27));
    expect(sel.quote.exact).toBe('Read more');
    // Identical context: prefix 'Read more' + suffix 'Read more' is what both middle copies lack…
    const a = anchor(root, sel)!;
    expect(a.start).toBe(18);
    // …and with the context gone entirely, the stored position is what decides.
    const bare = anchor(root, {
      quote: { ...sel.quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 9, end: 18 },
    })!;
    expect(bare.start).toBe(9);
    expect(bare.method).toBe('position');
  });
});

describe('anchor on a changed page', () => {
  it('follows text moved by content inserted before it', () => {
    const sel = stored('Most drift fixes itself when teams see the cost of the detour.');
    const { root, doc } = loadArticle();
    const intro = doc.createElement('p');
    intro.textContent = 'Update (October 2025): a follow-up post is now available. '.repeat(20);
    root.querySelector('article h1')!.after(intro);
    const a = anchor(root, sel)!;
    expect(a.method).toBe('exact');
    expect(a.start).toBeGreaterThan(sel.position.start + 1000);
    expect(a.range.toString()).toBe(sel.quote.exact);
  });

  it('finds an edited quote with a typo fixed (fuzzy)', () => {
    const sel = stored('The template repository is deliberately boring. It uses the same build tool');
    const { root } = loadArticle();
    editText(root, 'deliberately boring', 'delibrately boring');
    const a = anchor(root, sel)!;
    expect(a.method).toBe('fuzzy');
    expect(a.range.toString()).toBe('The template repository is delibrately boring. It uses the same build tool');
    expect(a.score).toBeGreaterThan(0.8);
    expect(a.score).toBeLessThan(1);
  });

  it('finds an edited quote that also moved far from its stored position', () => {
    const sel = stored('A service that drifts is not punished. It simply shows up on a dashboard');
    const { root, doc } = loadArticle();
    editText(root, 'is not punished', 'is never punished');
    const filler = doc.createElement('div');
    filler.textContent = 'lorem ipsum dolor sit amet '.repeat(400);
    root.querySelector('article h1')!.after(filler);
    const a = anchor(root, sel)!;
    expect(a.method).toBe('fuzzy');
    expect(a.range.toString()).toBe('A service that drifts is never punished. It simply shows up on a dashboard');
  });

  it('prefers the edited original over an unrelated verbatim copy with the wrong context', () => {
    const { root, doc } = loadArticle();
    const sel = describeRange(root, rangeOfText(root, 'the same base image'));
    editText(root, 'the same base image', 'the same bass image');
    const aside = doc.createElement('p');
    aside.textContent = 'Unrelated sidebar: we always pick the same base image for demos.';
    root.querySelector('footer')!.append(aside);
    const a = anchor(root, sel)!;
    expect(a.range.toString()).toBe('the same bass image');
    expect(a.method).toBe('fuzzy');
  });

  it('orphans a deleted quote instead of anchoring it somewhere else', () => {
    const sel = stored('Early on we wrote admission policies that rejected anything off the road.');
    const { root } = loadArticle();
    root.querySelector('a[href*="Goodhart"]')!.closest('p')!.remove();
    expect(anchor(root, sel)).toBeNull();
  });

  it('orphans a quote rewritten beyond the error budget', () => {
    const sel = stored('Keep the platform team small.');
    const { root } = loadArticle();
    editText(root, 'Keep the platform team small.', 'Hire slowly and write things down.');
    expect(anchor(root, sel)).toBeNull();
  });

  it('never anchors unrelated text', () => {
    const { root } = loadArticle();
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: 'Kubernetes operators are the wrong abstraction for this',
      prefix: '',
      suffix: '',
    };
    expect(anchor(root, { quote })).toBeNull();
    expect(anchor(root, { quote: { ...quote, exact: '' } })).toBeNull();
  });

  it('works without a stored position', () => {
    const sel = stored('Boring is the point: when something breaks at 3 a.m.');
    const { root } = loadArticle();
    editText(root, 'Boring is the point', 'Boring is the whole point');
    const a = anchor(root, { quote: sel.quote, position: null })!;
    expect(a.range.toString()).toBe('Boring is the whole point: when something breaks at 3 a.m.');
  });

  it('anchors a long multi-paragraph quote after edits by its two ends', () => {
    const { root } = loadArticle();
    const text = TextIndex.build(root).text;
    const start = text.indexOf('Two years ago');
    const end = text.indexOf('get out of the way.') + 'get out of the way.'.length;
    expect(end - start).toBeGreaterThan(2048);
    const sel = describeRange(root, TextIndex.build(root).rangeAt(start, end));
    const fresh = loadArticle().root;
    editText(fresh, 'ninety tickets', 'ninety-one tickets');
    editText(fresh, 'polite message', 'friendly message');
    const a = anchor(fresh, sel)!;
    expect(a.method).toBe('fuzzy');
    expect(a.range.toString().startsWith('Two years ago')).toBe(true);
    expect(a.range.toString().endsWith('get out of the way.')).toBe(true);
  });
});

describe('anchorAll / anchorAllChunked', () => {
  const needles = [
    'every request landed in the same queue',
    'A paved road is a default, not a mandate.',
    'Those come from the road.',
    'We deleted most of the policies.',
    'Teams trust numbers they can see more than rules they are told.',
  ];

  function changedPage(): Element {
    const { root, doc } = loadArticle();
    editText(root, 'Those come from the road.', 'Those come from the paved road.');
    const p = doc.createElement('p');
    p.textContent = 'Edit: '.repeat(600);
    root.querySelector('article h1')!.after(p);
    return root;
  }

  it('anchors a batch in input order, using settled neighbours to find edited ones', () => {
    const list = needles.map((n, i) => ({ id: `h${i}`, ...stored(n) }));
    const out = anchorAll(changedPage(), list);
    expect(out.map((o) => o.item.id)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
    expect(out.map((o) => o.anchor?.method)).toEqual(['exact', 'exact', 'fuzzy', 'exact', 'exact']);
    expect(out[2]!.anchor!.range.toString()).toBe('Those come from the paved road.');
  });

  it('gives the same result in chunks, yielding to the event loop', async () => {
    const list = needles.map((n, i) => ({ id: `h${i}`, ...stored(n) }));
    const sync = anchorAll(changedPage(), list).map((o) => [o.anchor?.start, o.anchor?.end, o.anchor?.method]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const chunked = await anchorAllChunked(changedPage(), list, { yieldEvery: 0 });
    clearInterval(timer);
    expect(chunked.map((o) => [o.anchor?.start, o.anchor?.end, o.anchor?.method])).toEqual(sync);
    expect(ticks).toBeGreaterThan(0);
  });

  it('re-indexes when the page mutates while chunked anchoring is yielded', async () => {
    const list = needles.map((n, i) => ({ id: `h${i}`, ...stored(n) }));
    const root = changedPage();
    const done = anchorAllChunked(root, list, { yieldEvery: 0 });
    // A page script prepends content while we wait.
    setTimeout(() => root.prepend(root.ownerDocument.createTextNode('Cookie banner text. '.repeat(50))), 0);
    const out = await done;
    out.forEach((o, i) =>
      expect(o.anchor?.range.toString(), needles[i]).toBe(i === 2 ? 'Those come from the paved road.' : needles[i]),
    );
  });

  it('stops when aborted', async () => {
    const list = needles.map((n) => stored(n));
    const controller = new AbortController();
    controller.abort();
    await expect(anchorAllChunked(changedPage(), list, { signal: controller.signal })).rejects.toThrow();
  });
});

describe('describe → anchor round trip', () => {
  it('anchors every described range of the article back to the same offsets (property)', () => {
    const { root } = loadArticle();
    const index = TextIndex.build(root);
    const length = index.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 400 }), (start, size) => {
        const end = Math.min(length, start + size);
        const range = index.rangeAt(start, end);
        const sel = describeRange(root, range, { index });
        expect([sel.position.start, sel.position.end]).toEqual([start, end]);
        const a = anchor(root, sel, { index })!;
        expect(a).not.toBeNull();
        expect([a.start, a.end]).toEqual([start, end]);
        expect(a.range.toString()).toBe(range.toString());
        expect(a.score).toBe(1);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('round-trips ranges with arbitrary DOM boundary points, elements and skipped content included (property)', () => {
    const { root, doc } = loadArticle();
    const index = TextIndex.build(root);
    const points: Array<[Node, number]> = [];
    const walker = doc.createTreeWalker(root, 0xffffffff);
    for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
      const size = n.nodeType === 1 ? n.childNodes.length : (n.nodeValue ?? '').length;
      for (let o = 0; o <= Math.min(size, 3); o++) points.push([n, o]);
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: points.length - 1 }),
        fc.integer({ min: 0, max: points.length - 1 }),
        (a, b) => {
          const [p, q] = [points[Math.min(a, b)]!, points[Math.max(a, b)]!];
          const range = doc.createRange();
          range.setStart(p[0], p[1]);
          range.setEnd(q[0], q[1]);
          const sel = describeRange(root, range, { index });
          expect(sel.quote.exact).toBe(index.text.slice(sel.position.start, sel.position.end));
          const a1 = anchor(root, sel, { index });
          if (!sel.quote.exact) expect(a1).toBeNull();
          else expect([a1!.start, a1!.end]).toEqual([sel.position.start, sel.position.end]);
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });

  it('round-trips ranges whose boundaries are element points', () => {
    const { root, doc } = loadArticle();
    const li = root.querySelectorAll('ol li')[1]!;
    const range = doc.createRange();
    range.selectNodeContents(li);
    const sel = describeRange(root, range);
    expect(sel.quote.exact).toBe(li.textContent);
    expect(anchor(loadArticle().root, sel)!.range.toString()).toBe(li.textContent);
  });
});
