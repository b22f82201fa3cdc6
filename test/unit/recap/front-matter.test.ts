import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { renderFrontMatter, yamlQuote } from '../../../lib/recap/front-matter';

// Thousands of generated cases per property: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

/** The YAML between the `---` fences, parsed. */
function parseFrontMatter(block: string): unknown {
  const m = /^---\n([\s\S]*?)\n---\n$/.exec(block);
  if (!m) throw new Error(`not a front matter block: ${JSON.stringify(block)}`);
  return YAML.parse(m[1]!, { uniqueKeys: true });
}

const yamlHostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        ':',
        ': ',
        '#',
        ' #',
        '---',
        '\n---\n',
        '...',
        '"',
        "'",
        '\\',
        '\\n',
        '{',
        '}',
        '[',
        ']',
        ',',
        '&a',
        '*a',
        '!tag',
        '|',
        '>',
        '%YAML',
        '@',
        '`',
        '- ',
        '? ',
        'yes',
        'no',
        'true',
        'null',
        '~',
        '0x1F',
        '1e3',
        '2025-09-09',
        '\t',
        '\r\n',
        '\u0085',
        '\u2028',
        '\u2029',
        '\ufeff',
        '\ud800',
        '\udc00',
        '\u0000',
        '\u007f',
        '\u009f',
        '\ufffe',
        'é',
        '😀',
        'a',
        ' ',
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.join('')),
);

describe('yamlQuote', () => {
  it('parses back to exactly the same string, whatever it holds', () => {
    fc.assert(
      fc.property(yamlHostile, (s) => {
        expect(YAML.parse(`v: ${yamlQuote(s)}\n`)).toEqual({ v: s });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('renderFrontMatter', () => {
  it('round-trips every field through a YAML parser', () => {
    fc.assert(
      fc.property(
        yamlHostile,
        fc.array(yamlHostile, { maxLength: 3 }),
        fc.array(yamlHostile, { maxLength: 3 }),
        yamlHostile,
        yamlHostile,
        (title, tags, authors, extraKey, extraValue) => {
          const block = renderFrontMatter(
            { title, date: '2025-09-09', tags, authors },
            {
              flavour: 'hugo',
              keys: { date: 'datetime' },
              extra: { [extraKey]: extraValue },
            },
          );
          const parsed = parseFrontMatter(block) as Record<string, unknown>;
          expect(parsed.title).toBe(title);
          expect(parsed.tags).toEqual(tags);
          expect(parsed.authors).toEqual(authors);
          expect(parsed.datetime).toBe('2025-09-09');
          if (!['title', 'datetime', 'draft', 'tags', 'authors'].includes(extraKey))
            expect(parsed[extraKey]).toBe(extraValue);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('writes each flavour the way its tool expects', () => {
    const fields = { title: 'KCD SF: "Recap"', date: '2025-09-09', tags: ['kubernetes'], authors: ['drmorr'] };
    expect(renderFrontMatter(fields, { flavour: 'hugo' })).toBe(
      '---\ntitle: "KCD SF: \\"Recap\\""\ndate: 2025-09-09\ndraft: true\ntags:\n  - "kubernetes"\nauthors:\n  - "drmorr"\n---\n',
    );
    expect(renderFrontMatter(fields, { flavour: 'jekyll', keys: { authors: 'author' } })).toBe(
      '---\nlayout: "post"\ntitle: "KCD SF: \\"Recap\\""\ndate: 2025-09-09\ntags:\n  - "kubernetes"\nauthor:\n  - "drmorr"\n---\n',
    );
    expect(renderFrontMatter(fields, { flavour: 'obsidian', keys: { title: null } })).toBe(
      '---\ndate: 2025-09-09\ntags:\n  - "kubernetes"\nauthors:\n  - "drmorr"\n---\n',
    );
    expect(renderFrontMatter(fields, { flavour: 'none' })).toBe('');
  });

  it('keeps dates bare for date parsers, quotes anything that is not a date, and never repeats a key', () => {
    const block = renderFrontMatter(
      { title: 't', date: 'soon: maybe', tags: [], authors: [] },
      {
        flavour: 'hugo',
        extra: { title: 'again', draft: false, 'odd key: x': 1, categories: ['DevOps'] },
      },
    );
    expect(block).toContain('date: "soon: maybe"');
    expect(block).toContain('tags: []');
    expect(parseFrontMatter(block)).toEqual({
      title: 't',
      date: 'soon: maybe',
      draft: true,
      tags: [],
      authors: [],
      'odd key: x': 1,
      categories: ['DevOps'],
    });
    expect(
      renderFrontMatter(
        { title: 't', date: '2025-09-09T09:30:00-07:00', tags: [], authors: [] },
        { flavour: 'obsidian' },
      ),
    ).toContain('date: 2025-09-09T09:30:00-07:00\n');
  });
});
