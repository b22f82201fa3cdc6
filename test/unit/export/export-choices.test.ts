import { describe, expect, it } from 'vitest';
import type { Template } from '../../../lib/model';
import {
  cleanExportChoices,
  DEFAULT_EXPORT_CHOICES,
  recapOptionsFor,
  renderExport,
  splitList,
} from '../../../lib/export/export-choices';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';

const template = (over: Partial<Template> = {}): Template => ({
  id: 't',
  name: 'T',
  kind: 'talk',
  body: '## {{ talk.title }}',
  updatedAt: 1,
  ...over,
});

describe('cleanExportChoices', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(cleanExportChoices(null)).toEqual(DEFAULT_EXPORT_CHOICES);
    expect(cleanExportChoices('narrative')).toEqual(DEFAULT_EXPORT_CHOICES);
    expect(
      cleanExportChoices({
        scope: 'week',
        preset: 'fancy',
        frontMatter: 'toml',
        title: 42,
        mainTakeaways: 'yes',
        templateId: '',
      }),
    ).toEqual(DEFAULT_EXPORT_CHOICES);
  });

  it('keeps every valid choice and drops unknown keys', () => {
    const choices = {
      scope: 'all',
      preset: 'structured',
      templateId: 'abc',
      frontMatter: 'obsidian',
      frontMatterFormat: 'toml',
      title: 'T',
      authors: 'A, B',
      tags: 'x',
      mainTakeaways: false,
      onlyWithNotes: false,
      intro: { talk: 'a', day: '', days: 'b', all: '' },
      closing: { talk: '', day: 'c', days: '', all: '' },
      frontMatterRows: { 'preset:structured': [{ key: 'showAuthor', type: 'boolean', value: 'true' }] },
    };
    expect(cleanExportChoices({ ...choices, savedAt: 5, extra: true })).toEqual(choices);
  });

  it('cuts runaway text', () => {
    expect(cleanExportChoices({ title: 'x'.repeat(10_000) }).title).toHaveLength(2_000);
  });
});

describe('splitList', () => {
  it('splits on commas, trims, drops empties and repeats', () => {
    expect(splitList(' Ada ,Grace,, Ada ,')).toEqual(['Ada', 'Grace']);
    expect(splitList('')).toEqual([]);
  });
});

describe('recapOptionsFor', () => {
  it('maps the choices to renderRecap options', () => {
    const options = recapOptionsFor(
      {
        ...DEFAULT_EXPORT_CHOICES,
        preset: 'bulleted',
        frontMatter: 'jekyll',
        title: '  ',
        authors: 'Ada, Grace',
        tags: 'k8s',
        mainTakeaways: false,
      },
      null,
    );
    expect(options).toEqual({
      preset: 'bulleted',
      frontMatter: { flavour: 'jekyll' },
      title: undefined,
      authors: ['Ada', 'Grace'],
      tags: ['k8s'],
      mainTakeaways: false,
      singleTalk: false,
      intro: undefined,
      outro: null,
      template: null,
      skipNotAttended: true,
      onlyWithNotes: true,
    });
    // One talk on its own is exported whatever it holds.
    const single = recapOptionsFor({ ...DEFAULT_EXPORT_CHOICES, scope: 'talk' }, null);
    expect(single).not.toHaveProperty('onlyWithNotes');
    expect(single).not.toHaveProperty('skipNotAttended');
  });

  it('asks for TOML front matter when chosen', () => {
    expect(recapOptionsFor({ ...DEFAULT_EXPORT_CHOICES, frontMatterFormat: 'toml' }, null).frontMatter).toEqual({
      flavour: 'hugo',
      format: 'toml',
    });
    // Jekyll and Obsidian read YAML only: a TOML choice made under Hugo does not follow them.
    expect(
      recapOptionsFor({ ...DEFAULT_EXPORT_CHOICES, frontMatter: 'jekyll', frontMatterFormat: 'toml' }, null)
        .frontMatter,
    ).toEqual({ flavour: 'jekyll' });
    expect(cleanExportChoices({ frontMatterFormat: 'xml' }).frontMatterFormat).toBe('yaml');
  });

  it('makes "One talk" a post of its own: no intro placeholder, no Main takeaways, the talk’s title', () => {
    const options = recapOptionsFor({ ...DEFAULT_EXPORT_CHOICES, scope: 'talk', mainTakeaways: true }, null);
    expect(options.singleTalk).toBe(true);
    const one = { ...SAMPLE_RECAP_INPUT, talks: SAMPLE_RECAP_INPUT.talks.slice(0, 1) };
    const result = renderExport(one, options);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.markdown).toMatch(/^title: "Shipping Small: Feature Flags at Scale"$/m);
    expect(result.markdown).not.toMatch(/Replace this line|Main takeaways/);
    // The same talk as a day post keeps both.
    const day = renderExport(one, recapOptionsFor({ ...DEFAULT_EXPORT_CHOICES, scope: 'day' }, null));
    expect(day.ok && day.markdown).toMatch(/Replace this line[\s\S]*## Main takeaways/);
  });

  it('keeps an intro and a closing per scope, and cleans what storage holds', () => {
    const stored = cleanExportChoices({
      intro: { day: 'Day intro', talk: 'Talk intro', week: 'x', all: 42 },
      closing: 'not per scope',
    });
    expect(stored.intro).toEqual({ talk: 'Talk intro', day: 'Day intro', days: '', all: '' });
    expect(stored.closing).toEqual({ talk: '', day: '', days: '', all: '' });
    expect(cleanExportChoices({ intro: { day: 'x'.repeat(30_000) } }).intro.day).toHaveLength(20_000);
  });

  it('writes the scope’s own intro and closing into the post, the placeholder only for an empty day intro', () => {
    const choices = {
      ...DEFAULT_EXPORT_CHOICES,
      intro: {
        talk: 'Why **this** talk.',
        day: 'I spent _Tuesday_ at the [venue](https://example.com/v).',
        days: '',
        all: '',
      },
      closing: { talk: '', day: 'See you next year.', days: '', all: '' },
    };
    const day = renderExport(SAMPLE_RECAP_INPUT, recapOptionsFor({ ...choices, scope: 'day' }, null));
    if (!day.ok) throw new Error(day.error.message);
    expect(day.markdown).toMatch(
      /\n---\n\nI spent _Tuesday_ at the \[venue\]\(https:\/\/example\.com\/v\)\.\n\n## Main takeaways/,
    );
    expect(day.markdown).toMatch(/\n\nSee you next year\.\n$/);
    expect(day.markdown).not.toMatch(/Replace this line|Why \*\*this\*\* talk/);

    // Several days: nothing typed for that scope, so the day post's reminder line, no closing.
    const days = renderExport(SAMPLE_RECAP_INPUT, recapOptionsFor({ ...choices, scope: 'days' }, null));
    expect(days.ok && days.markdown).toMatch(/Replace this line/);
    expect(days.ok && days.markdown).not.toMatch(/See you next year|I spent/);

    // One talk: its own intro, never the placeholder nor Main takeaways.
    const one = { ...SAMPLE_RECAP_INPUT, talks: SAMPLE_RECAP_INPUT.talks.slice(0, 1) };
    const talk = renderExport(one, recapOptionsFor({ ...choices, scope: 'talk' }, null));
    if (!talk.ok) throw new Error(talk.error.message);
    expect(talk.markdown).toMatch(/\n\nWhy \*\*this\*\* talk\.\n\n## /);
    expect(talk.markdown).not.toMatch(/Replace this line|Main takeaways|See you next year/);
    const bare = renderExport(
      one,
      recapOptionsFor({ ...choices, intro: DEFAULT_EXPORT_CHOICES.intro, scope: 'talk' }, null),
    );
    expect(bare.ok && bare.markdown).not.toMatch(/Replace this line|Main takeaways/);
  });

  it('gives templates the intro and closing as recap.intro and recap.closing', () => {
    const choices = {
      ...DEFAULT_EXPORT_CHOICES,
      intro: { ...DEFAULT_EXPORT_CHOICES.intro, day: 'Hello <script>x</script>' },
      closing: { ...DEFAULT_EXPORT_CHOICES.closing, day: 'Bye' },
    };
    const result = renderExport(
      SAMPLE_RECAP_INPUT,
      recapOptionsFor(choices, template({ kind: 'day', body: '{{ recap.intro }}\n--\n{{ recap.closing }}' })),
    );
    if (!result.ok) throw new Error(result.error.message);
    // The intro is the user's Markdown, but raw HTML in it is defused like every note's.
    expect(result.markdown).toBe('Hello \\<script>x\\</script>\n--\nBye\n');
  });

  it('cleans stored front matter rows: unknown styles and types, runaway lists', () => {
    const rows = cleanExportChoices({
      frontMatterRows: {
        'preset:narrative': [{ key: 'a', type: 'regex', value: 1 }, 'junk'],
        'template:t1': Array.from({ length: 80 }, () => ({ key: 'k', type: 'number', value: '1' })),
        'evil\u0000': [{ key: 'x', type: 'string', value: 'y' }],
        __proto__: [{ key: 'x', type: 'string', value: 'y' }],
      },
    }).frontMatterRows;
    expect(Object.keys(rows)).toEqual(['preset:narrative', 'template:t1']);
    expect(rows['preset:narrative']).toEqual([
      { key: 'a', type: 'string', value: '' },
      { key: '', type: 'string', value: '' },
    ]);
    expect(rows['template:t1']).toHaveLength(50);
  });

  it('writes the chosen style’s own extra keys: the template’s when one is chosen, else the preset’s', () => {
    const choices = {
      ...DEFAULT_EXPORT_CHOICES,
      preset: 'structured' as const,
      templateId: 't',
      frontMatterRows: {
        'preset:structured': [{ key: 'showAuthor', type: 'boolean' as const, value: 'true' }],
        'template:t': [
          { key: 'template', type: 'string' as const, value: 'post.html' },
          { key: 'draft', type: 'boolean' as const, value: 'false' },
        ],
      },
    };
    const preset = renderExport(SAMPLE_RECAP_INPUT, recapOptionsFor({ ...choices, templateId: null }, null));
    expect(preset.ok && preset.markdown).toMatch(/^draft: true\n[\s\S]*^showAuthor: true\n---$/m);
    const withTemplate = renderExport(
      SAMPLE_RECAP_INPUT,
      recapOptionsFor(choices, template({ id: 't', kind: 'day', body: '{{ front_matter }}' })),
    );
    expect(withTemplate.ok && withTemplate.markdown).toMatch(/^draft: false\n[\s\S]*^template: "post.html"\n---$/m);
    expect(withTemplate.ok && withTemplate.markdown).not.toMatch(/showAuthor/);
  });

  it('passes a template as kind and source', () => {
    expect(recapOptionsFor(DEFAULT_EXPORT_CHOICES, template({ kind: 'day', body: 'x' })).template).toEqual({
      kind: 'day',
      source: 'x',
    });
  });
});

describe('renderExport', () => {
  it('renders with the choices', () => {
    const result = renderExport(
      SAMPLE_RECAP_INPUT,
      recapOptionsFor({ ...DEFAULT_EXPORT_CHOICES, title: 'My day' }, null),
    );
    expect(result.ok && result.markdown).toMatch(/^title: "My day"$/m);
    expect(result.ok && result.fileName).toBe('2025-05-14-sample-conf-recap.md');
  });

  it('reports a template error with its line', () => {
    const result = renderExport(
      SAMPLE_RECAP_INPUT,
      recapOptionsFor(DEFAULT_EXPORT_CHOICES, template({ body: 'a\n{% if talk %}' })),
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ line: 2 }) });
  });

  it('turns an unexpected failure into an error instead of throwing', () => {
    const broken = { ...SAMPLE_RECAP_INPUT, talks: null } as never;
    const result = renderExport(broken, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/could not be rendered/);
  });
});
