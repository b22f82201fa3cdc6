import { cleanQuery } from '../html/tracking-params';
import type { ExtractedTalk } from '../model';

type KeyFields = Pick<ExtractedTalk, 'url' | 'externalId' | 'title'>;

/**
 * The identity of a talk across the views of one schedule and across machines: Sched's list
 * page, session page and ICS feed share the 32-hex id, so host + id joins them; otherwise the
 * page's address, plus the title because a generic page may hold several events under one URL.
 *
 * Only what the page says goes into the key, never anything of this machine (no random id, no
 * clip time, no locale): two people clipping the same talk get the same key, so a team sharing
 * one database has one talk. The address is reduced to what names the page: no scheme (http and
 * https), no `www.`, no trailing slash, no fragment, no tracking parameters, host lower-cased.
 */
export function talkKey(t: KeyFields): string {
  if (t.externalId) return `${keyHost(t.url)}#${t.externalId}`;
  return `${identityUrl(t.url)}#${t.title.replace(/\s+/g, ' ').trim()}`;
}

/**
 * The key `talkKey` gave before addresses were reduced (stored talks keep it until clipped
 * again): the upsert looks a talk up by both, and moves a match to the new key.
 */
export function legacyTalkKey(t: KeyFields): string {
  if (t.externalId) {
    let host = '';
    try {
      host = new URL(t.url).host.toLowerCase();
    } catch {
      /* a bad URL still gets a key from its text */
    }
    return `${host}#${t.externalId}`;
  }
  return `${t.url}#${t.title}`;
}

function keyHost(url: string): string {
  try {
    return bareHost(new URL(url));
  } catch {
    return '';
  }
}

/** Lower-cased (the parser does it), without a trailing dot or `www.`, with a non-default port. */
function bareHost(u: URL): string {
  return u.host.replace(/\.(?=:|$)/, '').replace(/^www\./, '');
}

/** `host/path?query` of a talk's page, as two machines reaching it by different links agree on. */
function identityUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  const path = u.pathname.replace(/\/+$/, '');
  const query = cleanQuery(u.search, u.hostname);
  return `${bareHost(u)}${path}${query ? `?${query}` : ''}`;
}
