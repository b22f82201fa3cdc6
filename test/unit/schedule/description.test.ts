import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { createMarkdownConverter, describe as describeElement, describeHtml, describeText } from '../../../lib/schedule/description';
import { loadDocument } from '../helpers';

const doc = loadDocument('<html><body></body></html>', 'https://conf.example/talks/1');
const win = doc.defaultView as Window & typeof globalThis;

describe('descriptions', () => {
  it('sanitizes before converting, and resolves relative links against the page', () => {
    const d = describeHtml('<p onclick="x()">Read <a href="/faq">the FAQ</a> or <a href="javascript:alert(1)">this</a>.</p><script>alert(1)</script><iframe src="https://evil.example"></iframe><style>p{}</style>', win, 'https://conf.example/talks/1');
    expect(d.descriptionHtml).toBe('<p>Read <a href="https://conf.example/faq">the FAQ</a> or <a>this</a>.</p>');
    expect(d.description).toBe('Read [the FAQ](https://conf.example/faq) or this.');
  });

  it('drops images, so a clipped description never loads anything', () => {
    const d = describeHtml('<p>Hi<img src="https://evil.example/pixel.gif" alt="pixel"><svg onload="x()"></svg></p>', win, 'https://conf.example/');
    expect(d).toEqual({ descriptionHtml: '<p>Hi</p>', description: 'Hi' });
  });

  it('converts tables with the GFM plugin', () => {
    const d = describeHtml('<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>', win);
    expect(d.description).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });

  it('falls back to plain Turndown when the plugin throws, while loading or converting', () => {
    const failsToLoad: TurndownService.Plugin = () => { throw new Error('broken plugin'); };
    const failsOnTables: TurndownService.Plugin = (service) => {
      service.addRule('explode', { filter: 'table', replacement: () => { throw new Error('boom'); } });
    };
    for (const plugin of [failsToLoad, failsOnTables]) {
      const convert = createMarkdownConverter(plugin);
      expect(convert('<p><em>Hi</em></p><table><tr><td>x</td></tr></table>')).toMatch(/^_Hi_\n\nx$/);
    }
  });

  it('drops empty wrappers and gives nulls for an empty description', () => {
    expect(describeHtml('<strong></strong><p>Text</p>', win).descriptionHtml).toBe('<p>Text</p>');
    expect(describeHtml('<p> <span></span> </p>', win)).toEqual({ descriptionHtml: null, description: null });
    expect(describeElement(null, win)).toEqual({ descriptionHtml: null, description: null });
    expect(describeText('  \r\n ')).toEqual({ descriptionHtml: null, description: null });
  });

  it('keeps plain text as written, without inventing HTML', () => {
    expect(describeText('Line one\r\n\r\n\r\n* item\r\n')).toEqual({ descriptionHtml: null, description: 'Line one\n\n* item' });
  });

  it('never modifies the page element it reads', () => {
    const page = loadDocument('<div id="d"><a href="/x">x</a><script>1</script></div>', 'https://conf.example/');
    const el = page.getElementById('d')!;
    const before = el.innerHTML;
    describeElement(el, page.defaultView as Window & typeof globalThis);
    expect(el.innerHTML).toBe(before);
  });

  it('keeps the plain sanitizer for callers that want HTML only', () => {
    expect(describeHtml('<b onmouseover="x">b</b><a href="/rel">r</a>', win, 'https://conf.example/').descriptionHtml).toBe('<b>b</b><a href="https://conf.example/rel">r</a>');
  });
});
