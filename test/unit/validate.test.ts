import { describe, expect, it } from 'vitest';
import {
  arrayOf,
  clippedText,
  exactly,
  knownTimeZone,
  matching,
  memberOf,
  orDefault,
  orNull,
  parseOrNull,
  shape,
  speakerShape,
  string,
  validItems,
  ValidationError,
  webLink,
  nullable,
} from '../../lib/validate';

describe('lib/validate', () => {
  it('strict checks throw a ValidationError naming the path and the value', () => {
    const kind = memberOf(['talk', 'day']);
    expect(kind('day', 'x')).toBe('day');
    expect(() => kind('week', 'data.templates[0].kind')).toThrow(
      new ValidationError('data.templates[0].kind should be one of talk, day, but is the text "week"'),
    );
    expect(() => exactly(true)('true', 'ok')).toThrow('ok should be true, but is the text "true"');
    expect(() => matching(/^\w+$/, 5, 'an id')('abcdef', 'id')).toThrow('id should be an id');
  });

  it('checks every index of a sparse list (structured clone keeps holes)', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const sparse = ['a', , 'b'];
    expect(() => arrayOf(string(10), 10)(sparse, 'keys')).toThrow('keys[1] should be text, but is missing');
  });

  it('lenient readers give null, the default, or the good items instead of throwing', () => {
    expect(orNull(string(3))('long', 'x')).toBeNull();
    expect(orDefault(memberOf(['a', 'b']), 'a')('z', 'x')).toBe('a');
    expect(clippedText(3)('abcdef', 'x')).toBe('abc');
    expect(parseOrNull(shape({ n: string(5) }), { n: 'ok', extra: 1 })).toEqual({ n: 'ok' });
    expect(validItems(clippedText(2), { keepFirst: 2 })(['abc', 1, 'de', 'fg'], 'l')).toEqual(['ab', 'de']);
    expect(validItems(clippedText(2), { scanFirst: 2 })(['abc', 1, 'de'], 'l')).toEqual(['ab']);
    expect(validItems(clippedText(2), {})('not a list', 'l')).toEqual([]);
  });

  it('holds the rules written once: http(s) links, known zones, speakers', () => {
    expect(webLink('HTTPS://Example.org/a b', 'u')).toBe('https://example.org/a%20b');
    for (const bad of ['javascript:alert(1)', '/relative', 'data:text/html,x', 42])
      expect(() => webLink(bad, 'u')).toThrow('u should be an http(s) link');
    expect(knownTimeZone('Europe/Paris', 'z')).toBe('Europe/Paris');
    expect(() => knownTimeZone('EST', 'z')).toThrow('z should be a known time zone');
    expect(() => knownTimeZone('Mars/Olympus', 'z')).toThrow();

    const strict = speakerShape({ name: string(10, 1), text: nullable(string(10)), link: nullable(string(100)) });
    expect(() => strict({ name: 'Ada', role: null }, 's')).toThrow('s.company should be text, but is missing');
    const lenient = speakerShape({ name: string(10, 1), text: orNull(clippedText(3)), link: orNull(webLink) });
    expect(lenient({ name: 'Ada', role: 'Engineer', profileUrl: 'javascript:x' }, 's')).toEqual({
      name: 'Ada',
      role: 'Eng',
      company: null,
      roleCompanyRaw: null,
      group: null,
      profileUrl: null,
      avatarUrl: null,
    });
  });
});
