import { schedExtractor } from './sched';
import type { ExtractionResult, Extractor } from './types';

export type { ExtractionResult } from './types';

/** Most specific platform first; the generic readers come last. */
const EXTRACTORS: Extractor[] = [schedExtractor];

/**
 * Every talk a page describes. Never throws: a page that is not a schedule, or one that broke
 * an extractor, gives no talks and a warning that says so.
 */
export function extractTalks(doc: Document, url: string): ExtractionResult {
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
      const result = extractor.extract(doc, parsed);
      if (result.talks.length) return { ...result, warnings: [...warnings, ...result.warnings] };
      warnings.push(...result.warnings);
    } catch (err) {
      warnings.push(`The ${extractor.name} reader failed on this page (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  if (!warnings.length) warnings.push('No talk found on this page: it does not look like a conference schedule.');
  return { talks: [], warnings, source: 'none' };
}
