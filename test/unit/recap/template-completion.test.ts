import { describe, expect, it } from 'vitest';
import { variableCompletions } from '../../../lib/recap/template-completion';
import { unknownVariables } from '../../../lib/recap/templates';

const names = (source: string, kind: 'talk' | 'day' = 'talk', caret = source.length) =>
  variableCompletions(source, caret, kind)?.options.map((o) => o.name) ?? null;

describe('variable completion', () => {
  it('offers the fields of the object a path names', () => {
    expect(names('## {{ talk.no')).toEqual(['notes', 'notes_by_kind']);
    expect(names('{{ talk.notes_by_kind.t')).toEqual(['takeaway', 'todo']);
    expect(names('{{ recap.conference.')).toEqual([
      'name',
      'url',
      'start_date',
      'end_date',
      'day_count',
      'place',
      'time_zone',
    ]);
    expect(names('{{ re')).toEqual(['recap']);
    expect(names('{{ ', 'day')).toBeNull();
  });

  it('knows loop variables and what they walk', () => {
    expect(names('{% for speaker in talk.speakers %}{{ speaker.is_')).toEqual(['is_moderator', 'is_panelist']);
    expect(names('{% for day in days %}{% for talk in day.talks %}{{ talk.ti', 'day')).toEqual([
      'title',
      'time_zone',
      'time_label',
    ]);
    expect(names('{% for s in talk.moderators %}{{ s.na')).toEqual(['name']);
    expect(names('{% for note in talk.notes %}{{ no')).toEqual(['note']);
  });

  it('stays quiet outside a tag, after a closed one, on a filter name and on an unknown path', () => {
    expect(names('talk.ti')).toBeNull();
    expect(names('{{ talk.title }} talk.ti')).toBeNull();
    expect(names('{{ talk.title | up')).toBeNull();
    expect(names('{{ nope.ti')).toBeNull();
    expect(names('{{ talk.title.x')).toBeNull();
  });
});

describe('unknown variables, where they are typed', () => {
  it('gives each unknown top-level variable its first line and column, with the hint', () => {
    const places = unknownVariables(
      '# {{ recap.title }}\n\n{{ titel }} and {{ titel }}\n  {% if tlak %}x{% endif %}',
      'talk',
    );
    expect(places.map(({ name, line, column }) => ({ name, line, column }))).toEqual([
      { name: 'titel', line: 3, column: 4 },
      { name: 'tlak', line: 4, column: 9 },
    ]);
    expect(places[1]!.hint).toMatch(/^“tlak” is not a variable of a talk template.*Did you mean \{\{ talk \}\}\?$/);
    expect(unknownVariables('{% for talk in talks %}{{ talk.title }}{% endfor %}', 'day')).toEqual([]);
    expect(unknownVariables('{{ broken', 'talk')).toEqual([]);
  });
});
