import { documentBase } from '../html/base-url';
/**
 * The key under which a page's highlights are stored: the same article must give the same key
 * whether reached from a newsletter (utm_*), a tweet (ref_src), a talk's slide or a bookmark.
 *
 * Decisions:
 * - `<link rel=canonical>` wins when it resolves to an absolute http(s) URL, even on another
 *   site: syndicated copies (dev.to, Medium) point at the original, and the key stays stable on
 *   every visit of either copy. One misconfiguration is common enough to refuse: a deep page
 *   whose canonical is the site's home page (it would pile every article into one key).
 * - Tracking parameters are removed; everything else is kept, sorted by name (stable, so
 *   repeated names keep their order) and byte-for-byte as written (no re-encoding).
 *   Generic names that are tracking only on some sites (`si`, `source`, `feature`) are
 *   removed only there; `ref` is tracking on blogs (Ghost adds `?ref=`) but a branch on forges.
 * - The fragment goes, unless it is a hash route (`#/…`, `#!…`), which is the page itself (and
 *   then the canonical, shared by all routes of the app, is ignored).
 * - Host is lower-cased and default ports dropped (the URL parser does both); credentials go.
 */

/**
 * Removed wherever they appear (compared lower-cased). Written as one string per line (this
 * ships in the injected highlighter, 30 kB budget): ad click ids; Mailchimp, HubSpot, Marketo,
 * Vero, Klaviyo; Google Analytics' cross-domain linker, Instagram, Twitter/X.
 */
const TRACKING_PARAMS: ReadonlySet<string> = new Set(
  (
    'fbclid gclid dclid gbraid wbraid msclkid yclid twclid ttclid li_fat_id epik ' +
    'mc_cid mc_eid _hsenc _hsmi __hstc __hssc __hsfp mkt_tok vero_id vero_conv _kx ' +
    '_ga _gl igshid ref_src ref_url'
  ).split(' '),
);

/** `ref` names a branch or tag on code forges; elsewhere it names the referrer. */
const REF_IS_MEANINGFUL_ON = ['github.com', 'gitlab.com', 'bitbucket.org', 'codeberg.org'];

/** Parameters that are tracking only on these hosts (and their subdomains). */
const HOST_TRACKING_PARAMS: ReadonlyArray<{ hosts: readonly string[]; params: ReadonlySet<string> }> = [
  { hosts: ['youtube.com', 'youtu.be'], params: new Set(['si', 'feature', 'pp']) },
  { hosts: ['spotify.com'], params: new Set(['si']) },
  { hosts: ['medium.com'], params: new Set(['source']) },
  { hosts: ['linkedin.com'], params: new Set(['trk', 'trackingid', 'lipi']) },
];

function onHost(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function isTracking(name: string, host: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('utm_') || TRACKING_PARAMS.has(n)) return true;
  if (n === 'ref') return !onHost(host, REF_IS_MEANINGFUL_ON);
  return HOST_TRACKING_PARAMS.some((rule) => rule.params.has(n) && onHost(host, rule.hosts));
}

/** The query without tracking parameters, sorted by name, each pair as it was written. */
function cleanQuery(search: string, host: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair, name: decodeName(pair.split('=')[0]!) }))
    .filter(({ name }) => !isTracking(name, host));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.map(({ pair }) => pair).join('&');
}

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
