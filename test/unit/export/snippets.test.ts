import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../../lib/model';
import { DEFAULT_EXPORT_CHOICES, recapOptionsFor, renderExport } from '../../../lib/export/export-choices';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';
import { renderTagFor, SNIPPET_STARTER, snippetName, snippetsOf } from '../../../lib/export/snippets';
import { parseTemplateFile, templateFileName } from '../../../lib/export/template-files';
import { renderRecap } from '../../../lib/recap';
import { dangerousNodes } from '../recap/commonmark-helpers';
import { hostileString } from '../recap/arbitraries';

const record = (over: Partial<Template>): Template => ({
  id: 'x',
  name: 'X',
  kind: 'talk',
  body: '',
  updatedAt: 1,
  ...over,
});

describe('snippets', () => {
  it('are the snippet-kind templates, by the slug of their name', () => {
    const snippets = snippetsOf([
      record({ id: '1', name: 'Talk heading', kind: 'snippet', body: 'A' }),
      record({ id: '2', name: 'talk  HEADING', kind: 'snippet', body: 'B' }),
      record({ id: '3', name: 'My post', kind: 'day', body: 'C' }),
      record({ id: '4', name: 'Speaker line', kind: 'snippet', body: 'D' }),
    ]);
    expect(snippets).toEqual({ 'talk-heading': 'A', 'speaker-line': 'D' });
    expect(renderTagFor('Talk heading')).toBe("{% render 'talk-heading', talk: talk %}");
    expect(snippetName('!!!')).toBe('snippet');
  });

  it('are rendered by a template’s {% render %}, with the variables passed to them', () => {
    const snippets = snippetsOf([record({ name: 'Talk heading', kind: 'snippet', body: SNIPPET_STARTER })]);
    const template = record({
      id: 't',
      kind: 'talk',
      body: "{% render 'talk-heading', talk: talk %}\n\n{{ talk.notes.size }} notes",
    });
    const result = renderExport(SAMPLE_RECAP_INPUT, recapOptionsFor(DEFAULT_EXPORT_CHOICES, template, snippets));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.markdown).toMatch(/^### Shipping Small: Feature Flags at Scale — .+\n\n\d+ notes$/m);
  });

  it('name a missing snippet in the error, and never read a file or anything else', () => {
    const result = renderRecap(SAMPLE_RECAP_INPUT, {
      template: { kind: 'talk', source: "{% render '../../etc/passwd' %}{% render 'https://example.com/x' %}" },
      snippets: { other: 'x' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^No snippet is named “\.\.\/\.\.\/etc\/passwd”/);
  });

  it('a snippet chosen as the export’s template is ignored: the preset renders', () => {
    const snippet = record({ kind: 'snippet', body: 'only this' });
    expect(recapOptionsFor(DEFAULT_EXPORT_CHOICES, snippet).template).toBeNull();
  });

  it('travel as template files: name.snippet.liquid comes back a snippet', () => {
    const file = templateFileName({ name: 'Talk heading', kind: 'snippet' });
    expect(file).toBe('talk-heading.snippet.liquid');
    expect(parseTemplateFile(file, SNIPPET_STARTER)).toMatchObject({ ok: true, kind: 'snippet', name: 'talk-heading' });
  });

  it('print hostile titles and names as inert Markdown, like any template', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (title, name) => {
        const input = {
          ...SAMPLE_RECAP_INPUT,
          talks: SAMPLE_RECAP_INPUT.talks.map((t) => ({
            ...t,
            title,
            speakers: t.speakers.map((s) => ({ ...s, name, company: name })),
          })),
        };
        const result = renderRecap(input, {
          frontMatter: { flavour: 'none' },
          template: { kind: 'talk', source: "{% render 'talk-heading', talk: talk %}" },
          snippets: { 'talk-heading': SNIPPET_STARTER },
        });
        if (!result.ok) throw new Error(result.error.message);
        expect(dangerousNodes(result.markdown)).toEqual([]);
        // One heading per talk: nothing in a title starts a line of its own.
        expect(result.markdown.match(/^### /gm)?.length).toBe(input.talks.length);
      }),
      { numRuns: 200 },
    );
  });
});
