/**
 * Custom front matter rows, read back by real parsers: `yaml` (YAML 1.1 schema, so dates come
 * back as dates, the way Hugo and Jekyll read them) and smol-toml (TOML 1.0).
 */
import fc from 'fast-check';
import { parse as parseToml, TomlDate } from 'smol-toml';
import { describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { renderFrontMatter } from '../../../lib/recap/front-matter';
import { frontMatterExtra, frontMatterRowValue, type FrontMatterRow } from '../../../lib/recap/front-matter-rows';
import { hostileString } from './arbitraries';

vi.setConfig({ testTimeout: 180_000 });

const FIELDS = { title: 'KCD: "Recap"', date: '2025-09-09', tags: ['k8s'], authors: ['Ada'] };

function yamlOf(rows: readonly FrontMatterRow[], flavour: 'hugo' | 'jekyll' = 'hugo'): Record<string, unknown> {
  const { extra, draft } = frontMatterExtra(rows);
  const block = renderFrontMatter(FIELDS, { flavour, extra, ...(draft === undefined ? {} : { draft }) });
  const m = /^---\n([\s\S]*?)\n---\n$/.exec(block);
  if (!m) throw new Error(`not a front matter block: ${block}`);
  return YAML.parse(m[1]!, { schema: 'yaml-1.1', uniqueKeys: true }) as Record<string, unknown>;
}

function tomlOf(rows: readonly FrontMatterRow[]): Record<string, unknown> {
  const { extra, draft } = frontMatterExtra(rows);
  const block = renderFrontMatter(FIELDS, {
    flavour: 'hugo',
    format: 'toml',
    extra,
    ...(draft === undefined ? {} : { draft }),
  });
  const m = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n$/.exec(block);
  if (!m) throw new Error(`not a TOML block: ${block}`);
  return parseToml(m[1]!) as Record<string, unknown>;
}

const ROWS: FrontMatterRow[] = [
  { key: 'template', type: 'string', value: 'post.html' },
  { key: 'weight', type: 'number', value: ' 10.5 ' },
  { key: 'showAuthor', type: 'boolean', value: 'True' },
  { key: 'published', type: 'date', value: '2025-09-10' },
  { key: 'datetime', type: 'datetime', value: '2025-09-09T10:30+02:00' },
  { key: 'local', type: 'datetime', value: '2025-09-09 18:05:09' },
  { key: 'categories', type: 'list', value: 'DevOps, Events,, ' },
  { key: 'odd key: #1', type: 'string', value: 'yes' },
  { key: '', type: 'string', value: 'skipped: no key' },
];

describe('custom front matter rows', () => {
  it('writes each type as YAML that a YAML parser reads back as that type', () => {
    const parsed = yamlOf(ROWS);
    expect(parsed).toMatchObject({
      title: 'KCD: "Recap"',
      template: 'post.html',
      weight: 10.5,
      showAuthor: true,
      categories: ['DevOps', 'Events'],
      'odd key: #1': 'yes',
    });
    expect(parsed.published).toEqual(new Date('2025-09-10T00:00:00Z'));
    expect(parsed.datetime).toEqual(new Date('2025-09-09T08:30:00Z'));
    expect(parsed.local).toBeInstanceOf(Date);
    // A string that looks like a boolean or a number stays a string.
    expect(yamlOf([{ key: 'a', type: 'string', value: 'true' }]).a).toBe('true');
    expect(yamlOf([{ key: 'n', type: 'string', value: '010' }]).n).toBe('010');
  });

  it('writes each type as TOML that smol-toml reads back as that type', () => {
    const parsed = tomlOf(ROWS);
    expect(parsed).toMatchObject({
      title: 'KCD: "Recap"',
      draft: true,
      template: 'post.html',
      weight: 10.5,
      showAuthor: true,
      categories: ['DevOps', 'Events'],
      'odd key: #1': 'yes',
    });
    const published = parsed.published as TomlDate;
    expect(published).toBeInstanceOf(TomlDate);
    expect(published.isDate()).toBe(true);
    expect(published.toISOString()).toBe('2025-09-10');
    expect((parsed.datetime as TomlDate).toISOString()).toBe('2025-09-09T10:30:00.000+02:00');
    expect((parsed.local as TomlDate).isLocal()).toBe(true);
    expect((parsed.local as TomlDate).toISOString()).toBe('2025-09-09T18:05:09.000');
  });

  it('a draft row sets Hugo’s draft line, and is a key of its own for other tools', () => {
    const draft: FrontMatterRow = { key: 'draft', type: 'boolean', value: 'false' };
    expect(yamlOf([draft]).draft).toBe(false);
    expect(tomlOf([draft]).draft).toBe(false);
    expect(yamlOf([draft], 'jekyll')).toMatchObject({ layout: 'post', draft: false });
  });

  it('says which rows it cannot write, and why, and leaves them out', () => {
    const { extra, problems } = frontMatterExtra([
      { key: 'n', type: 'number', value: '12px' },
      { key: 'b', type: 'boolean', value: 'yes' },
      { key: 'd', type: 'date', value: '2025-02-30' },
      { key: 't', type: 'datetime', value: '2025-09-09T25:00' },
      { key: 'title', type: 'string', value: 'Mine' },
      { key: 'x', type: 'string', value: '1' },
      { key: 'x', type: 'string', value: '2' },
    ]);
    expect(extra).toEqual({ x: '1' });
    expect(problems.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(problems[0]!.message).toBe('“n” is not a number');
    expect(problems[4]!.message).toMatch(/“title” is written by Talkmark/);
    expect(frontMatterRowValue({ key: 'n', type: 'number', value: 'Infinity' }).ok).toBe(false);
  });

  it('keeps hostile keys and values inert: YAML and TOML read back exactly those keys and values', () => {
    const hostile = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), hostileString);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ key: hostile, type: fc.constantFrom('string' as const, 'list' as const), value: hostile }),
          { maxLength: 4 },
        ),
        (rows) => {
          const { extra } = frontMatterExtra(rows);
          const expected = Object.entries(extra);
          const yaml = yamlOf(rows);
          const toml = tomlOf(rows);
          const standard = ['title', 'date', 'draft', 'tags', 'authors'];
          // Nothing but the standard keys and the rows' keys: no row wrote a key of its own making.
          expect(
            Object.keys(yaml)
              .filter((k) => !standard.includes(k))
              .sort(),
          ).toEqual(
            expected
              .map(([k]) => k)
              .filter((k) => !standard.includes(k))
              .sort(),
          );
          expect(yaml.title).toBe(FIELDS.title);
          expect(toml.title).toBe(FIELDS.title);
          for (const [key, value] of expected) {
            if (standard.includes(key)) continue;
            expect(yaml[key]).toEqual(value);
            // TOML holds Unicode scalar values: a lone surrogate comes back as U+FFFD.
            const wellFormed = (s: string) => s.toWellFormed();
            expect(toml[wellFormed(key)]).toEqual(
              Array.isArray(value) ? value.map(wellFormed) : wellFormed(value as string),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
