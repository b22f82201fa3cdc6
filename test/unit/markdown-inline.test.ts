import { describe, expect, it } from 'vitest';
import { parseInline } from '../../lib/markdown/inline';

describe('parseInline', () => {
  it('reads emphasis, code and links', () => {
    expect(parseInline('**Cilium** is _fast_, see [docs](https://cilium.io) or `bpftool`')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'Cilium' }] },
      { type: 'text', text: ' is ' },
      { type: 'em', children: [{ type: 'text', text: 'fast' }] },
      { type: 'text', text: ', see ' },
      { type: 'link', href: 'https://cilium.io/', children: [{ type: 'text', text: 'docs' }] },
      { type: 'text', text: ' or ' },
      { type: 'code', text: 'bpftool' },
    ]);
  });

  it('links bare URLs without their trailing punctuation', () => {
    expect(parseInline('slides: https://example.com/s.pdf.')).toEqual([
      { type: 'text', text: 'slides: ' },
      {
        type: 'link',
        href: 'https://example.com/s.pdf',
        children: [{ type: 'text', text: 'https://example.com/s.pdf' }],
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps javascript: and other schemes as plain text', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { type: 'text', text: '[click](javascript:alert(1))' },
    ]);
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('keeps snake_case words and line breaks', () => {
    expect(parseInline('use max_surge\nthen wait')).toEqual([
      { type: 'text', text: 'use max_surge' },
      { type: 'br' },
      { type: 'text', text: 'then wait' },
    ]);
  });
});
