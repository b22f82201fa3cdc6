/**
 * Fixture data → expected Markdown, compared byte for byte. After an intended change, rewrite
 * the files with `UPDATE_GOLDEN=1 npx vitest run test/unit/recap` and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { TALK_STARTERS, dayStarterTemplate, renderRecap, type RecapOptions } from '../../../lib/recap';
import { DEFAULT_EXPORT_CHOICES, recapOptionsFor } from '../../../lib/export/export-choices';
import { expectGolden, loadRecapFixture } from './fixtures';

interface GoldenCase {
  file: string;
  fixture: 'kcd-sf-bay-area-2025' | 'kubecon-na-2019';
  options: RecapOptions & { preset: NonNullable<RecapOptions['preset']> };
}

const CASES: GoldenCase[] = [
  {
    file: 'kcd-sf-bay-area-2025.narrative.md',
    fixture: 'kcd-sf-bay-area-2025',
    options: {
      preset: 'narrative',
      authors: ['drmorr'],
      frontMatter: { flavour: 'hugo', keys: { date: 'datetime', tags: null }, extra: { template: 'post.html' } },
    },
  },
  {
    file: 'kcd-sf-bay-area-2025.bulleted.md',
    fixture: 'kcd-sf-bay-area-2025',
    options: { preset: 'bulleted', mainTakeaways: false },
  },
  {
    file: 'kcd-sf-bay-area-2025.structured.md',
    fixture: 'kcd-sf-bay-area-2025',
    options: {
      preset: 'structured',
      title: 'Kubernetes Community Day SF Bay Area 2025 - Feedback',
      authors: ['lionelgurret'],
      tags: ['Events', 'Kubernetes'],
      frontMatter: {
        flavour: 'hugo',
        draft: false,
        extra: { description: '', categories: ['DevOps'], showAuthor: true },
      },
      outro: 'A great first KCD in the Bay Area. See you at KubeCon!',
    },
  },
  {
    file: 'kubecon-na-2019.narrative.md',
    fixture: 'kubecon-na-2019',
    options: { preset: 'narrative', frontMatter: { flavour: 'obsidian' }, tags: ['kubecon', 'conference'] },
  },
  {
    file: 'kubecon-na-2019.bulleted.md',
    fixture: 'kubecon-na-2019',
    options: {
      preset: 'bulleted',
      title: 'Day 1 at KubeCon!',
      intro: 'Here are the sessions I attended at KubeCon in San Diego, day by day.',
    },
  },
  {
    file: 'kubecon-na-2019.structured.md',
    fixture: 'kubecon-na-2019',
    options: {
      preset: 'structured',
      authors: ['Ada Example'],
      tags: ['kubecon'],
      frontMatter: { flavour: 'jekyll', keys: { authors: 'author' } },
    },
  },
];

describe('golden recaps', () => {
  for (const c of CASES) {
    it(`${c.file} matches`, () => {
      const result = renderRecap(loadRecapFixture(c.fixture), { locale: 'en-US', ...c.options });
      if (!result.ok) throw new Error(result.error.message);
      expectGolden(c.file, result.markdown);
    });

    it(`${c.file}: the Liquid starters render the same Markdown`, () => {
      const input = loadRecapFixture(c.fixture);
      const options = { locale: 'en-US', ...c.options };
      const preset = renderRecap(input, options);
      const talk = renderRecap(input, {
        ...options,
        template: { kind: 'talk', source: TALK_STARTERS[c.options.preset] },
      });
      const day = renderRecap(input, {
        ...options,
        template: { kind: 'day', source: dayStarterTemplate(c.options.preset) },
      });
      expect(talk).toEqual(preset);
      expect(day).toEqual(preset);
    });
  }

  // "One talk" in the Export view: a post of its own, without the day post's intro placeholder
  // and Main takeaways, titled and named after the talk.
  for (const preset of ['narrative', 'bulleted', 'structured'] as const) {
    const file = `kcd-sf-bay-area-2025.one-talk.${preset}.md`;
    const oneTalk = () => {
      const input = loadRecapFixture('kcd-sf-bay-area-2025');
      return { ...input, talks: input.talks.filter((t) => t.id === 'kcdsf-1') };
    };
    const options: RecapOptions = { locale: 'en-US', preset, singleTalk: true };

    it(`${file} matches, and the Liquid starters render the same`, () => {
      const result = renderRecap(oneTalk(), options);
      if (!result.ok) throw new Error(result.error.message);
      expectGolden(file, result.markdown);
      expect(result.markdown).not.toMatch(/Intro:|Replace this line|Main takeaways/);
      expect(result.fileName).toBe('2025-09-09-you-can-t-handle-the-root-container-isolation-for-secure-recap.md');
      expect(renderRecap(oneTalk(), { ...options, template: { kind: 'talk', source: TALK_STARTERS[preset] } })).toEqual(
        result,
      );
      expect(
        renderRecap(oneTalk(), { ...options, template: { kind: 'day', source: dayStarterTemplate(preset) } }),
      ).toEqual(result);
    });
  }

  it('a one-talk post keeps an intro the caller wrote, and the talk’s takeaways in its own section', () => {
    const input = loadRecapFixture('kcd-sf-bay-area-2025');
    const result = renderRecap(
      { ...input, talks: input.talks.filter((t) => t.id === 'kcdsf-1') },
      { preset: 'structured', singleTalk: true, intro: 'Why I went.', title: 'Mine' },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.markdown).toMatch(/^title: "Mine"$/m);
    expect(result.markdown).toMatch(/^## Introduction\n\nWhy I went\.$/m);
    expect(result.markdown).toMatch(/^#### Key Takeaways$/m);
    expect(result.markdown).not.toMatch(/Main takeaways/);
  });

  // The Export view's Intro and Closing, typed per scope, through the choices the view stores.
  it('kcd-sf-bay-area-2025.export-intro-closing.md: the Export view’s Intro and Closing, in a preset and in Liquid', () => {
    const input = loadRecapFixture('kcd-sf-bay-area-2025');
    const choices = {
      ...DEFAULT_EXPORT_CHOICES,
      preset: 'structured' as const,
      intro: {
        ...DEFAULT_EXPORT_CHOICES.intro,
        day: 'KCD came to the **Bay Area** for the first time.\n\nI went for the security track: [the schedule](https://community.cncf.io/events/details/cncf-kcd-sf-bay-area-presents-kcd-san-francisco-bay-area-2025/).',
        talk: 'One talk only',
      },
      closing: { ...DEFAULT_EXPORT_CHOICES.closing, day: '- Slides: on the schedule\n- Next: KubeCon' },
    };
    const options = { locale: 'en-US', ...recapOptionsFor(choices, null) };
    const result = renderRecap(input, options);
    if (!result.ok) throw new Error(result.error.message);
    expectGolden('kcd-sf-bay-area-2025.export-intro-closing.md', result.markdown);
    expect(result.markdown).not.toMatch(/Replace this line|One talk only/);
    const day = renderRecap(input, { ...options, template: { kind: 'day', source: dayStarterTemplate('structured') } });
    expect(day).toEqual(result);
  });

  it('names the file after the date and the conference', () => {
    expect(renderRecap(loadRecapFixture('kcd-sf-bay-area-2025'))).toMatchObject({
      ok: true,
      fileName: '2025-09-09-kcd-sf-bay-area-recap.md',
    });
    expect(renderRecap(loadRecapFixture('kubecon-na-2019'))).toMatchObject({
      ok: true,
      fileName: '2019-11-19-kubecon-cloudnativecon-north-america-recap.md',
    });
  });
});
