/**
 * Informative timing for the browser budget (100 highlights, 1 MB article, 20 % edited:
 * ≤ 100 ms total, no task > 50 ms). jsdom is slower than a browser at DOM work, so the only
 * assertions here are correctness and a loose guard against pathological regressions.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, anchorAllChunked, describeRange, TextIndex } from '../../../lib/anchoring';
import { generateArticle, pickSpans, seededRandom } from '../../fixtures/articles/generate';
import { loadHtml } from './helpers';

const EDIT = 'ZQX!';

function scenario() {
  const { html } = generateArticle({ targetChars: 1_000_000, seed: 20250912 });
  const doc = loadHtml(html, 'https://example.dev/paved-roads-at-scale').window.document;
  const root = doc.getElementById('post')!;
  const index = TextIndex.build(root);
  const spans = pickSpans(index.length, 100, { seed: 3 });
  const highlights = spans.map(([s, e], i) => ({
    id: `h${i}`,
    ...describeRange(root, index.rangeAt(s, e), { index }),
  }));
  // Edit 20 % of the highlights in the middle (3 chars → 4), from the end so offsets stay valid.
  const rand = seededRandom(5);
  const edited = new Set<number>();
  while (edited.size < 20) edited.add(Math.floor(rand() * spans.length));
  for (const i of [...edited].sort((a, b) => b - a)) {
    const [s, e] = spans[i]!;
    const mid = Math.floor((s + e) / 2);
    const p = index.pointAt(mid, 'forward')!;
    p.node.replaceData(p.offset, Math.min(3, p.node.data.length - p.offset), EDIT);
  }
  // And content inserted at the top moves everything.
  const note = doc.createElement('p');
  note.textContent = 'Update: this post was revised after the talk. '.repeat(12);
  root.querySelector('h1')!.after(note);
  return { root, highlights, edited };
}

describe('anchoring speed on a generated 1 MB article (informative)', () => {
  it('anchors 100 highlights with 20 % edited', async () => {
    const { root, highlights, edited } = scenario();
    const t0 = performance.now();
    const index = TextIndex.build(root);
    const t1 = performance.now();
    const outcomes = anchorAll(root, highlights, { index });
    const t2 = performance.now();
    // Warm (JIT-compiled) runs, closer to a browser's steady state.
    const warm: number[] = [];
    for (let run = 0; run < 3; run++) {
      const s = performance.now();
      anchorAll(root, highlights, { index });
      warm.push(performance.now() - s);
    }

    // jsdom compares tree order by walking the document, so Range setters cost O(n) here
    // (O(depth) in browsers); measure that share separately.
    const r0 = performance.now();
    for (const { anchor } of outcomes) if (anchor) index.rangeAt(anchor.start, anchor.end);
    const rangeCost = performance.now() - r0;

    // The slowest single highlight, on the shared index (what one chunked task can cost).
    let slowest = 0;
    for (const h of highlights) {
      const s = performance.now();
      anchorAll(root, [h], { index });
      slowest = Math.max(slowest, performance.now() - s);
    }

    // Longest stretch without yielding in the chunked variant, measured from a 0 ms timer.
    let last = performance.now();
    let longestGap = 0;
    let running = true;
    const tick = (): void => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const t3 = performance.now();
    const chunked = await anchorAllChunked(root, highlights, { yieldEvery: 30 });
    const t4 = performance.now();
    running = false;

    console.log(
      `[anchoring perf, jsdom] text ${index.length} chars; index ${(t1 - t0).toFixed(1)} ms; ` +
        `anchorAll ${(t2 - t1).toFixed(1)} ms cold, ${Math.min(...warm).toFixed(1)} ms warm (of which ${rangeCost.toFixed(1)} ms jsdom Range setters); slowest single ${slowest.toFixed(1)} ms; ` +
        `chunked total ${(t4 - t3).toFixed(1)} ms, longest task ≈ ${longestGap.toFixed(1)} ms`,
    );

    outcomes.forEach(({ item, anchor }, i) => {
      expect(anchor, item.id).not.toBeNull();
      const got = anchor!.range.toString();
      if (edited.has(i)) {
        expect(anchor!.method, item.id).toBe('fuzzy');
        expect(got, item.id).toContain(EDIT);
      } else {
        expect(anchor!.method, item.id).not.toBe('fuzzy');
        expect(got, item.id).toBe(item.quote.exact);
      }
    });
    expect(chunked.map((o) => [o.anchor?.start, o.anchor?.end])).toEqual(
      outcomes.map((o) => [o.anchor?.start, o.anchor?.end]),
    );
  }, 60_000);
});
