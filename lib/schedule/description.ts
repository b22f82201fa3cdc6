import DOMPurify from 'dompurify';
import { escapeMarkupText, htmlToMarkdown, markdownOfParts, simplePartMarkdown } from '../markdown/html-to-markdown';
import { ALLOWED_TAGS, copyAllowed } from './allowlist-copy';

/**
 * Page HTML is hostile: it is sanitized once, at clip time (scripts, handlers, `javascript:` URLs,
 * iframes and styles gone), and only then converted to Markdown. Images are dropped too: a
 * clipped description must never load anything when shown (tracking pixels). HTML strings go
 * through DOMPurify; elements of the page through the allowlist copy, held to the same result.
 */

type Win = Window & typeof globalThis;

export interface Description {
  descriptionHtml: string | null;
  description: string | null;
}

const NONE: Description = { descriptionHtml: null, description: null };

/** DOMPurify's configuration for descriptions (exported: the allowlist copy's property test holds the copy to it). */
export const SANITIZER_CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: ['href', 'title'],
  // DOMPurify keeps data-* and aria-* attributes unless told not to: nothing of the page's own.
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Relative links must survive the URI check to be resolved below: anything with a scheme other
  // than http(s)/mailto is dropped here; scheme-less values are resolved against the page.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
};

type Purifier = ReturnType<typeof DOMPurify>;

/**
 * One DOMPurify instance per window, configured once with `setConfig`: building an instance, or
 * parsing the configuration again on every call, is the slow part of sanitizing many strings.
 */
const purifiers = new WeakMap<object, Purifier>();

function purifier(win: Win): Purifier {
  let purify = purifiers.get(win);
  if (!purify) {
    purify = DOMPurify(win);
    purify.setConfig({ ...SANITIZER_CONFIG, RETURN_DOM: true });
    purifiers.set(win, purify);
  }
  return purify;
}

/** A link as the page meant it (relative to its base), kept only when it is http(s) or mailto. */
function resolveLink(value: string, base: string | undefined): string | null {
  try {
    const trimmed = value.trim();
    const url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed, base);
    return /^(?:https?|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const INLINE = new Set(['STRONG', 'B', 'EM', 'I', 'SPAN', 'U']);

/** Links made absolute and empty inline wrappers dropped, in a sanitized tree. */
export function tidySanitized(body: HTMLElement, base: string | undefined): HTMLElement {
  // Links made absolute against the page (a relative link would point at the wrong site once
  // clipped); whatever does not resolve to http(s)/mailto loses its href.
  for (const a of Array.from(body.querySelectorAll('a[href]'))) {
    const href = resolveLink(a.getAttribute('href')!, base);
    if (href) a.setAttribute('href', href);
    else a.removeAttribute('href');
  }
  // Descriptions often open with an empty <strong>: drop empty inline wrappers (innermost first).
  const all = Array.from(body.getElementsByTagName('*'));
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (INLINE.has(el.tagName) && !el.firstElementChild && !el.textContent?.trim()) el.remove();
  }
  return body;
}

/** A string is parsed by DOMPurify into its own inert document; the result goes to Turndown as a node, not re-parsed. */
function sanitizeHtml(html: string, win: Win, base: string | undefined): HTMLElement {
  return tidySanitized(purifier(win).sanitize(html) as unknown as HTMLElement, base);
}

// One inert document per window (no browsing context: nothing in it loads or runs).
const inertDocuments = new WeakMap<object, Document>();

function inertDocument(win: Win): Document {
  let inert = inertDocuments.get(win);
  if (!inert) inertDocuments.set(win, (inert = win.document.implementation.createHTMLDocument('')));
  return inert;
}

function describeSanitized(body: HTMLElement, markdown: (body: HTMLElement) => string = htmlToMarkdown): Description {
  const html = body.innerHTML.trim();
  const md = html && body.textContent?.trim() ? markdown(body) : '';
  return md ? { descriptionHtml: html, description: md } : NONE;
}

/** Sanitized HTML and its Markdown from an HTML string; nulls when it holds no text. */
export function describeHtml(html: string | null | undefined, win: Win, base?: string): Description {
  if (!html?.trim()) return NONE;
  return describeSanitized(sanitizeHtml(html, win, base));
}

const PART = 'data-talkmark-part';

/**
 * Sanitized HTML and its Markdown for elements of the page (the sessions of a list page), links
 * made absolute: a relative link would otherwise point at the wrong site once clipped.
 *
 * Each element's content is copied into an inert document through the allowlist (allowlist-copy.ts:
 * the tree DOMPurify would give, built in one walk); the page is never modified. All elements then
 * go through one Markdown pass, in a container of one part each: per description, a fresh
 * document, a sanitizer call and a Turndown call cost more than the work itself. A part cannot
 * leak into the next: they are nodes, never joined as strings. A part holding only simple markup
 * (paragraphs, breaks, links, emphasis, inline code, lists) skips Turndown: simplePartMarkdown
 * gives the same Markdown directly (lib/markdown/simple-markdown.ts).
 */
export function describeElements(els: ReadonlyArray<Element | null>, win: Win, base?: string): Description[] {
  const out = els.map((): Description => NONE);
  const inert = inertDocument(win);
  const container = inert.createElement('div');
  const parts: Array<{ index: number; body: HTMLElement }> = [];
  const pageBase = base ?? els.find((el) => el)?.ownerDocument.baseURI;
  const rules = {
    allowedUri: SANITIZER_CONFIG.ALLOWED_URI_REGEXP,
    resolveLink: (href: string) => resolveLink(href, pageBase),
  };
  for (const [index, el] of els.entries()) {
    if (!el?.textContent?.trim()) continue;
    const body = inert.createElement('div');
    copyAllowed(el, body, win, rules);
    // Most descriptions are simple (paragraphs, links, lists): converted directly, as Turndown would.
    const simple = simplePartMarkdown(body);
    if (simple !== null) {
      out[index] = describeSanitized(body, () => simple);
      continue;
    }
    container.appendChild(body);
    parts.push({ index, body });
  }
  if (!parts.length) return out;
  // Marked only after copying, so no attribute of the page can pose as a part.
  parts.forEach(({ body }, i) => body.setAttribute(PART, String(i)));
  const markdown = markdownOfParts(container, parts.length, PART);
  parts.forEach(({ index, body }, i) => {
    out[index] = describeSanitized(body, markdown ? () => markdown[i]! : htmlToMarkdown);
  });
  return out;
}

/** `describeElements` for one element. */
export function describe(el: Element | null, win: Win, base?: string): Description {
  return describeElements([el], win, base)[0]!;
}

/**
 * A plain-text description (iCalendar, Sessionize, pretalx's Markdown) kept as written: it
 * already reads as Markdown, and inventing HTML for it would only add a second copy. Only
 * markup-looking text is escaped, so "<Corp>" stays a word in every Markdown renderer.
 */
export function describeText(text: string | null | undefined): Description {
  const clean = (text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return clean ? { descriptionHtml: null, description: escapeMarkupText(clean, true) } : NONE;
}

/** HTML when the text holds markup (some feeds send it), else plain text. */
export function describeMixed(text: string | null | undefined, win: Win | null): Description {
  if (win && text && /<(?:p|br|a|ul|ol|li|strong|em|b|i|div|h[1-6])\b[^>]*>/i.test(text))
    return describeHtml(text, win);
  return describeText(text);
}
