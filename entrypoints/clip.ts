// Injected on demand (popup, in-page "Clip", "Add the day"): reads the page, returns talks.
// The isolated world's global outlives one injection: it holds the site's feed between clicks.
import { cachedFetch, extractPage, fetchFeed, type FeedCache } from '../lib/extension/page-extraction';

export default defineUnlistedScript(() => {
  const cache = ((globalThis as { talkmarkFeedCache?: FeedCache }).talkmarkFeedCache ??= {});
  return extractPage(document, location.href, cachedFetch(fetchFeed, cache));
});
