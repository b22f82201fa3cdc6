import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { createMarkdownConverter } from '../../../lib/markdown/html-to-markdown';
import {
  describe as describeElement,
  describeElements,
  describeHtml,
  describeText,
} from '../../../lib/schedule/description';
import { scanSchedPage } from '../../../lib/schedule/sched-scan';
import { SCHED_URL, schedDescriptionsPage } from '../../../scripts/bench/fixtures';
import { loadDocument, readFixture } from '../helpers';

const doc = loadDocument('<html><body></body></html>', 'https://conf.example/talks/1');
const win = doc.defaultView as Window & typeof globalThis;

describe('descriptions', () => {
  it('sanitizes before converting, and resolves relative links against the page', () => {
    const d = describeHtml(
      '<p onclick="x()">Read <a href="/faq">the FAQ</a> or <a href="javascript:alert(1)">this</a>.</p><script>alert(1)</script><iframe src="https://evil.example"></iframe><style>p{}</style>',
      win,
      'https://conf.example/talks/1',
    );
    expect(d.descriptionHtml).toBe('<p>Read <a href="https://conf.example/faq">the FAQ</a> or <a>this</a>.</p>');
    expect(d.description).toBe('Read [the FAQ](https://conf.example/faq) or this.');
  });

  it('drops images, so a clipped description never loads anything', () => {
    const d = describeHtml(
      '<p>Hi<img src="https://evil.example/pixel.gif" alt="pixel"><svg onload="x()"></svg></p>',
      win,
      'https://conf.example/',
    );
    expect(d).toEqual({ descriptionHtml: '<p>Hi</p>', description: 'Hi' });
  });

  it('converts tables with the GFM plugin', () => {
    const d = describeHtml(
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      win,
    );
    expect(d.description).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });

  it('falls back to plain Turndown when the plugin throws, while loading or converting', () => {
    const failsToLoad: TurndownService.Plugin = () => {
      throw new Error('broken plugin');
    };
    const failsOnTables: TurndownService.Plugin = (service) => {
      service.addRule('explode', {
        filter: 'table',
        replacement: () => {
          throw new Error('boom');
        },
      });
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
    expect(describeText('Line one\r\n\r\n\r\n* item\r\n')).toEqual({
      descriptionHtml: null,
      description: 'Line one\n\n* item',
    });
  });

  it('never modifies the page element it reads', () => {
    const page = loadDocument('<div id="d"><a href="/x">x</a><script>1</script></div>', 'https://conf.example/');
    const el = page.getElementById('d')!;
    const before = el.innerHTML;
    describeElement(el, page.defaultView as Window & typeof globalThis);
    expect(el.innerHTML).toBe(before);
  });

  it('keeps the plain sanitizer for callers that want HTML only', () => {
    expect(
      describeHtml('<b onmouseover="x">b</b><a href="/rel">r</a>', win, 'https://conf.example/').descriptionHtml,
    ).toBe('<b>b</b><a href="https://conf.example/rel">r</a>');
  });

  it('reads a page element with exactly the rules it applies to a string (hostile markup included)', () => {
    const samples = [
      '<p onclick="x()">Read <a href="/faq">the FAQ</a> or <a href="javascript:alert(1)">this</a>.</p><script>alert(1)</script><iframe src="https://evil.example"></iframe>',
      '<p>Hi<img src="https://evil.example/pixel.gif" onerror="x()"><svg onload="x()"></svg></p><style>p{}</style>',
      '<strong></strong><p><b>Bold</b> <em></em> and <a href="//cdn.example/a" title="t">proto-relative</a></p>',
      '<math><mi xlink:href="javascript:x()">m</mi></math><form action="/x"><input value="v"></form><p>after</p>',
      '<table><tr><th>A</th></tr><tr><td>1</td></tr></table><ul><li>one</li><li><a href="mailto:a@b.example">mail</a></li></ul>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript><template><p>t</p></template>',
    ];
    for (const html of samples) {
      const page = loadDocument(`<div id="d">${html}</div>`, 'https://conf.example/talks/1');
      const fromElement = describeElement(page.getElementById('d'), page.defaultView as Window & typeof globalThis);
      expect(fromElement).toEqual(
        describeHtml(page.getElementById('d')!.innerHTML, win, 'https://conf.example/talks/1'),
      );
      expect(fromElement.descriptionHtml ?? '').not.toMatch(
        /<(?:script|img|svg|iframe|style|math|form|input)|on\w+=|javascript:/i,
      );
    }
  });

  it('describes many elements in one pass exactly as it describes each alone, on real and generated list pages', () => {
    const pages = [
      {
        html: readFixture('test/fixtures/schedule/sched-descriptions.html'),
        url: 'https://conf.sched.com/list/descriptions/',
      },
      { html: schedDescriptionsPage(120), url: SCHED_URL },
    ];
    for (const { html, url } of pages) {
      const page = loadDocument(html, url);
      const pageWin = page.defaultView as Window & typeof globalThis;
      const els = scanSchedPage(page).map((block) => block.descriptions[0] ?? null);
      expect(els.filter(Boolean).length).toBeGreaterThan(2);
      const together = describeElements(els, pageWin);
      expect(together).toEqual(
        els.map((el) =>
          el ? describeHtml(el.innerHTML, pageWin, page.baseURI) : { descriptionHtml: null, description: null },
        ),
      );
      expect(together.filter((d) => d.description).length).toBeGreaterThan(2);
    }
    // Slow on a shared machine (120 generated sessions, each also described alone).
  }, 60_000);

  it('keeps hostile descriptions apart when many are described together', () => {
    const page = loadDocument(
      '<div id="a"><p>A</p><div data-talkmark-part="1">forged</div></div><div id="b"><p>B <b>bold</b></p></div><div id="c"> </div><div id="d"><ul><li>D</li></ul></div>',
      'https://conf.example/',
    );
    const [a, b, c, d] = describeElements(
      ['a', 'b', 'c', 'd'].map((id) => page.getElementById(id)),
      page.defaultView as Window & typeof globalThis,
    );
    expect(a).toEqual({ descriptionHtml: '<p>A</p><div>forged</div>', description: 'A\n\nforged' });
    expect(b).toEqual({ descriptionHtml: '<p>B <b>bold</b></p>', description: 'B **bold**' });
    expect(c).toEqual({ descriptionHtml: null, description: null });
    expect(d).toEqual({ descriptionHtml: '<ul><li>D</li></ul>', description: '-   D' });
  });
});
