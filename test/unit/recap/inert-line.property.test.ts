/**
 * The shortcut for a note that is one inert line (source-markdown.ts `isInertLine`) gives what
 * the full path gives: neutralizing and heading demotion would leave such a line as it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeMarkdown } from '../../../lib/recap/neutralize';
import { demoteHeadings, isInertLine, userMarkdown } from '../../../lib/recap/source-markdown';
import { hostilePiece } from './arbitraries';

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z ]{1,6}$/) },
  fc.constantFrom(
    '`',
    '``',
    '```',
    '~~~',
    '|',
    '*',
    '_',
    '#',
    '# ',
    '=',
    '-',
    '---',
    '>',
    '1. ',
    '[',
    '!',
    '(',
    ')',
    ':',
    '}',
    '%',
    '"',
    '\u00A0',
    '\u3000',
    '\u2028',
    '\t',
    '\n',
    '\r',
    '📚',
    'é',
  ),
  hostilePiece,
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('an inert line', () => {
  it('is what neutralizing and heading demotion make of it', () => {
    let inert = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (!isInertLine(t)) return;
        inert++;
        expect(demoteHeadings(neutralizeMarkdown(t, 'user')), JSON.stringify(t)).toBe(t);
        expect(userMarkdown(t)).toBe(t);
      }),
      { numRuns: 20_000 },
    );
    // The generator reaches the shortcut often enough to say something.
    expect(inert).toBeGreaterThan(1000);
  });

  it('is not claimed for text the full path changes', () => {
    for (const t of [
      '# Demo',
      '- item',
      '<b>x</b>',
      'a & b',
      'a] (x)',
      '{{ x }}',
      'ends with space ',
      '```js',
      '1. one',
    ])
      expect(isInertLine(t), t).toBe(false);
    for (const t of ['Use `kubectl get pods` | grep', 'C# and F#', 'Q: why *this*?', '📚 Read “the book”'])
      expect(isInertLine(t), t).toBe(true);
  });
});
