/**
 * The converters' text escaping skips its regular expressions for text that holds none of the
 * characters they look for: it must give exactly what Turndown's escape and escapeMarkupText give.
 */
import fc from 'fast-check';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { escapeMarkupText, escapeText } from '../../../lib/markdown/html-to-markdown';

const full = (text: string) => escapeMarkupText(TurndownService.prototype.escape(text));
const chars = fc.constantFrom(
  ...'ab Z09.\n\t\\*-+=#`~[]>_<&;/!?x'.split(''),
  '1. ',
  '## ',
  '~~~',
  '&amp;',
  '&#65;',
  '<Corp>',
  '</div>',
  '\u00a0',
);
const text = fc.array(chars, { maxLength: 12 }).map((xs) => xs.join(''));

describe('escapeText', () => {
  it('equals the full escaping on any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeText(t)).toBe(full(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('escapes what must be escaped', () => {
    expect(escapeText('1. a')).toBe('1\\. a');
    expect(escapeText('- a')).toBe('\\- a');
    expect(escapeText('x <Corp> y')).toBe('x \\<Corp> y');
    expect(escapeText('plain words, no marks.')).toBe('plain words, no marks.');
  });
});
