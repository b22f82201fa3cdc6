import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTE_KINDS } from '../../../lib/model';
import { NOTE_PREFIXES, parseComposerInput, prefixHints } from '../../../lib/notes/composer';

describe('parseComposerInput', () => {
  it.each([
    ['! Ship small PRs', 'takeaway', 'Ship small PRs'],
    ['!Ship small PRs', 'takeaway', 'Ship small PRs'],
    ['"Latency is a feature"', 'quote', 'Latency is a feature'],
    ['\u201cLatency is a feature\u201d', 'quote', 'Latency is a feature'],
    ['> Latency is a feature', 'quote', 'Latency is a feature'],
    ['? How does this scale', 'question', 'How does this scale'],
    ['@ https://example.org/slides', 'link', 'https://example.org/slides'],
    ['https://example.org/slides.pdf', 'link', 'https://example.org/slides.pdf'],
    ['HTTP://EXAMPLE.ORG', 'link', 'HTTP://EXAMPLE.ORG'],
    ['[] try the flag', 'todo', 'try the flag'],
    ['[ ] try the flag', 'todo', 'try the flag'],
    ['todo: try the flag', 'todo', 'try the flag'],
    ['TODO: try the flag', 'todo', 'try the flag'],
    ['slide: architecture diagram', 'slide', 'architecture diagram'],
    ['  ! leading spaces are not text  ', 'takeaway', 'leading spaces are not text'],
    ['Plain note', 'plain', 'Plain note'],
  ] as const)('%j → %s', (input, kind, text) => {
    expect(parseComposerInput(input)).toEqual({ kind, text });
  });

  it('ignores prefix characters inside the text', () => {
    expect(parseComposerInput('Why? Because! "quoted" > all')).toEqual({
      kind: 'plain',
      text: 'Why? Because! "quoted" > all',
    });
    expect(parseComposerInput('see https://example.org later')).toEqual({
      kind: 'plain',
      text: 'see https://example.org later',
    });
    expect(parseComposerInput('todos: not a prefix')).toEqual({ kind: 'plain', text: 'todos: not a prefix' });
  });

  it('keeps a Markdown image rather than reading "!" as a takeaway', () => {
    expect(parseComposerInput('![diagram](https://example.org/d.png)')).toEqual({
      kind: 'plain',
      text: '![diagram](https://example.org/d.png)',
    });
  });

  it('keeps the rest of the text untouched (newlines, inner spaces, Markdown)', () => {
    expect(parseComposerInput('! line one\n\n  - item  two')).toEqual({
      kind: 'takeaway',
      text: 'line one\n\n  - item  two',
    });
  });

  it('a prefix alone gives an empty text', () => {
    expect(parseComposerInput('!')).toEqual({ kind: 'takeaway', text: '' });
    expect(parseComposerInput('   ')).toEqual({ kind: 'plain', text: '' });
  });

  it('an explicit kind overrides, stripping only its own prefix', () => {
    expect(parseComposerInput('! Ship it', 'takeaway')).toEqual({ kind: 'takeaway', text: 'Ship it' });
    expect(parseComposerInput('? Why not', 'todo')).toEqual({ kind: 'todo', text: '? Why not' });
    expect(parseComposerInput('https://example.org', 'quote')).toEqual({ kind: 'quote', text: 'https://example.org' });
    expect(parseComposerInput('plain words', 'question')).toEqual({ kind: 'question', text: 'plain words' });
    expect(parseComposerInput('! Ship it', null)).toEqual({ kind: 'takeaway', text: 'Ship it' });
  });

  it('property: an explicit kind always wins and text never grows', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...NOTE_KINDS), (text, kind) => {
        const r = parseComposerInput(text, kind);
        return r.kind === kind && r.text.length <= text.length && text.includes(r.text);
      }),
    );
  });

  it('property: text starting with a letter or digit is plain unless it is a prefix word or URL', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9 .,?!]*$/), (text) => {
        fc.pre(!/^(todo|slide):/i.test(text));
        expect(parseComposerInput(text)).toEqual({ kind: 'plain', text: text.trim() });
      }),
    );
  });
});

describe('prefix table', () => {
  it('maps only to known kinds and has no duplicate prefix', () => {
    for (const p of NOTE_PREFIXES) expect(NOTE_KINDS).toContain(p.kind);
    expect(new Set(NOTE_PREFIXES.map((p) => p.prefix)).size).toBe(NOTE_PREFIXES.length);
  });

  it('every prefix in the table parses to its kind', () => {
    for (const p of NOTE_PREFIXES) expect(parseComposerInput(`${p.prefix} x`)).toEqual({ kind: p.kind, text: 'x' });
  });

  it('groups hints per kind for the help line', () => {
    const hints = prefixHints();
    expect(hints.find((h) => h.kind === 'quote')?.prefixes).toEqual(['"', '\u201c', '>']);
    expect(hints.find((h) => h.kind === 'plain')).toBeUndefined();
  });
});

describe('quotes typed in quotation marks', () => {
  it('drops the closing mark too', () => {
    expect(parseComposerInput('"Measure the time to first deploy"')).toEqual({
      kind: 'quote',
      text: 'Measure the time to first deploy',
    });
    expect(parseComposerInput('“Curly quotes too”')).toEqual({ kind: 'quote', text: 'Curly quotes too' });
    expect(parseComposerInput('"Half a quote')).toEqual({ kind: 'quote', text: 'Half a quote' });
    expect(parseComposerInput('> block "quoted"')).toEqual({ kind: 'quote', text: 'block "quoted"' });
  });
});
