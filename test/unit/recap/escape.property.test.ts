import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { escapeMarkdownInline, markdownLink, normalizeInlineText } from '../../../lib/recap/escape';
import { neutralizeMarkdown } from '../../../lib/recap/neutralize';
import { indentContinuation } from '../../../lib/recap/talk-section';
import { hostileString, hostileUrl } from './arbitraries';
import { dangerousNodes, nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';

// Thousands of generated cases per property: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const RUNS = { numRuns: 1500 };

const anyString = fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 40 }));

describe('escapeMarkdownInline', () => {
  it('a heading reads back as the same text, with no structure', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const doc = parseMarkdown(`## ${escapeMarkdownInline(s)}\n`);
        const headings = nodesOfType(doc, 'heading');
        expect(headings).toHaveLength(1);
        expect(doc.firstChild?.next ?? null).toBeNull();
        expect(plainText(headings[0]!)).toBe(normalizeInlineText(s));
        for (const t of ['emph', 'strong', 'link', 'image', 'code', 'html_inline'])
          expect(nodesOfType(doc, t)).toHaveLength(0);
      }),
      RUNS,
    );
  });

  it('a list item and a paragraph read back as the same text', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const escaped = escapeMarkdownInline(s);
        const item = parseMarkdown(`- ${escaped}\n`);
        const para = parseMarkdown(`${escaped}\n`);
        const expected = normalizeInlineText(s);
        if (expected !== '') {
          expect(nodesOfType(item, 'item')).toHaveLength(1);
          expect(plainText(item)).toBe(expected);
          expect(para.firstChild?.type).toBe('paragraph');
          expect(plainText(para)).toBe(expected);
        }
        expect(dangerousNodes(`${escaped}\n`)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps ordinary titles readable', () => {
    expect(escapeMarkdownInline('Best Practices for GitOps Promotions')).toBe('Best Practices for GitOps Promotions');
    expect(escapeMarkdownInline('You Can’t Handle the Root! C# & snake_case: Q&A')).toBe(
      'You Can’t Handle the Root! C# & snake_case: Q&A',
    );
    expect(escapeMarkdownInline('10 Things * That [Matter] <b>')).toBe('10 Things \\* That \\[Matter\\] \\<b>');
    expect(escapeMarkdownInline('- dash | pipe _under_ #')).toBe('\\- dash \\| pipe \\_under\\_ \\#');
    expect(escapeMarkdownInline('2025. A year')).toBe('2025\\. A year');
    expect(escapeMarkdownInline('{{ site.title }} {% raw %}')).toBe('\\{\\{ site.title }} \\{\\% raw %}');
  });
});

describe('markdownLink', () => {
  it('never produces a link to a non-navigating scheme, whatever the URL', () => {
    fc.assert(
      fc.property(hostileString, hostileUrl, (text, url) => {
        const md = markdownLink(text, url);
        expect(dangerousNodes(md)).toEqual([]);
        const doc = parseMarkdown(md);
        const links = nodesOfType(doc, 'link');
        expect(links.length).toBeLessThanOrEqual(1);
        const label = normalizeInlineText(text);
        if (links.length === 1 && label !== '') expect(plainText(links[0]!)).toBe(label);
        if (links.length === 0) expect(plainText(doc)).toBe(label);
      }),
      RUNS,
    );
  });

  it('keeps the URL exactly', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const links = nodesOfType(parseMarkdown(markdownLink('x', url)), 'link');
        expect(links).toHaveLength(1);
        expect(decodeURI(links[0]!.destination!)).toBe(decodeURI(new URL(url).href));
      }),
      RUNS,
    );
  });
});

describe('neutralizeMarkdown', () => {
  it('leaves no raw HTML and no script links, in either mode and in any placement', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom('user', 'page') as fc.Arbitrary<'user' | 'page'>, (s, mode) => {
        const md = neutralizeMarkdown(s, mode);
        // Placed in a list item the way the recap places a note (a JS `.` would skip a line that
        // starts with U+2028, which CommonMark reads as text: fast-check found it).
        const indented = indentContinuation(md, 2);
        for (const placed of [
          md,
          `- [12:34] ${indented}`,
          `- ${indented}`,
          `> ${md.replace(/\n/g, '\n> ')}`,
          `**Note:** ${md}`,
          `Text\n${md}`,
        ]) {
          expect(dangerousNodes(placed), JSON.stringify({ s, mode, placed })).toEqual([]);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('is self-contained: what follows it is still read as the recap', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom('user', 'page') as fc.Arbitrary<'user' | 'page'>, (s, mode) => {
        const md = neutralizeMarkdown(s, mode);
        // Placed in a list item the way the recap places a note (a JS `.` would skip a line that
        // starts with U+2028, which CommonMark reads as text: fast-check found it).
        const indented = indentContinuation(md, 2);
        for (const placed of [md, `- [12:34] ${indented}`, `> ${md.replace(/\n/g, '\n> ')}`, `**Note:** ${md}`]) {
          const doc = parseMarkdown(`${placed}\n\n## END\n\n- [ ] next`);
          const last = doc.lastChild!;
          const end = last.prev;
          expect(last.type, JSON.stringify({ s, mode, placed })).toBe('list');
          expect(end?.type).toBe('heading');
          expect(plainText(end!)).toBe('END');
        }
        expect(md).not.toMatch(/\n[ \t]*\n[ \t]*\n/);
      }),
      { numRuns: 4000, examples: [['~~~\n\u2028*', 'user']] },
    );
  });

  it('keeps ordinary note Markdown as typed', () => {
    const note =
      'Use **`kubectl get pods -o wide`** and see [the docs](https://kubernetes.io/docs/) — `Map<K, V>` works\n\n```ts\nconst a = <T>(x: T) => x;\n```\n\n- one\n- two';
    expect(neutralizeMarkdown(note)).toBe(note);
  });

  it('defangs HTML and script links but keeps the words', () => {
    expect(neutralizeMarkdown('Hi <script>alert(1)</script> & <b>x</b> a < b')).toBe(
      'Hi \\<script>alert(1)\\</script> & \\<b>x\\</b> a < b',
    );
    expect(neutralizeMarkdown('[x](javascript:alert(1)) ![i]( JaVa\\:x) [r]: vbscript:x <https://ok.example>')).toBe(
      '[x](#javascript:alert(1)) ![i]( #JaVa\\:x) [r]: #vbscript:x <https://ok.example>',
    );
    expect(neutralizeMarkdown('<img src=x onerror=alert(1)>', 'page')).toBe('\\<img src=x onerror=alert(1)>');
    expect(neutralizeMarkdown('`<b>`', 'page')).toBe('`\\<b>`');
  });
});
