/**
 * The last resort: a page's OpenGraph title and address. It runs only when no platform reader
 * recognised the page and no schema.org Event was found. Returning a title-only talk (rather
 * than nothing) is deliberate: the user asked to clip this page, and a talk they can complete by
 * hand beats an error; the warning says that time, room and speakers are unknown, and the
 * `opengraph` source lets the UI present it as a guess.
 */
import { absoluteUrl, canonicalUrl, metaContent } from './dom';
import { newTalk } from './talk';
import type { Extractor } from './types';

export const openGraphExtractor: Extractor = {
  name: 'opengraph',
  generic: true,
  detect: (doc) => !!metaContent(doc, 'og:title'),
  extract(doc, url) {
    const title = metaContent(doc, 'og:title')!;
    const own = absoluteUrl(metaContent(doc, 'og:url'), url.href);
    // og:url is often the site's home page; the address the user is on is more specific then.
    const pageUrl = own && new URL(own).pathname.length > 1 ? own : canonicalUrl(doc, url);
    return {
      talks: [newTalk('opengraph', pageUrl, title)],
      warnings: ['Only this page’s title could be read: its time, room and speakers are unknown. Fill them in by hand.'],
      source: 'opengraph',
    };
  },
};
