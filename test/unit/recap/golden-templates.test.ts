/**
 * Recap styles the presets do not make, written as user templates the way their authors would
 * (test/fixtures/recap/templates): a Hugo post with TOML front matter, a list of sessions linking
 * to each section and video shortcodes; a dev.to post in a series with a schedule table, links
 * and to-dos gathered at the end; Jekyll talk cards with kramdown ids and a timestamp list.
 * Rewrite the expected files with `UPDATE_GOLDEN=1 npx vitest run test/unit/recap/golden-templates.test.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { headingId, renderRecap, validateTemplate, type RecapOptions, type TemplateKind } from '../../../lib/recap';
import { dangerousNodes, nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';
import {
  GOLDEN_DIR,
  RECAP_FIXTURES,
  UPDATE_GOLDEN,
  expectGolden,
  loadRecapFixture,
  type RecapFixtureName,
} from './fixtures';

interface TemplateCase {
  file: string;
  fixture: RecapFixtureName;
  template: string;
  options: RecapOptions;
}

const CASES: TemplateCase[] = [
  {
    file: 'kcd-sf-bay-area-2025.hugo-toml-sessions.md',
    fixture: 'kcd-sf-bay-area-2025',
    template: 'hugo-toml-sessions.day.liquid',
    options: {
      title: 'KCD SF Bay Area 2025: my notes',
      tags: ['kubernetes', 'kcd'],
      intro: 'The first KCD in the Bay Area: one day, two rooms, and a lot of **platform engineering**.',
      outro: 'Thanks to the organizers. See you at KubeCon in Atlanta!',
    },
  },
  {
    file: 'kubecon-na-2019.devto-series.md',
    fixture: 'kubecon-na-2019',
    template: 'devto-series.day.liquid',
    options: {
      title: 'KubeCon NA 2019: the talks I went to',
      tags: ['Kubernetes', 'cloud-native', 'KubeCon', 'Security', 'dropped'],
      intro: 'San Diego, three days, too many talks. These are the ones I made it to.',
    },
  },
  {
    file: 'kcd-sf-bay-area-2025.kramdown-cards.md',
    fixture: 'kcd-sf-bay-area-2025',
    template: 'kramdown-card.talk.liquid',
    options: {
      preset: 'bulleted',
      authors: ['Ada Example'],
      tags: ['conferences'],
      intro: null,
      frontMatter: {
        flavour: 'jekyll',
        keys: { authors: 'author' },
        extra: { categories: ['conferences'], toc: true },
      },
    },
  },
  // A two-day virtual conference in Berlin's clock, read from Los Angeles: "Day Two", CEST
  // labels with the reader's own time, a panel "moderated by" its host.
  {
    file: 'oscs-virtual-2025.virtual-wrapup.md',
    fixture: 'oscs-virtual-2025',
    template: 'virtual-wrapup.day.liquid',
    options: {
      readerTimeZone: 'America/Los_Angeles',
      title: 'Open Source Cloud Summit 2025, from my desk',
      intro: 'Two days of talks streamed from Berlin, watched from California with a lot of coffee.',
      outro: 'Replays are up for most sessions. Next year: in person?',
      frontMatter: { flavour: 'hugo', extra: { categories: ['Conferences'], showToc: false } },
    },
  },
  // A team's write-up: an "In this recap" list linking each session, takeaways grouped by topic.
  {
    file: 'oscs-virtual-2025.team-post.md',
    fixture: 'oscs-virtual-2025',
    template: 'team-post.day.liquid',
    options: {
      title: 'What the platform team learned at OSCS 2025',
      authors: ['Platform Team'],
      tags: ['conferences', 'platform'],
      intro: 'Four of us split the two days between the tracks. Here is what we brought back.',
      outro: '- Right-size requests in the staging cluster\n- Ask procurement about sponsoring our dependencies',
    },
  },
  // Talk cards: "Session N", panelists with companies, "Moderated by", the conference's day.
  {
    file: 'oscs-virtual-2025.panel-cards.md',
    fixture: 'oscs-virtual-2025',
    template: 'panel-card.talk.liquid',
    options: {
      preset: 'structured',
      title: 'OSCS 2025 session notes',
      intro: null,
      frontMatter: { flavour: 'hugo', format: 'toml', extra: { weight: 20 } },
    },
  },
];

function kindOf(template: string): TemplateKind {
  return template.endsWith('.day.liquid') ? 'day' : 'talk';
}

function renderCase(c: TemplateCase): string {
  const source = readFileSync(resolve(RECAP_FIXTURES, 'templates', c.template), 'utf8');
  const result = renderRecap(loadRecapFixture(c.fixture), {
    locale: 'en-US',
    ...c.options,
    template: { kind: kindOf(c.template), source },
  });
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
      expectGolden(c.file, renderCase(c));
    });

    it(`${c.template} parses with no unknown variables, and its output carries nothing dangerous`, () => {
      const source = readFileSync(resolve(RECAP_FIXTURES, 'templates', c.template), 'utf8');
      expect(validateTemplate(source, kindOf(c.template))).toEqual({ ok: true, warnings: [] });
      expect(dangerousNodes(body(renderCase(c)))).toEqual([]);
    });
  }

  it.skipIf(UPDATE_GOLDEN)('a missing golden file fails rather than being written', () => {
    expect(() => expectGolden('no-such-case.md', '# x\n')).toThrow(/UPDATE_GOLDEN=1/);
    expect(existsSync(resolve(GOLDEN_DIR, 'no-such-case.md'))).toBe(false);
  });

  it('the Hugo list of sessions links to each talk’s heading', () => {
    const doc = parseMarkdown(body(renderCase(CASES[0]!)));
    // GitHub's (and Hugo's) ids, worked out by hand: lower case, spaces to `-`, `’` and `!` dropped.
    const talks = [
      [
        'You Can’t Handle the Root! Container Isolation for Secure Multi-tenancy',
        'you-cant-handle-the-root-container-isolation-for-secure-multi-tenancy',
      ],
      ['Best Practices for GitOps Promotions', 'best-practices-for-gitops-promotions'],
      [
        '10 Things That Super Mario Taught Me About Platform Engineering',
        '10-things-that-super-mario-taught-me-about-platform-engineering',
      ],
      ['Introduction to Bootable Containers', 'introduction-to-bootable-containers'],
    ];
    expect(
      nodesOfType(doc, 'heading')
        .filter((h) => h.level === 2)
        .map(plainText),
    ).toEqual(['Sessions I attended', ...talks.map(([title]) => title)]);
    const anchors = nodesOfType(doc, 'link')
      .map((l) => l.destination ?? '')
      .filter((d) => d.startsWith('#'))
      .map((d) => decodeURI(d.slice(1)));
    expect(anchors).toEqual(talks.map(([, id]) => id));
  });

  it('the dev.to front matter is YAML dev.to reads: a comma list of at most four tags', () => {
    const m = /^---\n([\s\S]*?)\n---\n/.exec(renderCase(CASES[1]!));
    expect(YAML.parse(m![1]!)).toEqual({
      title: 'KubeCon NA 2019: the talks I went to',
      published: false,
      description: 'What I saw at KubeCon + CloudNativeCon North America 2019',
      tags: 'kubernetes, cloudnative, kubecon, security',
      series: 'KubeCon + CloudNativeCon North America 2019',
      canonical_url: 'https://ada.example/blog/2019-11-19-kubecon-cloudnativecon-north-america-2019/',
    });
  });

  it('the schedule table has one row per talk', () => {
    const rows = body(renderCase(CASES[1]!))
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| When') && !l.startsWith('| ---'));
    expect(rows).toHaveLength(5);
  });

  it('the virtual wrap-up says "Day Two", the venue’s CEST and the reader’s own time, and who moderated', () => {
    const markdown = renderCase(CASES.find((c) => c.template === 'virtual-wrapup.day.liquid')!);
    expect(markdown).toMatch(/^## Day One: Tuesday, September 16$/m);
    expect(markdown).toMatch(/^## Day Two: Wednesday, September 17$/m);
    expect(markdown).toContain('🕘 1:00 – 1:45 PM CEST (4:00 AM PDT for me)');
    expect(markdown).toContain("_Aiko Tanaka, Sam O'Neil, Dana Kowalski, moderated by Marco Rossi_");
    expect(markdown).toContain('_Tom Becker, Grace Liu, moderated by Fatima Zahra_');
    expect(markdown).not.toMatch(/GMT[+-]/);
  });

  it('the team post’s "In this recap" links reach every session heading, and takeaways sit under their topic', () => {
    const markdown = renderCase(CASES.find((c) => c.template === 'team-post.day.liquid')!);
    const doc = parseMarkdown(body(markdown));
    const sessionIds = nodesOfType(doc, 'heading')
      .filter((h) => h.level === 3)
      .map((h) => headingId(plainText(h)));
    const links = nodesOfType(doc, 'link')
      .map((l) => l.destination ?? '')
      .filter((d) => d.startsWith('#'));
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const link of links) expect(sessionIds).toContain(link.slice(1));
    expect(markdown).toMatch(
      /^### Platform\n- Requests set the bill[^\n]*\n- Treat the platform as a product[^\n]*\n- Measure adoption/m,
    );
    expect(markdown).not.toMatch(/^### Keynotes\n[\s\S]*^### Keynotes$/m);
  });
});
