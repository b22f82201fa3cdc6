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

/** The base URL links resolve against: `<base href>` resolved against the page URL. */
export function documentBase(doc: Document, pageUrl: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

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

export function hasType(o: Record<string, unknown>, type: string): boolean {
  const t = o['@type'];
  return t === type || (Array.isArray(t) && t.includes(type)) ||
    (typeof t === 'string' && t.endsWith(type));
}

export function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}
