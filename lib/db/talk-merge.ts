/**
 * What re-clipping a known talk changes. Views of one schedule differ in how much they say
 * (Sched's `/list/simple` has no end, no description and names without companies; its session
 * page has everything), so a fresh read replaces what it states and never erases what an
 * earlier, richer read knew.
 */
import { fillSpeakers } from '../schedule/talk';
import { isoOffsetMinutes, isValidTimeZone, toIsoInZone, toIsoWithOffset } from '../time/zones';
import type { ExtractedTalk, Talk } from '../model';

export const instant = (iso: string | null): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** Fields a fresh read replaces whenever it states them. */
const REPLACED = ['source', 'url', 'externalId', 'title', 'timeZone', 'room', 'tracks', 'files', 'videoUrl'] as const satisfies readonly (keyof ExtractedTalk)[];

/** An ISO time moved by `ms`, written in the venue's zone when known, else with its own offset. */
function shifted(iso: string, ms: number, timeZone: string | null): string | null {
  const at = instant(iso);
  if (at === null) return null;
  return timeZone && isValidTimeZone(timeZone) ? toIsoInZone(at + ms, timeZone) : toIsoWithOffset(at + ms, isoOffsetMinutes(iso) ?? 0);
}

/** The changes a fresh read brings to a stored talk; null when it brings none. */
export function mergeMetadata(old: Talk, fresh: ExtractedTalk): Partial<Talk> | null {
  const next: Partial<Talk> = {};
  for (const field of REPLACED) if (!isEmpty(fresh[field])) (next as Record<string, unknown>)[field] = fresh[field];
  // Description and its HTML are one fact: a plain-text read (iCalendar) replaces both.
  if (fresh.description) [next.description, next.descriptionHtml] = [fresh.description, fresh.descriptionHtml];
  if (!isEmpty(fresh.customFields)) next.customFields = { ...old.customFields, ...fresh.customFields };
  if (fresh.speakers.length) next.speakers = fillSpeakers(fresh.speakers, old.speakers);
  if (fresh.start) {
    next.start = fresh.start;
    // A session moved by a view that prints no end keeps its length, not an end before its start.
    const [oldStart, newStart] = [instant(old.start), instant(fresh.start)];
    if (!fresh.end && old.end && oldStart !== null && newStart !== null && newStart !== oldStart) next.end = shifted(old.end, newStart - oldStart, fresh.timeZone ?? old.timeZone);
  }
  if (fresh.end) next.end = fresh.end;

  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(old[field as keyof Talk])) changes[field] = value;
  }
  if ('start' in changes) changes.startAt = instant(next.start ?? null);
  if ('end' in changes) changes.endAt = instant(next.end ?? null);
  return Object.keys(changes).length ? (changes as Partial<Talk>) : null;
}
