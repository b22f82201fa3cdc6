import { describe, expect, it } from 'vitest';
import { dayStarterTemplate, TALK_STARTERS } from '../../../lib/recap';
import {
  guessTemplateKind,
  parseTemplateFile,
  templateFileName,
  templateNameFromFile,
} from '../../../lib/export/template-files';

describe('template files', () => {
  it('are named after the template and say their kind', () => {
    expect(templateFileName({ name: 'My KCD post!', kind: 'day' })).toBe('my-kcd-post.day.liquid');
    expect(templateFileName({ name: '???', kind: 'talk' })).toBe('template.talk.liquid');
    expect(templateNameFromFile('C:\\x\\my-kcd-post.day.liquid')).toBe('my-kcd-post');
    expect(templateNameFromFile('.md')).toBe('Imported template');
  });

  it('round-trip: an exported starter imports back as itself', () => {
    for (const [kind, body] of [
      ['talk', TALK_STARTERS.structured],
      ['day', dayStarterTemplate('bulleted')],
    ] as const) {
      const name = templateFileName({ name: 'Round trip', kind });
      expect(parseTemplateFile(name, body)).toEqual({
        ok: true,
        name: 'round-trip',
        kind,
        body,
        frontMatterRows: [],
        warnings: [],
      });
    }
  });

  it('guess the kind from the variables when the name does not say it', () => {
    expect(guessTemplateKind('post.md', dayStarterTemplate('narrative'))).toBe('day');
    expect(guessTemplateKind('talk.liquid', TALK_STARTERS.bulleted)).toBe('talk');
    expect(guessTemplateKind('x.liquid', '{% for d in days %}{{ d.label }}{% endfor %}')).toBe('day');
    expect(guessTemplateKind('x.liquid', 'plain text')).toBe('talk');
    expect(guessTemplateKind('x.day.liquid', '{{ talk.title }}')).toBe('day');
  });

  it('normalise line ends and a byte-order mark', () => {
    const parsed = parseTemplateFile('a.liquid', '\uFEFF## {{ talk.title }}\r\n{{ talk.room }}\r');
    expect(parsed).toMatchObject({ ok: true, body: '## {{ talk.title }}\n{{ talk.room }}\n' });
  });

  it('refuse what is not a template, with the line and reason of a syntax error', () => {
    expect(parseTemplateFile('backup.json', '{}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/\.liquid/),
    });
    expect(parseTemplateFile('a.liquid', '  \n')).toMatchObject({ ok: false, message: 'This file is empty.' });
    expect(parseTemplateFile('a.liquid', 'ab\u0000cd')).toMatchObject({ ok: false, message: 'This file is not text.' });
    expect(parseTemplateFile('a.md', 'ok\n\n{% if talk.title %}\nno end')).toEqual({
      ok: false,
      message: 'The template has an error, so it was not imported.',
      error: { line: 3, column: 1, message: 'tag {% if talk.title %} not closed' },
    });
  });

  it('keep warnings about unknown variables', () => {
    const parsed = parseTemplateFile('a.talk.liquid', '{{ tlak.title }}');
    expect(parsed).toMatchObject({
      ok: true,
      warnings: ['“tlak” is not a variable of a talk template, so it prints nothing. Did you mean {{ talk }}?'],
    });
  });
});
