/**
 * Notes as a talk section embeds them, at the sizes a long conference gives: what is parsed,
 * and what stays linear. commonmark's Parser is wrapped to count the parses.
 */
import { describe, expect, it, vi } from 'vitest';
import { demoteHeadings, mayHaveHeading, noteMarkdown, userMarkdown } from '../../../lib/recap/source-markdown';
import { makeNote } from './builders';
import { nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';

const parses = vi.hoisted(() => ({ count: 0 }));

vi.mock('commonmark', async (importOriginal) => {
  const actual = await importOriginal<typeof import('commonmark')>();
  function Parser(options?: ConstructorParameters<typeof actual.Parser>[0]) {
    const parser = new actual.Parser(options);
    const parse = parser.parse.bind(parser);
    parser.parse = (text: string) => {
      parses.count++;
      return parse(text);
    };
    return parser;
  }
  return { ...actual, Parser };
});

function parsesFor(run: () => void): number {
  parses.count = 0;
  run();
  return parses.count;
}

describe('the check before parsing a note for headings', () => {
  it('lets hashtags, issue numbers and C# through unparsed', () => {
    const notes = [
      '#kubernetes #kcd',
      'see #123 and issue #42',
      'written in C# and F#',
      'a # b',
      '##notaheading',
      '- #tag in a list',
      '> quoting #1',
      'x\n#hashtag',
    ];
    for (const note of notes) expect(mayHaveHeading(note), note).toBe(false);
    const many = Array.from({ length: 2000 }, (_, i) => `${notes[i % notes.length]} ${i}`);
    expect(parsesFor(() => many.forEach((note) => userMarkdown(note)))).toBe(0);
    expect(many.map(userMarkdown)).toEqual(many.map((note) => userMarkdown(note)));
  });

  it('still parses what may be a heading, where a recap may place it', () => {
    const headings = [
      '# Demo',
      '  ## Demo',
      '#',
      '###### x',
      '> # quoted',
      '- ## in a list',
      '1. # first',
      '2) #\tx',
      '>- * # deep',
      'Summary\n---',
      'Summary\n===',
      '---',
      '> Text\n> ---',
      '- Text\n  ===',
    ];
    for (const note of headings) expect(mayHaveHeading(note), note).toBe(true);
    for (const note of headings)
      expect(
        parsesFor(() => demoteHeadings(note)),
        note,
      ).toBeGreaterThan(0);
    // Not under text: a thematic break, and `#######` is no heading.
    for (const note of ['Text\n\n---', '####### seven', 'Text\n>\n> ---'])
      expect(mayHaveHeading(note), note).toBe(false);
  });
});

describe('setext underlines', () => {
  it('escapes a run of underlines whole, however long', () => {
    for (const mark of ['-', '=', '---', '  ==']) {
      const note = `text\n${Array(200).fill(mark).join('\n')}`;
      const md = userMarkdown(note);
      const placed = [md, `> ${md.replace(/\n/g, '\n> ')}`, `- [1:00] ${md.replace(/\n/g, '\n  ')}`];
      for (const p of placed)
        expect(nodesOfType(parseMarkdown(p), 'heading').map(plainText), `${mark}: ${p.slice(0, 40)}`).toEqual([]);
    }
    expect(userMarkdown(`text\n${Array(70).fill('-').join('\n')}`)).toBe(`text\n${Array(70).fill('\\-').join('\n')}`);
  });
});

describe('bare URLs in a link note', () => {
  it('splits trailing punctuation in linear time', () => {
    const started = performance.now();
    const md = noteMarkdown(
      makeNote('t1', 'link', `see https://a.example/c and https://b.example/d${')'.repeat(40_000)}.`, 0),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(md).toBe(`see <https://a.example/c> and <https://b.example/d>${')'.repeat(40_000)}.`);
    expect(noteMarkdown(makeNote('t1', 'link', 'docs: https://en.wikipedia.org/wiki/Foo_(bar)). Next', 0))).toBe(
      'docs: <https://en.wikipedia.org/wiki/Foo_%28bar%29>). Next',
    );
  });
});
