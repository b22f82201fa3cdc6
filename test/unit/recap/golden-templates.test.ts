/**
 * Recap styles the presets do not make, written as user templates the way their authors would
 * (test/fixtures/recap/templates): a Hugo post with TOML front matter, a list of sessions linking
 * to each section and video shortcodes; a dev.to post in a series with a schedule table, links
 * and to-dos gathered at the end; Jekyll talk cards with kramdown ids and a timestamp list.
 * Rewrite the expected files with `UPDATE_GOLDEN=1 npx vitest run test/unit/recap/golden-templates.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { headingId, renderRecap, validateTemplate, type RecapOptions, type TemplateKind } from '../../../lib/recap';
import { dangerousNodes, nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';
import { GOLDEN_DIR, RECAP_FIXTURES, loadRecapFixture } from './fixtures';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface TemplateCase {
  file: string;
  fixture: 'kcd-sf-bay-area-2025' | 'kubecon-na-2019';
  template: string;
  options: RecapOptions;
}

const CASES: TemplateCase[] = [
  { file: 'kcd-sf-bay-area-2025.hugo-toml-sessions.md', fixture: 'kcd-sf-bay-area-2025', template: 'hugo-toml-sessions.day.liquid', options: {
    title: 'KCD SF Bay Area 2025: my notes', tags: ['kubernetes', 'kcd'],
    intro: 'The first KCD in the Bay Area: one day, two rooms, and a lot of **platform engineering**.',
    outro: 'Thanks to the organizers. See you at KubeCon in Atlanta!',
  } },
  { file: 'kubecon-na-2019.devto-series.md', fixture: 'kubecon-na-2019', template: 'devto-series.day.liquid', options: {
    title: 'KubeCon NA 2019: the talks I went to', tags: ['Kubernetes', 'cloud-native', 'KubeCon', 'Security', 'dropped'],
    intro: 'San Diego, three days, too many talks. These are the ones I made it to.',
  } },
  { file: 'kcd-sf-bay-area-2025.kramdown-cards.md', fixture: 'kcd-sf-bay-area-2025', template: 'kramdown-card.talk.liquid', options: {
    preset: 'bulleted', authors: ['Ada Example'], tags: ['conferences'], intro: null,
    frontMatter: { flavour: 'jekyll', keys: { authors: 'author' }, extra: { categories: ['conferences'], toc: true } },
  } },
];

function kindOf(template: string): TemplateKind {
  return template.endsWith('.day.liquid') ? 'day' : 'talk';
}

function renderCase(c: TemplateCase): string {
  const source = readFileSync(resolve(RECAP_FIXTURES, 'templates', c.template), 'utf8');
  const result = renderRecap(loadRecapFixture(c.fixture), { locale: 'en-US', ...c.options, template: { kind: kindOf(c.template), source } });
  if (!result.ok) throw new Error(`${c.template}: ${result.error.message} (line ${result.error.line})`);
  return result.markdown;
}

/** The body after a `---`/`+++` front matter block. */
function body(markdown: string): string {
  return markdown.replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, '');
}

describe('golden recaps from user templates', () => {
  for (const c of CASES) {
    it(`${c.file} matches`, () => {
      const markdown = renderCase(c);
      const path = resolve(GOLDEN_DIR, c.file);
      if (UPDATE || !existsSync(path)) writeFileSync(path, markdown);
      expect(markdown).toBe(readFileSync(path, 'utf8'));
    });

    it(`${c.template} parses with no unknown variables, and its output carries nothing dangerous`, () => {
      const source = readFileSync(resolve(RECAP_FIXTURES, 'templates', c.template), 'utf8');
      expect(validateTemplate(source, kindOf(c.template))).toEqual({ ok: true, warnings: [] });
      expect(dangerousNodes(body(renderCase(c)))).toEqual([]);
    });
  }

  it('the Hugo list of sessions links to each talk’s heading', () => {
    const doc = parseMarkdown(body(renderCase(CASES[0]!)));
    const ids = nodesOfType(doc, 'heading').filter((h) => h.level === 2).map((h) => headingId(plainText(h)));
    const anchors = nodesOfType(doc, 'link').map((l) => l.destination ?? '').filter((d) => d.startsWith('#')).map((d) => decodeURI(d.slice(1)));
    expect(anchors).toHaveLength(4);
    for (const anchor of anchors) expect(ids).toContain(anchor);
  });

  it('the dev.to front matter is YAML dev.to reads: a comma list of at most four tags', () => {
    const m = /^---\n([\s\S]*?)\n---\n/.exec(renderCase(CASES[1]!));
    expect(YAML.parse(m![1]!)).toEqual({
      title: 'KubeCon NA 2019: the talks I went to', published: false, description: 'What I saw at KubeCon + CloudNativeCon North America 2019',
      tags: 'kubernetes, cloudnative, kubecon, security', series: 'KubeCon + CloudNativeCon North America 2019',
      canonical_url: 'https://ada.example/blog/2019-11-19-kubecon-cloudnativecon-north-america-2019/',
    });
  });

  it('the schedule table has one row per talk', () => {
    const rows = body(renderCase(CASES[1]!)).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| When') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(5);
  });
});
