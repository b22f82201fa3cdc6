import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchExact, matchFuzzy } from '../../../lib/anchoring/match-quote';
import { editDistanceWithin, scoreSpan } from '../../../lib/anchoring/score';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

const filler = (n: number): string => 'lorem ipsum dolor sit amet consectetur '.repeat(Math.ceil(n / 39)).slice(0, n);

describe('editDistanceWithin', () => {
  it('equals Levenshtein distance when within the bound, and bound+1 beyond it (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 24, unit: fc.constantFrom('a', 'b', 'c', ' ') }),
        fc.string({ maxLength: 24, unit: fc.constantFrom('a', 'b', 'c', ' ') }),
        fc.integer({ min: 0, max: 30 }),
        (a, b, max) => {
          const d = levenshtein(a, b);
          expect(editDistanceWithin(a, b, max)).toBe(d <= max ? d : max + 1);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('matchExact', () => {
  it('settles from the hint in O(quote) when quote and context are verbatim there', () => {
    const text = `${filler(100)}alpha beta gamma${filler(100)}`;
    const quote = { exact: 'beta', prefix: text.slice(74, 106), suffix: text.slice(110, 142) };
    const m = matchExact(text, quote, { hints: [106] })!;
    expect([m.start, m.method, m.score]).toEqual([106, 'exact', 1]);
  });

  it('returns null when the quote does not occur', () => {
    expect(matchExact('abc', { exact: 'x', prefix: '', suffix: '' })).toBeNull();
  });
});

describe('matchFuzzy', () => {
  const quote = {
    exact: 'the scorecard job runs nightly and compares each service',
    prefix: 'Instead we measure drift. ',
    suffix: ' with the road.',
  };
  const edited = 'the scorecard job runs every night and compares each service';

  it('finds an edited quote near its expected position', () => {
    const text = `${filler(5000)}Instead we measure drift. ${edited} with the road.${filler(5000)}`;
    const m = matchFuzzy(text, quote, { hints: [5000] })!;
    expect(text.slice(m.start, m.end)).toBe(edited);
    expect(m.method).toBe('fuzzy');
    expect(m.contextScore).toBe(1);
  });

  it('finds it far from the expected position through the piece filter', () => {
    const text = `${filler(300_000)}Instead we measure drift. ${edited} with the road.${filler(1000)}`;
    const m = matchFuzzy(text, quote, { hints: [100] })!;
    expect(text.slice(m.start, m.end)).toBe(edited);
  });

  it('rejects matches beyond a quarter of the quote in errors', () => {
    const text = `${filler(2000)}the scorecard task ran weekly and compared every service${filler(2000)}`;
    expect(matchFuzzy(text, { ...quote, prefix: '', suffix: '' }, { hints: [2000] })).toBeNull();
  });

  it('does not fuzzy-match short quotes without agreeing context', () => {
    const text = `${filler(500)}the same bass image${filler(500)}`;
    expect(
      matchFuzzy(
        text,
        {
          exact: 'the same base image',
          prefix: 'completely different words here',
          suffix: ' and other context entirely',
        },
        { hints: [500] },
      ),
    ).toBeNull();
    const withContext = matchFuzzy(
      text,
      { exact: 'the same base image', prefix: filler(500).slice(-32), suffix: filler(32) },
      { hints: [500] },
    );
    expect(withContext?.start).toBe(500);
  });

  it('scores position only as a tie-breaker', () => {
    const text = `x${filler(1000)}`;
    const near = scoreSpan(text, { exact: 'lorem', prefix: '', suffix: '' }, 1, 6, 0, [1]);
    const far = scoreSpan(text, { exact: 'lorem', prefix: '', suffix: '' }, 1, 6, 0, [900]);
    expect(near.score).toBeGreaterThan(far.score);
    expect(near.score - far.score).toBeLessThan(0.1);
  });
});
