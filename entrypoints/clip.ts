// Injected on demand (popup, in-page "Clip", "Add the day"): reads the page, returns talks.
// The isolated world's global outlives one injection: it holds the site's feed between clicks.
import { cachedFetch, extractPage, fetchFeed, type FeedCache } from '../lib/extension/page-extraction';

export default defineUnlistedScript(() => {
  const world = globalThis as { talkmarkFeedCache?: FeedCache; talkmarkClipZone?: unknown };
  const cache = (world.talkmarkFeedCache ??= {});
  // Set by the extension just before this runs, for this read only (lib/extension/clip.ts);
  // checked again by the extractors.
  const timeZone = typeof world.talkmarkClipZone === 'string' ? world.talkmarkClipZone : null;
  delete world.talkmarkClipZone;
  return extractPage(document, location.href, cachedFetch(fetchFeed, cache), { timeZone });
});
