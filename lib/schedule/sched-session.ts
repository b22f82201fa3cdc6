/** A Sched session page (`/event/<shortId>/<slug>`): one `span.event` and its details. */
import { canonicalUrl, hasType, jsonLdObjects } from './dom';
import { schemaEventFromJsonLd } from './jsonld';
import { hasTime, talksFromSchemaEvents } from './schema-event';
import { readSchedBlocks } from './sched-page';
import { scanSchedPage } from './sched-scan';
import type { ExtractOptions, ExtractionResult } from './types';

const NO_SESSION =
  'This Sched page has no session on it (it may still be loading, or be a bot check). Reload it and try again.';

export function extractSchedSession(doc: Document, url: URL, options: ExtractOptions = {}): ExtractionResult {
  // A session page holds one session; anything after it (a sidebar's "related" list) is not this talk.
  const blocks = scanSchedPage(doc).slice(0, 1);
  const { talks, warnings } = readSchedBlocks(doc, url, blocks, canonicalUrl(doc, url), options);
  if (!talks.length) {
    // The markup may not have rendered while the session's JSON-LD is already there.
    const events = jsonLdObjects(doc)
      .filter((o) => hasType(o, 'Event'))
      .map((o) => schemaEventFromJsonLd(o))
      .filter((e) => hasTime(e.startDate));
    const fallback = events.length ? talksFromSchemaEvents(events.slice(0, 1), doc, url, 'sched', options) : null;
    if (!fallback?.talks.length) return { talks: [], warnings: [NO_SESSION, ...warnings], source: 'sched' };
    fallback.talks[0]!.url = canonicalUrl(doc, url);
    fallback.talks[0]!.conference = {
      key: url.host.toLowerCase(),
      name: null,
      url: url.origin,
      timeZone: fallback.talks[0]!.timeZone,
    };
    const partial =
      'Only the session’s title, time and room could be read (the page has not finished loading); speakers and description are missing.';
    return { talks: fallback.talks, warnings: [partial, ...fallback.warnings], source: 'sched' };
  }
  // The session page is the talk's canonical page, whatever its anchor links to.
  talks[0]!.url = canonicalUrl(doc, url);
  return { talks, warnings, source: 'sched' };
}
