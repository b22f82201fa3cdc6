import DOMPurify from 'dompurify';
import TurndownService from 'turndown';

/**
 * Page HTML is hostile: it is sanitized once, at clip time, with DOMPurify (scripts, handlers,
 * `javascript:` URLs, iframes and styles gone), and only then converted to Markdown.
 */
const ALLOWED_TAGS = [
  'a', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'pre', 'p', 'br', 'ul', 'ol', 'li', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'span', 'div', 'img',
];

export function sanitizeHtml(html: string, win: Window & typeof globalThis): string {
  const purify = DOMPurify(win);
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'src', 'alt', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  }) as string;
}

let turndown: TurndownService | null = null;

export function htmlToMarkdown(html: string): string {
  turndown ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' });
  return turndown.turndown(html).replace(/\n{3,}/g, '\n\n').trim();
}

/** Sanitized HTML and its Markdown, or nulls for an element with no text. */
export function describe(el: Element | null, win: Window & typeof globalThis): { descriptionHtml: string | null; description: string | null } {
  if (!el) return { descriptionHtml: null, description: null };
  // Sched descriptions often open with an empty <strong>: drop empty inline wrappers.
  const clean = sanitizeHtml(el.innerHTML, win).replace(/<(strong|b|em|i|span|u)>\s*<\/\1>/g, '').trim();
  const markdown = clean ? htmlToMarkdown(clean) : '';
  return markdown ? { descriptionHtml: clean, description: markdown } : { descriptionHtml: null, description: null };
}
