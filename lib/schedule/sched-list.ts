/**
 * Sched's list views. `/list/descriptions/` repeats the session-page details for every session;
 * `/list/simple` prints only title, room and people under day anchors and time headings, so its
 * talks have a start but no end.
 */
import { canonicalUrl } from './dom';
import { readSchedBlocks } from './sched-page';
import { scanSchedPage, type SchedBlock } from './sched-scan';
import type { ExtractOptions, ExtractionResult } from './types';

/** Views filtered by type, venue, … list sessions even when only one is left (`/type/Keynote`). */
const LIST_PATH = /\/(?:list|type|venue|audience|company|speaker|overview)\//i;

/** A session page's address (`/event/<shortId>` or `/event/<shortId>/<slug>`): its first session is the talk, whatever follows it. */
const SESSION_PATH = /^\/event\/[^/]+(?:\/[^/]*)?\/?$/i;

export function isSchedListPage(url: URL, blocks: SchedBlock[]): boolean {
  if (SESSION_PATH.test(url.pathname)) return false;
  return blocks.length > 1 || LIST_PATH.test(url.pathname) || blocks.some((b) => b.day !== null);
}

export function extractSchedList(
  doc: Document,
  url: URL,
  options: ExtractOptions = {},
  blocks = scanSchedPage(doc),
): ExtractionResult {
  const { talks, warnings } = readSchedBlocks(doc, url, blocks, canonicalUrl(doc, url), options);
  if (!talks.length) {
    return {
      talks: [],
      warnings: [
        'This Sched list shows no sessions yet (it may still be loading, or be filtered to nothing).',
        ...warnings,
      ],
      source: 'sched',
    };
  }
  if (talks.some((t) => t.start) && talks.every((t) => !t.end)) {
    warnings.push(
      'This list view shows no end times. Open the “Expanded” view (/list/descriptions) or a session page to get them.',
    );
  }
  return { talks, warnings, source: 'sched' };
}
