/** Small DOM readers shared by the extractors. Pages are hostile: every read tolerates absence. */

/** Visible text with runs of white space folded, or '' when the node is missing. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of an element without some of its descendants (Sched titles carry room and people spans). */
export function textWithout(el: Element | null | undefined, dropSelector: string): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(dropSelector).forEach((n) => n.remove());
  return textOf(copy);
}

/**
 * An absolute http(s) URL, resolved against the document's base (Sched pages use `<base href="/">`),
 * or null: `javascript:`, `data:` and unparsable links never leave the extractor.
 */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export { documentBase } from '../html/base-url';

/** Every JSON-LD object on the page, flattened through arrays and `@graph`; broken blocks are skipped. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      /* a broken block is one more reason to fall back, not a failure */
    }
  }
  return out;
}

/** `@type` as sites write it: "Event", "BusinessEvent", "http://schema.org/Event", or an array of those. */
export function hasType(o: Record<string, unknown>, type: string): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && x.endsWith(type));
}

export function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** The page's own address: `rel=canonical` when it is a valid http(s) URL, else the URL without query or fragment. */
export function canonicalUrl(doc: Document, url: URL): string {
  // Link and meta tags live in <head>: searching only there keeps huge schedule pages cheap.
  const href = (doc.head ?? doc).querySelector('link[rel="canonical"]')?.getAttribute('href');
  return absoluteUrl(href, url.href) ?? `${url.origin}${url.pathname}`;
}

/** A URL without its fragment (Sched slugs can hold a "#" that is really part of the title). */
export function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

export function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = (doc.head ?? doc)
      .querySelector(`meta[property="${key}"], meta[name="${key}"]`)
      ?.getAttribute('content');
    if (value?.trim()) return value.replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** The watch URL of an embedded or linked recording (YouTube, Vimeo, media.ccc.de); null for anything else. */
export function videoUrlFrom(src: string | null | undefined): string | null {
  if (!src) return null;
  const yt = /(?:youtube(?:-nocookie)?\.com\/(?:embed\/|live\/|watch\?(?:.*&)?v=)|youtu\.be\/)([\w-]{6,})/.exec(src);
  if (yt) return `https://www.youtube.com/watch?v=${yt[1]}`;
  const vimeo = /(?:player\.)?vimeo\.com\/(?:video\/)?(\d+)/.exec(src);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  const ccc = /media\.ccc\.de\/v\/([\w.-]+)/.exec(src);
  if (ccc) return `https://media.ccc.de/v/${ccc[1]}`;
  return null;
}

/** Text with HTML entities decoded (`&rsquo;` in Sched's iCalendar feed), without parsing any markup. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  if (typeof DOMParser !== 'undefined') {
    // A <textarea> decodes character references and never builds elements; a parsed document
    // is inert (no scripts, no loads). `<` is escaped so only `</textarea>` could end it, and
    // cannot: the text decodes exactly as it would inside the element. No innerHTML needed.
    const doc = new DOMParser().parseFromString(`<textarea>${text.replace(/</g, '&lt;')}</textarea>`, 'text/html');
    return doc.querySelector('textarea')?.value ?? text;
  }
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

/** The window whose DOMPurify sanitizes this document's HTML. */
export function windowOf(doc: Document): Window & typeof globalThis {
  return (doc.defaultView ?? globalThis.window) as Window & typeof globalThis;
}

/** A schema.org location as one line of text ("Computer History Museum, Mountain View, CA"). */
export function placeText(location: unknown): string | null {
  if (typeof location === 'string') return location.trim() || null;
  if (Array.isArray(location)) return location.map(placeText).filter(Boolean).join(', ') || null;
  if (!location || typeof location !== 'object') return null;
  const o = location as Record<string, unknown>;
  const address =
    typeof o.address === 'object' && o.address
      ? Object.entries(o.address as Record<string, unknown>)
          .filter(([k, v]) => !k.startsWith('@') && typeof v === 'string')
          .map(([, v]) => v as string)
          .join(', ')
      : stringOrNull(o.address);
  return [stringOrNull(o.name), address].filter(Boolean).join(', ') || null;
}

/** The host of a URL, or null when it is not one (public parsers take URLs from callers). */
export function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).host.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function originOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}
