/**
 * What the injected clip script runs in the page: the page's talks, and for a Sched list view
 * the site's own `all.ics` feed joined in (end times, descriptions, the zone's offsets), since
 * list views print no end time. The feed is optional: when it cannot be fetched the talks are
 * still returned, with one line that says what is missing.
 */
import { extractTalks, mergeTalks, parseIcs, type ExtractionResult, type ExtractOptions } from '../schedule';

const FEED_TIMEOUT_MS = 5000;
/** A feed fetched for one click serves the next clicks on the page for this long. */
export const FEED_CACHE_MS = 10 * 60_000;

export interface FeedCache {
  feed?: { url: string; text: string; at: number };
}

/**
 * `fetchText` remembering the last feed in `cache`: every in-page "Clip" on a list view would
 * otherwise download the whole all.ics (1–2 MB) again, on conference Wi-Fi. The clip script
 * keeps `cache` on its isolated world's global, which lives as long as the tab and which the
 * page cannot read.
 */
export function cachedFetch(
  fetchText: (url: string) => Promise<string>,
  cache: FeedCache,
  now: () => number = Date.now,
): (url: string) => Promise<string> {
  return async (url) => {
    const hit = cache.feed;
    if (hit && hit.url === url && now() - hit.at < FEED_CACHE_MS) return hit.text;
    const text = await fetchText(url);
    cache.feed = { url, text, at: now() };
    return text;
  };
}

function isSchedList(result: ExtractionResult): boolean {
  return result.source === 'sched' && result.talks.length > 1 && result.talks.some((t) => t.end === null);
}

export async function extractPage(
  doc: Document,
  url: string,
  fetchText: (url: string) => Promise<string> = fetchFeed,
  options: Pick<ExtractOptions, 'timeZone'> = {},
): Promise<ExtractionResult> {
  const page = extractTalks(doc, url, options);
  if (!isSchedList(page)) return page;
  const feedUrl = new URL('/all.ics', url).href;
  let feed: ExtractionResult;
  try {
    feed = parseIcs(await fetchText(feedUrl), feedUrl);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      ...page,
      warnings: [
        ...page.warnings,
        `The schedule feed (${feedUrl}) could not be loaded (${why}): talks are clipped without end times.`,
      ],
    };
  }
  const withZone = extractTalks(doc, url, { ...options, reference: feed.talks });
  const merged = mergeTalks(withZone, feed);
  // Only the sessions this page shows: a filtered list must not clip the whole conference.
  const shown = new Set(withZone.talks.map((t) => t.externalId ?? t.url));
  return { ...merged, talks: merged.talks.filter((t) => shown.has(t.externalId ?? t.url)) };
}

export async function fetchFeed(url: string): Promise<string> {
  const response = await fetch(url, { credentials: 'include', signal: AbortSignal.timeout(FEED_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
