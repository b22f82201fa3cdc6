/**
 * Hugo's TOML front matter (`+++`). No TOML parser is a dependency, so the block is read back by
 * a strict reader of the subset we write, following the TOML 1.0 grammar for basic strings.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { renderFrontMatter } from '../../../lib/recap/front-matter';
import { isTomlDate, tomlQuote } from '../../../lib/recap/toml';
import { renderRecap } from '../../../lib/recap';
import { hostileString } from './arbitraries';
import { RECAP_FIXTURES, loadRecapFixture } from './fixtures';

// Thousands of generated cases per property: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

/** TOML 1.0 basic string: no raw control but tab, no raw DEL, only the spec's escapes. */
const BASIC_STRING =
  /^"((?:[^"\\\u0000-\u0008\u000A-\u001F\u007F]|\\[btnfr"\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)"/;
const SIMPLE = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' } as Record<string, string>;

function decodeBasic(body: string): string {
  return body.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (_, u: string, U: string, c: string) => {
    if (c) return SIMPLE[c]!;
    const code = parseInt(u ?? U, 16);
    // TOML: "any Unicode scalar value", so never a surrogate.
    if (code >= 0xd800 && code <= 0xdfff) throw new Error(`surrogate escape \\u${u}`);
    return String.fromCodePoint(code);
  });
}

type TomlValue = string | boolean | number | { date: string } | TomlValue[];

/** One value from the start of `s`; returns it and what follows. */
function readValue(s: string): [TomlValue, string] {
  const str = BASIC_STRING.exec(s);
  if (str) return [decodeBasic(str[1]!), s.slice(str[0].length)];
  if (s.startsWith('[')) {
    const items: TomlValue[] = [];
    let rest = s.slice(1);
    while (!rest.startsWith(']')) {
      const [item, after] = readValue(rest);
      items.push(item);
      rest = after.startsWith(', ') ? after.slice(2) : after;
    }
    return [items, rest.slice(1)];
  }
  const bare =
    /^(true|false|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/.exec(
      s,
    );
  if (!bare) throw new Error(`not a TOML value: ${JSON.stringify(s)}`);
  const v = bare[1]!;
  const value = v === 'true' ? true : v === 'false' ? false : /^\d{4}-/.test(v) ? { date: v } : Number(v);
  return [value, s.slice(v.length)];
}

function parseToml(block: string): Record<string, TomlValue> {
  const m = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n$/.exec(block);
  if (!m) throw new Error(`not a TOML front matter block: ${JSON.stringify(block)}`);
  // No prototype: a key may be `__proto__` or `toString`.
  const out = Object.create(null) as Record<string, TomlValue>;
  for (const line of m[1]!.split('\n')) {
    const quotedKey = BASIC_STRING.exec(line);
    const bareKey = /^[A-Za-z0-9_-]+/.exec(line);
    const key = quotedKey ? decodeBasic(quotedKey[1]!) : bareKey?.[0];
    if (key === undefined) throw new Error(`no key: ${JSON.stringify(line)}`);
    const rest = line.slice((quotedKey ?? bareKey)![0].length);
    if (!rest.startsWith(' = ')) throw new Error(`no " = ": ${JSON.stringify(line)}`);
    if (Object.hasOwn(out, key)) throw new Error(`repeated key ${key}`);
    const [value, after] = readValue(rest.slice(3));
    if (after !== '') throw new Error(`trailing text: ${JSON.stringify(after)}`);
    out[key] = value;
  }
  return out;
}

/** What a TOML reader gets back: lone surrogates cannot be written in UTF-8 and become U+FFFD. */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const tomlHostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  hostileString,
  fc
    .array(
      fc.constantFrom(
        '+++',
        '\n+++\n',
        '=',
        ' = ',
        '"',
        '\\',
        '\\u0041',
        '#',
        '[',
        ']',
        '\t',
        '\b',
        '\f',
        '\r',
        '\u007f',
        '\u0085',
        '\ud800',
        '\udc00',
        '\ufeff',
        'é',
        '😀',
        'true',
        '2025-09-09',
        'a',
      ),
      { maxLength: 12 },
    )
    .map((p) => p.join('')),
);

describe('TOML front matter', () => {
  it('tomlQuote parses back to the same text, whatever it holds', () => {
    fc.assert(
      fc.property(tomlHostile, (s) => {
        const quoted = tomlQuote(s);
        const m = BASIC_STRING.exec(quoted);
        expect(m?.[0]).toBe(quoted);
        expect(decodeBasic(m![1]!)).toBe(wellFormed(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips every field and extra key', () => {
    fc.assert(
      fc.property(
        tomlHostile,
        fc.array(tomlHostile, { maxLength: 3 }),
        fc.array(tomlHostile, { maxLength: 3 }),
        tomlHostile,
        tomlHostile,
        (title, tags, authors, extraKey, extraValue) => {
          const block = renderFrontMatter(
            { title, date: '2025-09-09', tags, authors },
            {
              flavour: 'hugo',
              format: 'toml',
              extra: { [extraKey]: extraValue, series: null, [`${extraKey}\ud800`]: 1, [`${extraKey}\udc00`]: 2 },
            },
          );
          const parsed = parseToml(block);
          expect(parsed.title).toBe(wellFormed(title));
          expect(parsed.tags).toEqual(tags.map(wellFormed));
          expect(parsed.authors).toEqual(authors.map(wellFormed));
          expect(parsed.date).toEqual({ date: '2025-09-09' });
          expect(parsed.draft).toBe(true);
          if (extraKey !== 'series') expect(Object.hasOwn(parsed, 'series')).toBe(false);
          if (!['title', 'date', 'draft', 'tags', 'authors'].includes(extraKey))
            expect(parsed[wellFormed(extraKey)]).toBe(wellFormed(extraValue));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('writes Hugo’s TOML the way Hugo sites have it', () => {
    const fields = {
      title: 'KCD SF: "Recap" +++',
      date: '2025-09-09T09:30:00-07:00',
      tags: ['kubernetes', 'kcd'],
      authors: ['drmorr'],
    };
    expect(
      renderFrontMatter(fields, {
        flavour: 'hugo',
        format: 'toml',
        keys: { authors: null },
        extra: { categories: ['Events'], weight: 10, 'odd key': false },
      }),
    ).toBe(
      [
        '+++',
        'title = "KCD SF: \\"Recap\\" +++"',
        'date = 2025-09-09T09:30:00-07:00',
        'draft = true',
        'tags = ["kubernetes", "kcd"]',
        'categories = ["Events"]',
        'weight = 10',
        '"odd key" = false',
        '+++',
        '',
      ].join('\n'),
    );
  });

  it('writes a date bare only when TOML reads it as one', () => {
    expect(
      ['2025-09-09', '2025-09-09T09:30:00Z', '2025-09-09 09:30:00', '2025-09-09T09:30:00.5+02:00'].every(isTomlDate),
    ).toBe(true);
    // YAML and Jekyll take these; TOML 1.0 wants seconds and a colon in the offset.
    expect(['2025-09-09 09:30', '2025-09-09 09:30:00 -0700', '2025-09-09T09:30:00-0700', 'soon'].some(isTomlDate)).toBe(
      false,
    );
    // The right shape is not enough: TOML parsers refuse a day or a time that does not exist.
    expect(['2024-02-29', '2000-02-29', '2025-12-31T23:59:59+14:00', '2025-04-30 00:00:00Z'].every(isTomlDate)).toBe(
      true,
    );
    for (const bad of [
      '2025-13-45',
      '2025-00-10',
      '2025-09-00',
      '2025-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-09-09T24:00:00',
      '2025-09-09T09:60:00',
      '2025-09-09T09:30:60',
      '2025-09-09T09:30:00+24:00',
      '2025-09-09T09:30:00-07:60',
    ])
      expect(isTomlDate(bad), bad).toBe(false);
    expect(
      renderFrontMatter(
        { title: 't', date: '2025-13-45', tags: [], authors: [] },
        { flavour: 'obsidian', format: 'toml' },
      ),
    ).toContain('date = "2025-13-45"');
    const block = renderFrontMatter(
      { title: 't', date: '2025-09-09 09:30:00 -0700', tags: [], authors: [] },
      { flavour: 'obsidian', format: 'toml' },
    );
    expect(block).toBe('+++\ntitle = "t"\ndate = "2025-09-09 09:30:00 -0700"\ntags = []\nauthors = []\n+++\n');
    expect(
      renderFrontMatter({ title: 't', date: null, tags: [], authors: [] }, { flavour: 'none', format: 'toml' }),
    ).toBe('');
  });

  it('writes numbers TOML can hold', () => {
    const block = renderFrontMatter(
      { title: 't', date: null, tags: [], authors: [] },
      {
        flavour: 'obsidian',
        format: 'toml',
        extra: { big: 2 ** 64, nan: Number.NaN, small: 0.5 },
      },
    );
    expect(parseToml(block)).toMatchObject({ big: 2 ** 64, nan: 'NaN', small: 0.5 });
  });

  it('leaves out a date a template writes when no talk has a time, guarded or not', () => {
    const input = loadRecapFixture('kcd-sf-bay-area-2025');
    const untimed = {
      ...input,
      talks: input.talks.map((t) => ({ ...t, start: null, end: null, startAt: null, endAt: null })),
    };
    const hugo = readFileSync(resolve(RECAP_FIXTURES, 'templates', 'hugo-toml-sessions.day.liquid'), 'utf8');
    const naive =
      '+++\ntitle = {{ recap.title | toml_string }}\ndate = {{ talks.first | date: "%FT%T%:z" }}\n"day".on =  # the day\n' +
      'day = {{ recap.date }}\nstart = {{ talks.first.start_at }}\ndraft = true\n+++\n\n## {{ recap.title }}\nnote =\n';
    for (const source of [hugo, naive]) {
      const result = renderRecap(untimed, { title: 'Recap', tags: ['kcd'], template: { kind: 'day', source } });
      if (!result.ok) throw new Error(result.error.message);
      const block = /^\+\+\+\n[\s\S]*?\n\+\+\+\n/.exec(result.markdown)![0];
      expect(parseToml(block)).toMatchObject({ title: 'Recap', draft: true });
      expect(block).not.toMatch(/date|day|start/);
      // Only the front matter: the same line in the post is text.
      if (source === naive) expect(result.markdown).toMatch(/\nnote =\n$/);
    }
    const timed = renderRecap(input, { template: { kind: 'day', source: naive } });
    expect(timed.ok && parseToml(/^\+\+\+\n[\s\S]*?\n\+\+\+\n/.exec(timed.markdown)![0])).toMatchObject({
      date: { date: '2025-09-09T09:30:00-07:00' },
      day: { date: '2025-09-09' },
    });
  });

  it('gives a whole recap TOML front matter on request', () => {
    const result = renderRecap(loadRecapFixture('kcd-sf-bay-area-2025'), {
      frontMatter: { flavour: 'hugo', format: 'toml' },
      tags: ['kcd'],
    });
    expect(result.ok && result.markdown).toMatch(
      /^\+\+\+\ntitle = "KCD SF Bay Area 2025 – Recap"\ndate = 2025-09-09\ndraft = true\ntags = \["kcd"\]\nauthors = \[\]\n\+\+\+\n\n_Intro: /,
    );
  });
});
