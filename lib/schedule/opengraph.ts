/**
 * The last resort: a page's OpenGraph title and address. It runs only when no platform reader
 * recognised the page and no schema.org Event was found. Returning a title-only talk (rather
 * than nothing) is deliberate: the user asked to clip this page, and a talk they can complete by
 * hand beats an error; the warning says that time, room and speakers are unknown, and the
 * `opengraph` source lets the UI present it as a guess.
 */
import { absoluteUrl, canonicalUrl, hasType, jsonLdObjects, metaContent } from './dom';
import { newTalk } from './talk';
import type { Extractor } from './types';

/**
 * A blog post or news article (an Article, BlogPosting or NewsArticle in its JSON-LD, as Yoast
 * and most blog themes write) is about a talk at most: its title is no talk's. `og:type`
 * "article" alone decides nothing: Hugo's and Jekyll's SEO templates print it, with a
 * publication date, on every page, conference talk pages included.
 */
function isArticle(doc: Document): boolean {
  return jsonLdObjects(doc).some((o) => ['Article', 'BlogPosting', 'NewsArticle'].some((t) => hasType(o, t)));
}

export const openGraphExtractor: Extractor = {
  name: 'opengraph',
  generic: true,
  detect: (doc) => !!metaContent(doc, 'og:title') && !isArticle(doc),
  extract(doc, url) {
    const title = metaContent(doc, 'og:title')!;
    const own = absoluteUrl(metaContent(doc, 'og:url'), url.href);
    // og:url is often the site's home page; the address the user is on is more specific then.
    const pageUrl = own && new URL(own).pathname.length > 1 ? own : canonicalUrl(doc, url);
    return {
      talks: [newTalk('opengraph', pageUrl, title)],
      warnings: [
        'Only this page’s title could be read: its time, room and speakers are unknown. Fill them in by hand.',
      ],
      source: 'opengraph',
    };
  },
};
