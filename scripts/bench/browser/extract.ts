/** Browser side of the extraction benchmark: `extractTalks` on the live page, as clip.js runs it. */
import { extractTalks } from '../../../lib/schedule';

export function run(url: string) {
  const t0 = performance.now();
  const result = extractTalks(document, url);
  const ms = performance.now() - t0;
  const last = result.talks.at(-1);
  return {
    ms,
    talks: result.talks.length,
    withSpeakers: result.talks.filter((t) => t.speakers.length).length,
    withDescription: result.talks.filter((t) => t.description).length,
    warnings: result.warnings,
    source: result.source,
    last: last ? { title: last.title, start: last.start, end: last.end, timeZone: last.timeZone } : null,
  };
}

/** A second call in the same page (JIT-compiled, Intl and parser caches warm), for the small print. */
export function warm(url: string) {
  const t0 = performance.now();
  extractTalks(document, url);
  return performance.now() - t0;
}
