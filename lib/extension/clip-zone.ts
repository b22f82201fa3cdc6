import type { ConferenceRef } from '../model';
import type { ExtractionResult } from '../schedule/types';

/** The conference a read names (its first talk's), for looking up or choosing its zone. */
export function conferenceOf(result: ExtractionResult): ConferenceRef | null {
  return result.talks.find((t) => t.conference)?.conference ?? null;
}

/** Some talk has no zone: its times are missing, or carry a bare offset. */
export const lacksZone = (result: ExtractionResult): boolean => result.talks.some((t) => !t.timeZone);
