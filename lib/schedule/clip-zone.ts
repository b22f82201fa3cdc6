import type { ConferenceRef } from '../model';
import type { ExtractionResult } from './types';

/** The conference a read names (its first talk's), for looking up or choosing its zone. */
export function conferenceOf(result: ExtractionResult): ConferenceRef | null {
  return result.talks.find((t) => t.conference)?.conference ?? null;
}

/**
 * The read needs the conference's zone: some talk has times with a bare offset, or times left
 * empty for want of a zone (the reader says so). A page that gives no times at all does not.
 */
export const lacksZone = (result: ExtractionResult): boolean =>
  result.talks.some((t) => !t.timeZone && t.start !== null) ||
  (result.talks.some((t) => t.start === null) && result.warnings.some((w) => /time zone/i.test(w)));
