/**
 * Query parameters that only say how someone arrived (a newsletter's utm_*, an ad's click id):
 * the same page with or without them is the same page. Used for highlight page keys
 * (anchoring/page-url.ts) and talk identity (schedule/talk-key.ts).
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
export function cleanQuery(search: string, host: string): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair, name: decodeName(pair.split('=')[0]!) }))
    .filter(({ name }) => !isTracking(name, host));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return pairs.map(({ pair }) => pair).join('&');
}
