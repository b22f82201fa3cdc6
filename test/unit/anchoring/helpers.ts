import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { TextIndex } from '../../../lib/anchoring';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTICLES = resolve(here, '../../fixtures/articles');
export const ARTICLE_URL = 'https://fieldnotes.example.dev/2025/09/paved-roads-not-golden-cages/?utm_source=talk';

export function loadHtml(html: string, url = ARTICLE_URL): JSDOM {
  return new JSDOM(html, { url });
}

/** The hand-written blog post fixture, freshly parsed. */
export function loadArticle(): { dom: JSDOM; doc: Document; root: Element } {
  const dom = loadHtml(readFileSync(resolve(ARTICLES, 'paved-roads.html'), 'utf8'));
  const doc = dom.window.document;
  return { dom, doc, root: doc.body };
}

/** A Range over the `nth` occurrence of `needle` in root's indexed text. */
export function rangeOfText(root: Element, needle: string, nth = 0): Range {
  const index = TextIndex.build(root);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = index.text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" #${nth} not in text`);
  }
  return index.rangeAt(at, at + needle.length);
}

/** Replaces the first occurrence of `from` inside a single Text node under root. */
export function editText(root: Element, from: string, to: string): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const i = t.data.indexOf(from);
    if (i !== -1) {
      t.replaceData(i, from.length, to);
      return;
    }
  }
  throw new Error(`"${from}" not found in one text node`);
}
