/**
 * What the popup makes of a page's read. A schedule (a platform's page, talks with times) is
 * clipped; a page that is not one (a blog post, an article, a page with only a title) is read,
 * highlighted and attached to a talk, and clipping it as a talk is only offered second, with
 * what could not be read said first.
 */
import type { ExtractionResult } from '../schedule/types';

export type PageReadKind =
  /** Talks with their times: clip first. */
  | 'schedule'
  /** One talk the reader could barely read (a title, no time): highlight first, clip as a fallback. */
  | 'thin'
  /** No talk at all: highlight only. */
  | 'none';

/** Readers that guess from a page's title when nothing else is there. */
const GUESSES: ReadonlySet<string> = new Set(['opengraph']);

export function pageReadKind(read: ExtractionResult): PageReadKind {
  if (!read.talks.length) return 'none';
  if (read.talks.length > 1) return 'schedule';
  const [talk] = read.talks;
  const thin = GUESSES.has(read.source) || GUESSES.has(talk!.source) || !talk!.start;
  return thin ? 'thin' : 'schedule';
}

/** The reader could read only part of a talk (a half-loaded session page, a page's title): say so, and open it for completing. */
export const isPartialRead = (read: ExtractionResult): boolean =>
  read.talks.length === 1 && (pageReadKind(read) === 'thin' || read.warnings.some((w) => /^Only /.test(w)));

/** The one line that says what a thin read missed (the reader's own warning). */
export function thinReadNotice(read: ExtractionResult): string {
  return (
    read.warnings.find((w) => /^Only /.test(w)) ??
    read.warnings[0] ??
    'Only part of this talk could be read: its time, room and speakers are unknown. Fill them in by hand.'
  );
}
