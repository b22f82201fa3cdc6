import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { simpleMarkdown } from './simple-markdown';

/*
 * HTML → Markdown for text that was already sanitized (a schedule's description at clip time,
 * a stored `descriptionHtml` at export time). Kept apart from the sanitizer so that the pages
 * that only convert (the Export view) do not carry DOMPurify.
 */

// Sched descriptions separate paragraphs with <br><br>: two hard breaks ("  \n  \n") are a paragraph break.
const tidyConverted = (md: string) =>
  md
    .replace(/ {2}\n(?:[ \t]*\n)+/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Text that looks like markup ("<Corp>", "</div>" written as words, "&lt;" spelled out) must stay
 * text in the stored Markdown: a `<` that could open an HTML tag, comment or declaration, and an
 * `&` that starts a character reference, get a backslash (CommonMark escapes them), unless a
 * backslash already escapes them.
 */
const MARKUP_LIKE = /(\\*)(<(?=[A-Za-z/!?])|&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};))/g;
const AUTOLINK_AT = /<(?:https?|mailto):[^\s<>]*>/iy;

/** `keepAutolinks`: plain-text sources (pretalx's Markdown) may mean `<https://…>` as a link; page text never does. */
export function escapeMarkupText(text: string, keepAutolinks = false): string {
  return text.replace(MARKUP_LIKE, (all, slashes: string, c: string, at: number) => {
    if (slashes.length % 2) return all;
    if (keepAutolinks && c === '<') {
      AUTOLINK_AT.lastIndex = at + slashes.length;
      if (AUTOLINK_AT.test(text)) return all;
    }
    return `${slashes}\\${c}`;
  });
}

/** Turndown's own escaping (emphasis, lists, headings, links) plus markup-looking text. */
function withMarkupEscaped(service: TurndownService): TurndownService {
  const base = service.escape.bind(service);
  service.escape = (text: string) => escapeMarkupText(base(text));
  return service;
}

/**
 * Every character Turndown's escapes and escapeMarkupText look for, anywhere (`\ * ` [ ] _ < &`)
 * or at the start of the text (`- + = # ~ >` and a digit): text without any of them comes back
 * unchanged from both, so most text nodes skip their ~14 regular-expression passes.
 */
const MAY_ESCAPE = /[\\*`[\]_<&]|^[-+=#~>\d]/;

/** The text escaping of every converter here: Turndown's own, then markup-looking text. */
export const escapeText = (text: string) =>
  MAY_ESCAPE.test(text) ? escapeMarkupText(TurndownService.prototype.escape(text)) : text;

/**
 * The Markdown of a sanitized element holding only simple markup (paragraphs, breaks, links,
 * emphasis, inline code, lists), without Turndown; null for anything else. Equal to the
 * element's part of `markdownOfParts` (simple-markdown.ts; a property test holds them equal).
 */
export function simplePartMarkdown(el: HTMLElement): string | null {
  const md = simpleMarkdown(el, escapeText);
  return md === null ? null : tidyConverted(md);
}

const OPTIONS: TurndownService.Options = {
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '_',
};

/**
 * An HTML → Markdown converter with a Turndown plugin (GFM tables by default). The plugin is
 * third-party code meeting hostile markup: if it fails to load or throws on a page, conversion
 * falls back to plain Turndown instead of losing the description.
 */
export function createMarkdownConverter(
  plugin: TurndownService.Plugin | null = gfm,
): (html: string | HTMLElement) => string {
  let plain: TurndownService | null = null;
  let extended: TurndownService | null = null;
  if (plugin) {
    try {
      extended = withMarkupEscaped(new TurndownService(OPTIONS).use(plugin));
    } catch {
      extended = null;
    }
  }
  return (html) => {
    if (extended) {
      try {
        return tidyConverted(extended.turndown(html));
      } catch {
        /* fall back to plain Turndown below */
      }
    }
    plain ??= withMarkupEscaped(new TurndownService(OPTIONS));
    return tidyConverted(plain.turndown(html));
  };
}

let defaultConverter: ((html: string | HTMLElement) => string) | null = null;

export function htmlToMarkdown(html: string | HTMLElement): string {
  defaultConverter ??= createMarkdownConverter();
  return defaultConverter(html);
}

/**
 * The Markdown of every part of a container in one Turndown pass: a rule catches each part's
 * converted content. Null when the pass throws (the GFM plugin meeting odd markup); the caller
 * then converts part by part, with the plain-Turndown fallback.
 */
export function markdownOfParts(container: HTMLElement, count: number, partAttribute: string): string[] | null {
  const found = new Array<string>(count).fill('');
  try {
    withMarkupEscaped(new TurndownService(OPTIONS))
      .use(gfm)
      .addRule('talkmarkPart', {
        filter: (node) => node.nodeName === 'DIV' && node.hasAttribute(partAttribute),
        replacement: (content, node) => {
          found[Number((node as Element).getAttribute(partAttribute))] = tidyConverted(content);
          return '';
        },
      })
      .turndown(container);
    return found;
  } catch {
    return null;
  }
}
