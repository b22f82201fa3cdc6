import { documentBase } from '../html/base-url';
import { cleanQuery } from '../html/tracking-params';
/**
 * The key under which a page's highlights are stored: the same article must give the same key
 * whether reached from a newsletter (utm_*), a tweet (ref_src), a talk's slide or a bookmark.
 *
 * Decisions:
 * - `<link rel=canonical>` wins when it resolves to an absolute http(s) URL, even on another
 *   site: syndicated copies (dev.to, Medium) point at the original, and the key stays stable on
 *   every visit of either copy. One misconfiguration is common enough to refuse: a deep page
 *   whose canonical is the site's home page (it would pile every article into one key).
 * - Tracking parameters are removed (lib/html/tracking-params.ts); everything else is kept, sorted by name (stable, so
 *   repeated names keep their order) and byte-for-byte as written (no re-encoding).
 *   Generic names that are tracking only on some sites (`si`, `source`, `feature`) are
 *   removed only there; `ref` is tracking on blogs (Ghost adds `?ref=`) but a branch on forges.
 * - The fragment goes, unless it is a hash route (`#/…`, `#!…`), which is the page itself (and
 *   then the canonical, shared by all routes of the app, is ignored).
 * - Host is lower-cased and default ports dropped (the URL parser does both); credentials go.
 */

/** A URL as a storage key: see the module comment. Unparsable input comes back trimmed. */
export function cleanPageUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  const isHashRoute = /^#[!/]/.test(u.hash);
  if (!isHashRoute) u.hash = '';
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  u.username = '';
  u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  u.search = cleanQuery(u.search, u.hostname);
  return u.href;
}

/** The document's canonical URL if it is usable as the key of `pageUrl`, else null. */
function plausibleCanonical(doc: Document, pageUrl: URL): URL | null {
  const link = Array.from(doc.querySelectorAll('link[rel][href]')).find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const href = link?.getAttribute('href')?.trim();
  if (!href) return null;
  let canonical: URL;
  try {
    canonical = new URL(href, documentBase(doc, pageUrl.href));
  } catch {
    return null;
  }
  if (canonical.protocol !== 'http:' && canonical.protocol !== 'https:') return null;
  const isHome = (u: URL): boolean => (u.pathname === '/' || u.pathname === '') && !u.search;
  if (isHome(canonical) && !isHome(pageUrl)) return null;
  return canonical;
}

/**
 * The canonical key of the page `doc` shown at `url`: its plausible `rel=canonical`, else the
 * URL itself, cleaned of fragment and tracking parameters (see module comment).
 */
export function canonicalPageUrl(doc: Document, url: string): string {
  let page: URL;
  try {
    page = new URL(url.trim());
  } catch {
    return url.trim();
  }
  // A hash-routed app serves one HTML file (one canonical) for all its routes: ignore it there.
  const usable = (page.protocol === 'http:' || page.protocol === 'https:') && !/^#[!/]/.test(page.hash);
  const canonical = usable ? plausibleCanonical(doc, page) : null;
  return cleanPageUrl((canonical ?? page).href);
}
