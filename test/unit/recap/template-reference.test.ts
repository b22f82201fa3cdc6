/**
 * The template editor's reference is generated from lib/recap/template-reference.ts: these tests
 * hold it to what the renderer really hands a template, both ways, so it cannot drift.
 */
import { describe, expect, it } from 'vitest';
import {
  FILTER_DOCS,
  MarkdownString,
  OBJECT_FIELDS,
  OBJECT_NAMES,
  TEMPLATE_VARIABLES,
  buildRecapData,
  dayTemplateScope,
  renderRecap,
  talkTemplateScope,
  validateTemplate,
  type FieldDoc,
  type ObjectName,
} from '../../../lib/recap';
import { TEMPLATE_FILTER_NAMES } from '../../../lib/recap/templates';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';

/** A value fits its documented type (null stands for "empty"). */
function fitsType(doc: FieldDoc, value: unknown): boolean {
  if (doc.of)
    return doc.list ? Array.isArray(value) : value === null || (typeof value === 'object' && !Array.isArray(value));
  switch (doc.type) {
    case 'Markdown':
      return value === null || value instanceof MarkdownString;
    case 'number':
      return value === null || typeof value === 'number';
    case 'true/false':
      return typeof value === 'boolean';
    case 'text':
    case 'URL':
      return value === null || typeof value === 'string';
    case 'list of text':
    case 'list of URL':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    default:
      throw new Error(`undocumented type ${doc.type}`);
  }
}

/** Walks a scope as the renderer builds it; returns the kinds of object met. */
function expectDocumented(
  value: Record<string, unknown>,
  fields: Readonly<Record<string, FieldDoc>>,
  where: string,
  seen: Set<ObjectName>,
): void {
  expect(Object.keys(value).sort(), `${where}: every value is documented and every documented one exists`).toEqual(
    Object.keys(fields).sort(),
  );
  for (const [name, doc] of Object.entries(fields)) {
    const v = value[name];
    expect(fitsType(doc, v), `${where}.${name} is ${doc.type}`).toBe(true);
    if (!doc.of || v === null) continue;
    seen.add(doc.of);
    const items = doc.list ? (v as Record<string, unknown>[]) : [v as Record<string, unknown>];
    for (const item of items) expectDocumented(item, OBJECT_FIELDS[doc.of], `${where}.${name}`, seen);
  }
}

describe('template reference', () => {
  // One note with a picture, as a .zip export gives it, so `note.image` is walked too.
  const pictured = SAMPLE_RECAP_INPUT.notes[0]!.id;
  const data = buildRecapData(SAMPLE_RECAP_INPUT, {
    images: new Map([[pictured, { path: 'slide-01.webp', width: 1920, height: 1080 }]]),
  });
  const settings = { main_takeaways: true, intro_heading: null, outro_heading: null };

  it('documents exactly what a day template and a talk template are given, down to every field', () => {
    const seen = new Set<ObjectName>();
    expectDocumented(dayTemplateScope(data, '---\n---', settings) as never, TEMPLATE_VARIABLES.day, 'day', seen);
    expectDocumented(
      talkTemplateScope(data, data.talks[1]!, data.days[0]!) as never,
      TEMPLATE_VARIABLES.talk,
      'talk',
      seen,
    );
    // The sample reaches every kind of object, so none is documented unchecked.
    expect([...seen].sort()).toEqual([...OBJECT_NAMES].sort());
  });

  it('documents exactly the filters the engine registers, each with an example that parses', () => {
    expect(Object.keys(FILTER_DOCS).sort()).toEqual([...TEMPLATE_FILTER_NAMES].sort());
    for (const [name, doc] of Object.entries(FILTER_DOCS)) {
      expect(doc.usage, name).toContain(name);
      expect(validateTemplate(doc.usage).ok, doc.usage).toBe(true);
    }
  });

  it('a top-level {{ title }} in a whole-post template says what was meant', () => {
    const check = validateTemplate('{{ title }}', 'day');
    expect(check).toEqual({
      ok: true,
      warnings: [
        '“title” is not a variable of a whole-post template, so it prints nothing. Did you mean {{ recap.title }} or {{ talk.title }} inside {% for talk in talks %}?',
      ],
    });
    // The preview says so too, instead of only "no text".
    const result = renderRecap(SAMPLE_RECAP_INPUT, { template: { kind: 'day', source: '{{ title }}' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /^The template produced no text\. “title” is not a variable .*\{\{ talk\.title \}\} inside \{% for talk in talks %\}\?$/,
    );
  });

  it('names the loop an item variable lives in, and suggests names close to a typo', () => {
    expect(validateTemplate('{{ talk.title }}', 'day')).toEqual({
      ok: true,
      warnings: [
        '“talk” is not a variable of a whole-post template at this level: it exists inside {% for talk in talks %}.',
      ],
    });
    expect(validateTemplate('{{ note.text }}', 'talk')).toEqual({
      ok: true,
      warnings: [
        '“note” is not a variable of a talk template at this level: it exists inside {% for note in talk.notes %}.',
      ],
    });
    expect(validateTemplate('{{ title }}', 'talk')).toMatchObject({
      warnings: [expect.stringMatching(/Did you mean \{\{ talk\.title \}\} or \{\{ recap\.title \}\}\?$/)],
    });
    expect(validateTemplate('{{ tlak.title }}', 'talk')).toMatchObject({
      warnings: [expect.stringMatching(/Did you mean \{\{ talk \}\}\?$/)],
    });
    expect(validateTemplate('{{ zzz }}', 'talk')).toMatchObject({
      warnings: [expect.stringMatching(/Its variables: talk, day, recap\.$/)],
    });
    // Variables that are there, and loop variables inside their loop, warn about nothing.
    expect(
      validateTemplate(
        '{{ recap.title }}{% for talk in talks %}{{ talk.title }}{% for note in talk.notes %}{{ note.text }}{% endfor %}{% endfor %}',
        'day',
      ),
    ).toEqual({ ok: true, warnings: [] });
  });
});
