/**
 * The allowlist copy (the sanitizer for page elements) against DOMPurify with the same
 * configuration, on generated hostile markup: the same sanitized tree, hence the same stored
 * HTML and Markdown; and, whatever the input, nothing but allowed tags, `title` and http(s)/mailto
 * links in what is stored.
 */
import DOMPurify from 'dompurify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../lib/markdown/html-to-markdown';
import { ALLOWED_TAGS } from '../../../lib/schedule/allowlist-copy';
import { describeElements, SANITIZER_CONFIG, tidySanitized } from '../../../lib/schedule/description';
import { loadDocument } from '../helpers';

type Win = Window & typeof globalThis;
const BASE = 'https://conf.example/talks/1';

const tag = fc.constantFrom(
  ...ALLOWED_TAGS,
  // Disallowed: unwrapped, or dropped with their content (script, style, svg, math, template, …).
  'form',
  'input',
  'img',
  'svg',
  'math',
  'mi',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'textarea',
  'select',
  'option',
  'font',
  'talk-card',
  'xmp',
  'title',
  'video',
  'object',
  'button',
  'label',
  'caption',
  'colgroup',
  'dl',
  'dt',
  'center',
);
/** Names a form's controls can shadow DOM properties with. */
const clobber = fc.constantFrom(
  'firstChild',
  'nextSibling',
  'childNodes',
  'attributes',
  'nodeType',
  'textContent',
  'x',
);
const url = fc.constantFrom(
  'javascript:alert(1)',
  ' java\tscript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<b>x</b>',
  'vbscript:x',
  '/faq',
  '//cdn.example/a',
  'mailto:a@b.example',
  'https://x.example/a?b=1&c=2',
  'HTTPS://X.EXAMPLE/',
  '',
  '   ',
  '#top',
  'tel:123',
  'x"/><img src=x>',
  'https://x.example/--><b>',
);
const title = fc.constantFrom(
  'plain',
  '</style><img src=x onerror=alert(1)>',
  'a --> b',
  'x/>',
  '  spaced  ',
  ']]>',
  '"q"',
);
const attribute = fc.oneof(
  url.map((v) => ['href', v] as const),
  title.map((v) => ['title', v] as const),
  fc.constant(['onclick', 'alert(1)'] as const),
  fc.constant(['style', 'background:url(https://evil.example/p.gif)'] as const),
  fc.constant(['data-talkmark-part', '0'] as const),
  fc.constant(['src', 'https://evil.example/p.gif'] as const),
  clobber.map((v) => ['name', v] as const),
  clobber.map((v) => ['id', v] as const),
);
const quote = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const text = fc.constantFrom(
  'Hello',
  ' ',
  '  \n ',
  '&lt;Corp&gt;',
  '&lt;/div&gt;',
  'a &lt;b c',
  'x < y',
  '<',
  '**bold**',
  '_x_',
  '[link](javascript:x)',
  '<!-- <b>hidden</b> -->',
  '<!-- note -->',
  '&amp;',
  '\u00a0',
  '😀',
);

const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(
        ([t, attrs, kids]) => `<${t}${attrs.map(([k, v]) => ` ${k}="${quote(v)}"`).join('')}>${kids.join('')}</${t}>`,
      ),
  ),
})).node;

/** The reference: the page's nodes imported into an inert document, DOMPurify in place, then the same tidying. */
function viaDomPurify(el: Element, win: Win): HTMLElement {
  const inert = win.document.implementation.createHTMLDocument('');
  const container = inert.createElement('div');
  const body = container.appendChild(inert.createElement('div'));
  for (const child of Array.from(el.childNodes)) body.appendChild(inert.importNode(child, true));
  const purify = DOMPurify(win);
  purify.setConfig({ ...SANITIZER_CONFIG, IN_PLACE: true });
  purify.sanitize(container);
  // DOMPurify may remove the part itself (its mXSS probe): then nothing is kept.
  return tidySanitized(body.parentNode ? body : inert.createElement('div'), BASE);
}

function storedTags(stored: string, win: Win): Element[] {
  const holder = win.document.createElement('template');
  holder.innerHTML = stored;
  return Array.from(holder.content.querySelectorAll('*'));
}

describe('the allowlist copy of page descriptions', () => {
  it('gives the tree DOMPurify gives, so the same HTML and Markdown are stored', () => {
    fc.assert(
      fc.property(fc.array(html, { minLength: 1, maxLength: 4 }), (parts) => {
        const page = loadDocument(`<div id="d">${parts.join('')}</div>`, BASE);
        const win = page.defaultView as Win;
        const el = page.getElementById('d')!;
        const before = el.innerHTML;
        const [ours] = describeElements([el], win, BASE);
        const reference = viaDomPurify(el, win);
        const html = reference.innerHTML.trim();
        const hasText = !!html && !!reference.textContent?.trim();
        expect(ours!.descriptionHtml).toBe(hasText ? html : null);
        if (hasText) expect(ours!.description).toBe(htmlToMarkdown(reference) || null);
        expect(el.innerHTML).toBe(before); // the page is never modified
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('stores only allowed tags, titles and http(s)/mailto links, whatever the page holds', () => {
    fc.assert(
      fc.property(fc.array(html, { minLength: 1, maxLength: 4 }), (parts) => {
        const page = loadDocument(`<div id="d">${parts.join('')}</div>`, BASE);
        const win = page.defaultView as Win;
        const [ours] = describeElements([page.getElementById('d')], win, BASE);
        const stored = ours!.descriptionHtml ?? '';
        expect(stored).not.toMatch(/<!--|<(?:script|style|img|svg|math|iframe|form|input|template)\b/i);
        for (const node of storedTags(stored, win)) {
          expect(ALLOWED_TAGS.has(node.localName)).toBe(true);
          for (const attr of Array.from(node.attributes)) {
            expect(['href', 'title']).toContain(attr.name);
            if (attr.name === 'href' && node.localName === 'a') expect(attr.value).toMatch(/^(?:https?:\/\/|mailto:)/);
          }
        }
      }),
      { numRuns: 250 },
    );
  }, 60_000);
});
