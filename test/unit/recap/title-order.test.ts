import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTitles } from '../../../lib/recap/title-order';

const sign = (n: number) => Math.sign(n);
const plain = fc.stringMatching(/^[A-Za-z0-9 ]{0,12}$/);
/** Printable ASCII, the dashes, and a few characters decided elsewhere (curly quotes, accents, emoji, marks). */
const mixed = fc
  .array(
    fc.oneof(
      fc.constantFrom(...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~aAzZ09', '\u2013', '\u2014'),
      fc.constantFrom(
        '\u2019',
        '\u201C',
        'é',
        'É',
        'ß',
        '\u0301',
        '\u00A0',
        '\u200D',
        '📚',
        '🚀',
        '😀',
        '🙏',
        '🌀',
        '\uFE0F',
        '✨',
        '€',
      ),
      fc.stringMatching(/^[A-Za-z ]{1,3}$/),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const near = fc.constantFrom(
  'Talk a',
  'Talk A',
  'talk a',
  'Talk 10',
  'Talk 9',
  'Talk',
  'Talk ',
  'TALK',
  'Talk1',
  'Talka',
);

describe('compareTitles', () => {
  it('orders titles exactly as localeCompare does', () => {
    fc.assert(
      fc.property(fc.oneof(plain, near, mixed, fc.string()), fc.oneof(plain, near, mixed, fc.string()), (a, b) => {
        expect(sign(compareTitles(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          sign(a.localeCompare(b)),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  const PLACES = [
    ['~ x', 1],
    ['$', -1],
    ['0', -1],
    ['a', -1],
    ['Z', -1],
    [' ', 1],
    ['\u2014', 1],
  ] as const;
  it('gives every emoji of U+1F300–U+1F64F a symbol’s weight: after `~`, before `$`, digits and letters', () => {
    for (let code = 0x1f300; code <= 0x1f64f; code++) {
      const emoji = String.fromCodePoint(code);
      for (const [other, order] of PLACES) {
        expect(sign(`${emoji} T`.localeCompare(other)), `ICU: ${code.toString(16)} vs ${other}`).toBe(order);
        expect(sign(compareTitles(`${emoji} T`, other)), `${code.toString(16)} vs ${other}`).toBe(order);
      }
    }
  });

  it('sorts a day of parallel talks as localeCompare sorts them', () => {
    const titles = [
      'Zeta',
      'alpha',
      'Alpha',
      'Talk 10',
      'Talk 9',
      'talk 9',
      'Éclair',
      'ops-day',
      'ops day',
      '42',
      '📚 Tutorial: Kubernetes at 10,000 Nodes',
      'Scaling eBPF – What We Got Wrong',
      'Scaling eBPF — Take 2',
      'Multi-Cluster for Everyone',
      'Q&A: (live)',
      '$5 clusters',
    ];
    expect([...titles].sort(compareTitles)).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });
});
