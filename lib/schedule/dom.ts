/** Small DOM readers shared by the extractors. Pages are hostile: every read tolerates absence. */

/** Visible text with runs of white space folded, or '' when the node is missing. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Text of an element without some of its descendants (Sched titles carry room and people spans).
 * `dropSelector` is a list of compound selectors (no combinators), matched on each descendant.
 * The text is gathered in one walk that skips the dropped subtrees: the same text as a copy with
 * them removed, without copying the element (600 titles on a Sched list page).
 */
export function textWithout(el: Element | null | undefined, dropSelector: string): string {
  if (!el) return '';
  // A TreeWalker and the prototype's `matches`: a page's <form> can shadow `firstChild`,
  // `nodeType` or `matches` with a control of that name, a walker's moves cannot be shadowed.
  const doc = el.ownerDocument;
  const win = doc.defaultView ?? globalThis;
  const matches = win.Element.prototype.matches;
  const nodeType = Object.getOwnPropertyDescriptor(win.Node.prototype, 'nodeType')!.get!;
  const walker = doc.createTreeWalker(el, 0x1 | 0x4 | 0x8 /* elements, text, CDATA */, {
    acceptNode: (n) =>
      nodeType.call(n) !== 1 ? 1 /* accept */ : matches.call(n, dropSelector) ? 2 /* reject subtree */ : 3 /* skip */,
  });
  let text = '';
  // Text and CDATA, as textContent reads them; comments and processing instructions are not text.
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as CharacterData).data;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * An absolute http(s) URL, resolved against the document's base (Sched pages use `<base href="/">`),
 * or null: `javascript:`, `data:` and unparsable links never leave the extractor.
 */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed) return null;
  const fast = simpleResolve(trimmed, base);
  if (fast !== null) return fast;
  return parsedUrl(trimmed, base);
}

/** `absoluteUrl` through the URL parser, always (the reference the fast path is held to). */
export function parsedUrl(trimmed: string, base: string): string | null {
  try {
    const url = new URL(trimmed.startsWith('//') ? `https:${trimmed}` : trimmed, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The fast path of `absoluteUrl`, for the links a schedule page repeats by the thousand
 * (`speaker/ada`, `/event/2B1/slug`, `//static.sched.com/avatars/a.jpg`, `https://host/file.pdf`):
 * when the link holds only characters the URL parser copies as they are (no dot segment, no
 * query, fragment, percent sign, backslash, colon, upper-case or IP-like host, no punycode),
 * resolving it is a concatenation. Anything else returns null and goes through `new URL`. A
 * property test (test/unit/schedule/absolute-url.property.test.ts) holds the two equal.
 */
const PLAIN_PATH = /^[A-Za-z0-9._~!$&()*+,;=@/-]*$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;
/** Lower-case ASCII labels that start and end with a letter or digit, no `--` (no punycode); the last starts with a letter (not an IPv4 address). */
const PLAIN_HOST = /^(?:[a-z0-9](?:-?[a-z0-9])*\.)*[a-z](?:-?[a-z0-9])*$/;

interface BaseParts {
  base: string;
  /** Scheme, credentials and host (`https://host:8443`): what a root-relative link is appended to; null for a base that is not http(s). */
  root: string | null;
  /** `root` and the base's path up to its last `/`: what a path-relative link is appended to. */
  dir: string | null;
}
let lastBase: BaseParts | null = null;

/** The base's parts, or null when it does not parse (then `new URL` throws whatever the link). */
function baseParts(base: string): BaseParts | null {
  if (lastBase?.base === base) return lastBase;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return null;
  }
  lastBase = { base, root: null, dir: null };
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    url.search = '';
    url.hash = '';
    const href = url.href;
    lastBase.root = href.slice(0, href.length - url.pathname.length);
    lastBase.dir = href.slice(0, href.lastIndexOf('/') + 1);
  }
  return lastBase;
}

export function simpleResolve(href: string, base: string): string | null {
  const parts = href ? baseParts(base) : null;
  if (!parts) return null;
  let scheme: string | null = null;
  let rest = href;
  if (href.startsWith('https://')) [scheme, rest] = ['https:', href.slice(6)];
  else if (href.startsWith('http://')) [scheme, rest] = ['http:', href.slice(5)];
  if (rest.startsWith('//')) {
    // An absolute or protocol-relative link: a plain host, then a plain path that starts with '/'.
    const slash = rest.indexOf('/', 2);
    if (slash < 0) return null;
    const host = rest.slice(2, slash);
    const path = rest.slice(slash);
    if (!PLAIN_HOST.test(host) || !PLAIN_PATH.test(path) || DOT_SEGMENT.test(path)) return null;
    // absoluteUrl reads a protocol-relative link as https.
    return `${scheme ?? 'https:'}//${host}${path}`;
  }
  if (scheme || !parts.root || !parts.dir || !PLAIN_PATH.test(href) || DOT_SEGMENT.test(href)) return null;
  return href.startsWith('/') ? parts.root + href : parts.dir + href;
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
