/** tidyMarkdown's whole-text passes give what the line-by-line pass they replaced gave. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyMarkdown } from '../../../lib/recap/day-post';

/** The line-by-line pass as it was (the oracle). */
function tidyByLine(markdown: string): string {
  const out: string[] = [];
  let blank = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.trim() === '') {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push('');
    blank = false;
    out.push(/\S $/.test(raw) && !/^\s*(?:[-+*]|\d{1,9}[.)])\s$/.test(raw) ? raw.slice(0, -1) : raw);
  }
  return `${out.join('\n')}\n`;
}

const piece = fc.constantFrom(
  'a',
  'Text',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  '-',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '12) ',
  '1234567890. ',
  '#',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\v',
  '\f',
  '>',
  'x ',
);
const text = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

describe('tidyMarkdown', () => {
  it('is the line-by-line pass, on any mix of blank lines, spaces, markers and separators', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (t) => {
        expect(tidyMarkdown(t), JSON.stringify(t)).toBe(tidyByLine(t));
      }),
      { numRuns: 30_000 },
    );
  });
});
