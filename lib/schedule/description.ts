import DOMPurify from 'dompurify';
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

/**
 * Page HTML is hostile: it is sanitized once, at clip time, with DOMPurify (scripts, handlers,
 * `javascript:` URLs, iframes and styles gone), and only then converted to Markdown. Images are
 * dropped too: a clipped description must never load anything when shown (tracking pixels).
 */
const ALLOWED_TAGS = [
  'a', 'b', 'strong', 'i', 'em', 'u', 's', 'del', 'code', 'pre', 'p', 'br', 'ul', 'ol', 'li', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'span', 'div',
];

type Win = Window & typeof globalThis;

export interface Description {
  descriptionHtml: string | null;
  description: string | null;
}

const NONE: Description = { descriptionHtml: null, description: null };

// One DOMPurify instance per window: building one per description is the slow part of a 600-session page.
const purifiers = new WeakMap<object, ReturnType<typeof DOMPurify>>();

const purifier = (win: Win): ReturnType<typeof DOMPurify> => {
  let purify = purifiers.get(win);
  if (!purify) purifiers.set(win, (purify = DOMPurify(win)));
  return purify;
};

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title'],
  // Relative links must survive the URI check to be resolved below: anything with a scheme other
  // than http(s)/mailto is dropped here; scheme-less values are resolved against the page.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
};

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

/** Sanitized into DOMPurify's inert document; the result is handed to Turndown as a node, not re-parsed. */
function sanitizeToBody(html: string, win: Win, base: string | undefined): HTMLElement {
  const body = purifier(win).sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement;
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

const OPTIONS: TurndownService.Options = { headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' };

/**
 * An HTML → Markdown converter with a Turndown plugin (GFM tables by default). The plugin is
 * third-party code meeting hostile markup: if it fails to load or throws on a page, conversion
 * falls back to plain Turndown instead of losing the description.
 */
export function createMarkdownConverter(plugin: TurndownService.Plugin | null = gfm): (html: string | HTMLElement) => string {
  let plain: TurndownService | null = null;
  let extended: TurndownService | null = null;
  if (plugin) {
    try {
      extended = new TurndownService(OPTIONS).use(plugin);
    } catch {
      extended = null;
    }
  }
  const tidy = (md: string) => md.replace(/\n{3,}/g, '\n\n').trim();
  return (html) => {
    if (extended) {
      try {
        return tidy(extended.turndown(html));
      } catch {
        /* fall back to plain Turndown below */
      }
    }
    plain ??= new TurndownService(OPTIONS);
    return tidy(plain.turndown(html));
  };
}

let defaultConverter: ((html: string | HTMLElement) => string) | null = null;

export function htmlToMarkdown(html: string | HTMLElement): string {
  defaultConverter ??= createMarkdownConverter();
  return defaultConverter(html);
}

function describeSanitized(body: HTMLElement): Description {
  const html = body.innerHTML.trim();
  const hasContent = !!html && !!body.textContent?.trim();
  const markdown = hasContent ? htmlToMarkdown(body) : '';
  return markdown ? { descriptionHtml: html, description: markdown } : NONE;
}

/** Sanitized HTML and its Markdown from an HTML string; nulls when it holds no text. */
export function describeHtml(html: string | null | undefined, win: Win, base?: string): Description {
  if (!html?.trim()) return NONE;
  return describeSanitized(sanitizeToBody(html, win, base));
}

/**
 * Sanitized HTML and its Markdown for an element of the page, links made absolute (a relative
 * link would otherwise point at the wrong site once clipped). The page is never modified.
 */
export function describe(el: Element | null, win: Win, base?: string): Description {
  if (!el) return NONE;
  return describeHtml(el.innerHTML, win, base ?? el.ownerDocument.baseURI);
}

/**
 * A plain-text description (iCalendar, Sessionize, pretalx's Markdown) kept as written: it
 * already reads as Markdown, and inventing HTML for it would only add a second copy.
 */
export function describeText(text: string | null | undefined): Description {
  const clean = (text ?? '').replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return clean ? { descriptionHtml: null, description: clean } : NONE;
}

/** HTML when the text holds markup (some feeds send it), else plain text. */
export function describeMixed(text: string | null | undefined, win: Win | null): Description {
  if (win && text && /<(?:p|br|a|ul|ol|li|strong|em|b|i|div|h[1-6])\b[^>]*>/i.test(text)) return describeHtml(text, win);
  return describeText(text);
}
