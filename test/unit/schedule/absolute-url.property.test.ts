/**
 * `absoluteUrl`'s concatenation fast path against the URL parser (`parsedUrl`), on generated links
 * made of the characters schedule pages put in them (and the ones that must leave the fast path:
 * dot segments, `%`, `:`, `?`, `#`, upper case, ports, IP-like and punycode hosts), against bases
 * with paths, queries, fragments, ports and credentials.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, parsedUrl } from '../../../lib/schedule/dom';

const piece = fc.constantFrom(
  'speaker',
  'event',
  '2B1x',
  'a.jpg',
  '320x320px',
  '.',
  '..',
  '...',
  '%2e',
  '%41',
  'A',
  'b~c',
  '$&()*+,;=@!',
  "'",
  ':',
  '?q=1',
  '#top',
  '\\',
  ' ',
  '\t',
  'é',
  '|',
  '{',
  '`',
  '-',
  '_',
);
const path = fc
  .array(fc.tuple(piece, fc.constantFrom('/', '', '//')), { maxLength: 6 })
  .map((xs) => xs.flat().join(''));
const label = fc.constantFrom(
  'static',
  'sched',
  'com',
  'co',
  'xn--bcher-kva',
  'Sched',
  '0x7f',
  '1',
  '127',
  'a-b',
  '-a',
  'a--b',
  '',
);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('.'));
const prefix = fc.constantFrom('', '/', '//', 'https://', 'http://', 'HTTPS://', 'https:/', 'javascript:', 'mailto:');
const port = fc.constantFrom('', ':443', ':8080', ':');
const href = fc.oneof(
  fc.tuple(prefix, path).map(([p, x]) => p + x),
  fc.tuple(fc.constantFrom('//', 'https://', 'http://'), host, port, path).map(([p, h, o, x]) => `${p}${h}${o}/${x}`),
  fc.tuple(fc.constantFrom('//', 'https://'), host).map(([p, h]) => p + h),
);
const base = fc.constantFrom(
  'https://bigconf2026.sched.com/',
  'https://bigconf2026.sched.com/list/descriptions/',
  'https://conf.example/talks/1?x=2#y',
  'http://user:pw@conf.example:8080/a/b/c',
  'https://conf.example',
  'about:blank',
  'not a url',
);

describe('absoluteUrl fast path', () => {
  it('resolves every link exactly as the URL parser does', () => {
    fc.assert(
      fc.property(href, base, (h, b) => {
        const trimmed = h.trim();
        expect(absoluteUrl(h, b)).toBe(trimmed ? parsedUrl(trimmed, b) : null);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the links of a Sched list page', () => {
    const b = 'https://bigconf2026.sched.com/';
    expect(absoluteUrl('speaker/ada_l', b)).toBe('https://bigconf2026.sched.com/speaker/ada_l');
    expect(absoluteUrl('//static.sched.com/avatars/a.320x320px.jpg', b)).toBe(
      'https://static.sched.com/avatars/a.320x320px.jpg',
    );
    expect(absoluteUrl('/event/2B1/x', 'https://h.example/a/b?q')).toBe('https://h.example/event/2B1/x');
    expect(absoluteUrl('../x', 'https://h.example/a/b/')).toBe('https://h.example/a/x');
    expect(absoluteUrl('javascript:alert(1)', b)).toBeNull();
  });
});
