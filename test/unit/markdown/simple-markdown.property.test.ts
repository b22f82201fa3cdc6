/**
 * The direct converter for simple descriptions (lib/markdown/simple-markdown.ts) against Turndown
 * (the one pass over all parts that describeElements used for every description): on generated
 * trees of paragraphs, breaks, links, emphasis, inline code, lists, spans and divs, with text full
 * of Markdown and HTML specials and every kind of white space, each part's Markdown is the same.
 * Trees with anything else are left to Turndown (null).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownOfParts, simplePartMarkdown } from '../../../lib/markdown/html-to-markdown';
import { loadDocument } from '../helpers';

const doc = loadDocument('<!doctype html><body></body>', 'https://conf.example/');
const PART = 'data-talkmark-part';

const textPiece = fc.constantFrom(
  'word',
  'Acme',
  ' ',
  '  ',
  '\n',
  '\t',
  ' \n ',
  '\u00a0',
  '\u2003',
  '*',
  '**',
  '_',
  '-',
  '- ',
  '+ ',
  '=',
  '==',
  '# ',
  '## x',
  '1. ',
  '12. ',
  '`',
  '``',
  '~~~',
  '[',
  ']',
  '>',
  '\\',
  '&lt;Corp&gt;',
  '&lt;/div&gt;',
  '&amp;lt;',
  '&amp;',
  '&lt;https://x.example/&gt;',
  '(',
  ')',
  '"',
  'é',
  '😀',
);
const text = fc.array(textPiece, { minLength: 0, maxLength: 5 }).map((p) => p.join(''));
const href = fc.constantFrom(
  'https://x.example/a',
  'https://x.example/a b',
  'https://x.example/(a)',
  'https://x.example/<a>',
  'mailto:a@b.example',
  '',
  null,
);
const title = fc.constantFrom(null, '', 'Say "hi"', 'two\n\n  lines', ' t ');
const olStart = fc.constantFrom(null, '', '3', '0', 'x');

const tree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constant('<br>'),
    fc
      .tuple(
        fc.constantFrom('p', 'em', 'i', 'strong', 'b', 'u', 'span', 'code', 'div', 'li'),
        fc.array(tie('node'), { maxLength: 4 }),
      )
      .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
    fc
      .tuple(href, title, fc.array(tie('node'), { maxLength: 3 }))
      .map(
        ([h, t, kids]) =>
          `<a${h === null ? '' : ` href="${h.replace(/"/g, '&quot;')}"`}${t === null ? '' : ` title="${t.replace(/"/g, '&quot;')}"`}>${kids.join('')}</a>`,
      ),
    fc
      .tuple(
        fc.constantFrom('ul', 'ol'),
        olStart,
        fc.array(
          fc.array(tie('node'), { maxLength: 3 }).map((kids) => `<li>${kids.join('')}</li>`),
          { maxLength: 4 },
        ),
        text,
      )
      .map(
        ([tag, start, items, gap]) =>
          `<${tag}${tag === 'ol' && start !== null ? ` start="${start}"` : ''}>${items.join(gap)}</${tag}>`,
      ),
  ),
})).node;
const part = fc.array(tree, { minLength: 1, maxLength: 5 }).map((nodes) => nodes.join(''));

/** Turndown's Markdown of each part, in one pass as describeElements ran it. */
function viaTurndown(parts: string[]): string[] {
  const container = doc.createElement('div');
  for (const [i, html] of parts.entries()) {
    const body = doc.createElement('div');
    body.innerHTML = html;
    body.setAttribute(PART, String(i));
    container.appendChild(body);
  }
  return markdownOfParts(container, parts.length, PART)!;
}

function direct(html: string): string | null {
  const body = doc.createElement('div');
  body.innerHTML = html;
  return simplePartMarkdown(body);
}

describe('simple descriptions without Turndown', () => {
  it('give exactly Turndown’s Markdown, part by part', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (parts) => {
        expect(parts.map(direct)).toEqual(viaTurndown(parts));
      }),
      { numRuns: 1000 },
    );
  });

  it('on descriptions as Sched prints them', () => {
    const samples = [
      '<strong></strong><p>We moved <em>hundreds</em> of <a href="https://example.com/t">services</a>.</p><ul><li>One</li><li>Code: <code>kubectl get pods -A</code></li></ul>',
      'Why &lt;Corp&gt; tooling is not enough.<br><br>Recording: <a href="https://youtu.be/x">https://youtu.be/x</a>',
      '<p>1. Not a list</p><p>- nor this</p><p># nor a heading</p>',
      '<ol start="4"><li>four<ul><li>nested</li></ul></li><li>five</li></ol>',
    ];
    expect(samples.map(direct)).toEqual(viaTurndown(samples));
  });

  it('leaves anything else to Turndown', () => {
    for (const html of [
      '<table><tr><th>a</th></tr></table>',
      '<h2>Title</h2>',
      '<pre><code>x</code></pre>',
      '<blockquote>q</blockquote>',
      '<p>a<!-- c --></p>',
      '<s>gone</s>',
      '<hr>',
    ])
      expect(direct(html), html).toBeNull();
  });
});

describe('every description of the fixture pages', () => {
  it('converts directly to what Turndown gives, or is left to Turndown', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { OWN_FIXTURES } = await import('../helpers');
    const { copyAllowed } = await import('../../../lib/schedule/allowlist-copy');
    const { SANITIZER_CONFIG } = await import('../../../lib/schedule/description');
    let simple = 0;
    let total = 0;
    for (const dir of ['sched', 'schedule']) {
      for (const file of readdirSync(join(OWN_FIXTURES, dir)).filter((f) => f.endsWith('.html'))) {
        const page = loadDocument(readFileSync(join(OWN_FIXTURES, dir, file), 'utf8'), 'https://conf.example/');
        const win = page.defaultView as Window & typeof globalThis;
        const rules = { allowedUri: SANITIZER_CONFIG.ALLOWED_URI_REGEXP, resolveLink: (href: string) => href };
        const copies = Array.from(page.querySelectorAll('.tip-description, .description, .abstract')).map((el) => {
          const body = page.createElement('div');
          copyAllowed(el, body, win, rules);
          return body.innerHTML;
        });
        if (!copies.length) continue;
        const direct = copies.map((html) => {
          const body = doc.createElement('div');
          body.innerHTML = html;
          return simplePartMarkdown(body);
        });
        const turndown = viaTurndown(copies);
        direct.forEach((md, i) => {
          total++;
          if (md === null) return;
          simple++;
          expect(md, `${file} #${i}`).toBe(turndown[i]);
        });
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(simple).toBeGreaterThan(total / 2);
  });
});
