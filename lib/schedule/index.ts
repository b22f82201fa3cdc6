/**
 * Schedule extraction: one entry point, one reader per platform, most specific first. Every
 * reader is pure DOM (no extension APIs) and never throws out of `extractTalks`.
 */
import { botCheckExtractor } from './bot-check';
import { feedExtractor } from './feeds';
import { frabExtractor } from './frab-html';
import { indicoExtractor } from './indico-page';
import { jsonLdExtractor } from './jsonld';
import { microdataExtractor } from './microdata';
import { openGraphExtractor } from './opengraph';
import { pretalxExtractor } from './pretalx';
import { schedExtractor } from './sched';
import { schedEmbedExtractor } from './sched-embed';
import { sessionizeEmbedExtractor } from './sessionize-embed';
import type { ExtractOptions, ExtractionResult, Extractor } from './types';

export type { ExtractionResult, ExtractOptions } from './types';
export { parseIcs } from './ics';
export { parsePretalxSchedule } from './pretalx-json';
export { parseSessionizeAll } from './sessionize-json';
export { parseFeedText } from './feeds';
export { parseIndicoExport } from './indico-json';
export { mergeTalks } from './merge';
export { extractSchedSession, isSchedHost, splitRoleCompany } from './sched';

/** Raw feeds first, then platforms (Sched before its embeds on other sites), then the generic readers. */
const EXTRACTORS: Extractor[] = [
  feedExtractor,
  schedExtractor,
  schedEmbedExtractor,
  pretalxExtractor,
  frabExtractor,
  indicoExtractor,
  sessionizeEmbedExtractor,
  // After the platforms (a check on a Sched host is Sched's to report), before any guess from the page.
  botCheckExtractor,
  jsonLdExtractor,
  microdataExtractor,
  openGraphExtractor,
];

const describeError = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Every talk a page describes. Never throws: a page that is not a schedule, or one that broke
 * a reader, gives no talks and a warning that says so.
 */
export function extractTalks(doc: Document, url: string, options: ExtractOptions = {}): ExtractionResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { talks: [], warnings: [`Not a web page address: ${url}`], source: 'none' };
  }
  const warnings: string[] = [];
  for (const extractor of EXTRACTORS) {
    try {
      if (!extractor.detect(doc, parsed)) continue;
      const result = extractor.extract(doc, parsed, options);
      if (result.talks.length) return { ...result, warnings: [...warnings, ...result.warnings] };
      warnings.push(...result.warnings);
      if (!extractor.generic) return { talks: [], warnings, source: result.source };
    } catch (err) {
      warnings.push(`The ${extractor.name} reader failed on this page (${describeError(err)}).`);
    }
  }
  if (!warnings.length) warnings.push('No talk found on this page: it does not look like a conference schedule.');
  return { talks: [], warnings, source: 'none' };
}
