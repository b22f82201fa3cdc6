/**
 * Hostile input: descriptions whose *text* looks like markup ("<Corp>", "</div>", "&lt;" spelled
 * out) stay text in the stored Markdown and in the recap — no Markdown renderer may turn them into
 * HTML, and the words read the same.
 */
import { Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descriptionMarkdown } from '../../../lib/recap/source-markdown';
import { describe as describeElement, describeText } from '../../../lib/schedule/description';
import { loadDocument } from '../helpers';

const markupWord = fc.constantFrom(
  '<Corp>',
  '</div>',
  '<div>',
  '<b>',
  '</p>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- note -->',
  '<?xml?>',
  '<!DOCTYPE html>',
  '<a href="https://x.example">',
  '&lt;',
  '&amp;',
  '&#60;',
  '&#x3C;b&#x3E;',
  '<T>',
  'List<String>',
  'a<b',
  'x < y',
  '<https://talk.example/>',
  '<mailto:a@b.example>',
  '\\<Corp>',
  '<<Corp>>',
  '<Corp/>',
);
const plainWord = fc.constantFrom(
  'Acme',
  'we',
  'build',
  'tools',
  'C#',
  'Q&A',
  'AT&T',
  '1 > 0',
  '->',
  ':)',
  'x',
  'é',
  '😀',
);
const text = fc.array(fc.oneof(markupWord, plainWord), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

/** HTML nodes CommonMark would pass through, and the text it shows (links keep their text). */
function rendered(markdown: string): { html: string[]; text: string } {
  const walker = new Parser().parse(markdown).walker();
  const html: string[] = [];
  let shown = '';
  for (let step = walker.next(); step; step = walker.next()) {
    const { node, entering } = step;
    if (!entering) continue;
    if (node.type === 'html_inline' || node.type === 'html_block') html.push(node.literal ?? '');
    if (node.type === 'text' || node.type === 'code') shown += node.literal ?? '';
    if (node.type === 'softbreak' || node.type === 'linebreak' || node.type === 'paragraph') shown += ' ';
  }
  return { html, text: shown.replace(/\s+/g, ' ').trim() };
}

const win = loadDocument('<p></p>', 'https://conf.example/').defaultView as Window & typeof globalThis;

describe('markup-looking words in descriptions', () => {
  it('stay text in the Markdown stored from a page description, and in the recap', () => {
    fc.assert(
      fc.property(text, (words) => {
        const el = win.document.createElement('div');
        el.textContent = words;
        const { description } = describeElement(el, win, 'https://conf.example/');
        const stored = rendered(description!);
        expect(stored.html).toEqual([]);
        expect(stored.text).toBe(words.replace(/\s+/g, ' ').trim());
        expect(rendered(descriptionMarkdown(description!)).html).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('stay text in a plain-text description (iCalendar, Sessionize, pretalx), autolinks kept', () => {
    fc.assert(
      fc.property(text, (words) => {
        const { description } = describeText(words);
        const stored = rendered(description!);
        expect(stored.html).toEqual([]);
        expect(rendered(descriptionMarkdown(description!)).html).toEqual([]);
        for (const word of ['<Corp>', '</div>', '&lt;'])
          if (words.includes(word) && !words.includes(`\\${word}`)) expect(stored.text).toContain(word);
      }),
      { numRuns: 300 },
    );
  });
});
