import type { ExtractedTalk } from '../model';

export interface ExtractionResult {
  talks: ExtractedTalk[];
  /** What could not be read, in words a user can act on. */
  warnings: string[];
  /** Which extractor answered: 'sched', 'pretalx', …, or 'none'. */
  source: string;
}

/** One extractor per platform. `detect` is cheap; `extract` may return no talks plus warnings. */
export interface Extractor {
  name: string;
  detect(doc: Document, url: URL): boolean;
  extract(doc: Document, url: URL): ExtractionResult;
}
