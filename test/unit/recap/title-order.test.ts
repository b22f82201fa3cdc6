import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTitles } from '../../../lib/recap/title-order';

const sign = (n: number) => Math.sign(n);
const plain = fc.stringMatching(/^[A-Za-z0-9 ]{0,12}$/);
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
      fc.property(fc.oneof(plain, near, fc.string()), fc.oneof(plain, near, fc.string()), (a, b) => {
        expect(sign(compareTitles(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          sign(a.localeCompare(b)),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('sorts a day of parallel talks as localeCompare sorts them', () => {
    const titles = ['Zeta', 'alpha', 'Alpha', 'Talk 10', 'Talk 9', 'talk 9', 'Éclair', 'ops-day', 'ops day', '42'];
    expect([...titles].sort(compareTitles)).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });
});
