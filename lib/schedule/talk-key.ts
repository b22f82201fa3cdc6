import type { ExtractedTalk } from '../model';

/**
 * The identity of a talk across the views of one schedule: Sched's list page, session page and
 * ICS feed share the 32-hex id, so host + id joins them; otherwise the canonical URL, plus the
 * title because a generic page may hold several events under one URL.
 */
export function talkKey(t: Pick<ExtractedTalk, 'url' | 'externalId' | 'title'>): string {
  let host = '';
  try {
    host = new URL(t.url).host.toLowerCase();
  } catch {
    /* a bad URL still gets a key from its text */
  }
  if (t.externalId) return `${host}#${t.externalId}`;
  return `${t.url}#${t.title}`;
}
