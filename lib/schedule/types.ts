import type { ExtractedTalk } from '../model';

export interface ExtractionResult {
  talks: ExtractedTalk[];
  /** What could not be read, in words a user can act on. */
  warnings: string[];
  /** Which extractor answered: 'sched', 'pretalx', …, or 'none'. */
  source: string;
}

export interface ExtractOptions {
  /**
   * The conference's IANA zone when the caller already knows it (stored from an earlier clip, or
   * chosen by the user). Used only where it fits what the page states; needed for feeds that
   * print wall times without any zone (Sessionize's API).
   */
  timeZone?: string | null;
  /**
   * Talks of the same conference read from another source, e.g. its iCalendar feed. Their instants,
   * matched to the page's sessions by platform id, show which zone the page's printed times are in
   * (a Sched list printing an ambiguous "CST" next to an all.ics in UTC).
   */
  reference?: readonly ExtractedTalk[];
}

/** One extractor per platform. `detect` is cheap; `extract` may return no talks plus warnings. */
export interface Extractor {
  name: string;
  /**
   * Generic readers (JSON-LD, microdata, OpenGraph) fall through to the next one when they find
   * nothing. A platform reader that recognises its page owns it: an empty result (a bot check, a
   * half-rendered page) stops there, so no weaker reader invents a talk from the page's title.
   */
  generic?: boolean;
  detect(doc: Document, url: URL): boolean;
  extract(doc: Document, url: URL, options?: ExtractOptions): ExtractionResult;
}
