import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Liquid } from 'liquidjs';
import { dayStarterTemplate, TALK_STARTERS } from '../../../lib/recap';
import { FRONT_MATTER_ROW_TYPES, type FrontMatterRow } from '../../../lib/recap/front-matter-rows';
import {
  HEADER_OPEN,
  MAX_HEADER_ROWS,
  readFrontMatterHeader,
  withFrontMatterHeader,
} from '../../../lib/export/template-file-header';
import { parseTemplateFile, templateFileText } from '../../../lib/export/template-files';
import { hostileString } from '../recap/arbitraries';

const ROWS: FrontMatterRow[] = [
  { key: 'categories', type: 'list', value: 'DevOps, Events' },
  { key: 'showAuthor', type: 'boolean', value: 'true' },
  { key: 'template', type: 'string', value: 'post.html' },
  { key: 'datetime', type: 'datetime', value: '2025-09-09T10:30+02:00' },
];

describe('a template file carries its extra front matter rows', () => {
  it('in a readable leading comment, one JSON row a line, and imports back as the same rows and body', () => {
    const body = TALK_STARTERS.structured;
    const text = templateFileText({ body }, ROWS);
    expect(text).toBe(
      `${HEADER_OPEN}
["categories","list","DevOps, Events"]
["showAuthor","boolean","true"]
["template","string","post.html"]
["datetime","datetime","2025-09-09T10:30+02:00"]
{% endcomment -%}
${body}`,
    );
    expect(parseTemplateFile('mine.talk.liquid', text)).toEqual({
      ok: true,
      name: 'mine',
      kind: 'talk',
      body,
      frontMatterRows: ROWS,
      warnings: [],
    });
  });

  it('writes no header for a template without rows (the file is the body, as before)', () => {
    const body = dayStarterTemplate('narrative');
    expect(templateFileText({ body }, [])).toBe(body);
    expect(templateFileText({ body }, [{ key: '  ', type: 'string', value: 'x' }])).toBe(body);
  });

  it('is still a template: Liquid renders the header to nothing', () => {
    const text = templateFileText({ body: 'Hello {{ who }}' }, ROWS);
    expect(new Liquid().parseAndRenderSync(text, { who: 'there' })).toBe('Hello there');
  });

  it('round-trips any key and value, and no value can close the comment or add a tag', () => {
    const row = fc.record({
      key: hostileString.filter((k) => k.trim() !== '' && k.length <= 2000),
      type: fc.constantFrom(...FRONT_MATTER_ROW_TYPES),
      value: fc.oneof(
        hostileString,
        fc.constantFrom('{% endcomment %}', '%}{% raw %}', '{{ x }}', '\n{% endcomment %}\n'),
      ),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const valid = rows.filter((r) => r.value.length <= 2000);
        fc.pre(valid.length > 0);
        const text = withFrontMatterHeader('BODY {{ talk.title }}', valid);
        const read = readFrontMatterHeader(text);
        expect(read).toEqual({ ok: true, body: 'BODY {{ talk.title }}', rows: valid, headerLines: valid.length + 2 });
        // Liquid sees one comment, then the body: no row leaks out as text or a tag.
        expect(new Liquid().parseAndRenderSync(text, { talk: { title: 'T' } })).toBe('BODY T');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a malformed header of ours with its line, and leaves anyone else’s comment in the body', () => {
    const refuse = (text: string) => parseTemplateFile('a.talk.liquid', text);
    expect(refuse(`${HEADER_OPEN}\n["k","string","v"]\n{{ talk.title }}`)).toMatchObject({
      ok: false,
      error: { line: 1, message: expect.stringMatching(/endcomment/) },
    });
    expect(refuse(`${HEADER_OPEN}\n["k","string","v"]\nk: v\n{% endcomment %}\nx`)).toMatchObject({
      ok: false,
      error: { line: 3, message: expect.stringMatching(/not a JSON/) },
    });
    for (const bad of [
      '["k","script","v"]',
      '["","string","v"]',
      '["k","string"]',
      '["k","string",42]',
      '{"key":"k","type":"string","value":"v"}',
      `["${'k'.repeat(2001)}","string","v"]`,
      '["k","string","v","extra"]',
    ]) {
      expect(refuse(`${HEADER_OPEN}\n${bad}\n{% endcomment %}\nx`), bad).toMatchObject({
        ok: false,
        message: expect.stringMatching(/front matter header/),
        error: { line: 2, message: expect.stringMatching(/not valid|not a JSON/) },
      });
    }
    const many = Array.from({ length: MAX_HEADER_ROWS + 1 }, (_, i) => `["k${i}","string","v"]`).join('\n');
    expect(refuse(`${HEADER_OPEN}\n${many}\n{% endcomment %}\nx`)).toMatchObject({ ok: false });
    // Someone else's leading comment is part of their template.
    const theirs = '{% comment %}by Ada{% endcomment %}\n## {{ talk.title }}\n';
    expect(parseTemplateFile('a.talk.liquid', theirs)).toMatchObject({ ok: true, body: theirs, frontMatterRows: [] });
  });

  it('counts a syntax error’s line in the file, header included', () => {
    const text = templateFileText({ body: 'ok\n{% if talk.title %}\nno end' }, ROWS);
    const parsed = parseTemplateFile('a.talk.liquid', text);
    expect(parsed).toMatchObject({ ok: false, error: { line: 2 + ROWS.length + 2 } });
  });
});
