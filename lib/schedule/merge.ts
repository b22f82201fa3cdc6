/**
 * Joining two reads of the same conference: Sched's `/list/simple` (wall times in the venue's
 * zone, no end times) and its `all.ics` (UTC instants, end times, descriptions) share Sched's
 * 32-hex id. Each talk keeps what the primary read states and takes only missing facts from the
 * other; times that disagree are reported, not silently replaced.
 */
import type { ExtractedTalk } from '../model';
import { count, fillSpeakers } from './talk';
import type { ExtractionResult } from './types';
import { parseInstant } from '../time/zones';
import { instantToIso } from '../time/parse';

const keyOf = (t: ExtractedTalk): string => (t.externalId ? `id:${t.externalId.toLowerCase()}` : `url:${t.url}`);

function rewrite(iso: string | null, zone: string | null): string | null {
  const at = parseInstant(iso);
  return at === null || !zone ? iso : instantToIso(at, { timeZone: zone, offsetMinutes: null });
}

function fill(base: ExtractedTalk, extra: ExtractedTalk): ExtractedTalk {
  const timeZone = base.timeZone ?? extra.timeZone;
  const merged: ExtractedTalk = { ...base, timeZone };
  merged.start = base.start ?? rewrite(extra.start, timeZone);
  merged.end = base.end ?? rewrite(extra.end, timeZone);
  merged.room ??= extra.room;
  merged.tracks = base.tracks.length ? base.tracks : extra.tracks;
  merged.customFields = { ...extra.customFields, ...base.customFields };
  merged.speakers = base.speakers.length ? fillSpeakers(base.speakers, extra.speakers) : extra.speakers;
  if (!base.description) [merged.description, merged.descriptionHtml] = [extra.description, extra.descriptionHtml];
  merged.files = base.files.length ? base.files : extra.files;
  merged.videoUrl ??= extra.videoUrl;
  merged.conference = base.conference ?? extra.conference;
  if (merged.conference && !merged.conference.timeZone && timeZone)
    merged.conference = { ...merged.conference, timeZone };
  return merged;
}

/** `primary` talks completed from `secondary` (matched by platform id, else URL); unmatched talks of both are kept. */
export function mergeTalks(primary: ExtractionResult, secondary: ExtractionResult): ExtractionResult {
  const extras = new Map(secondary.talks.map((t) => [keyOf(t), t]));
  const warnings = [...primary.warnings];
  let disagree = 0;
  const talks = primary.talks.map((t) => {
    const extra = extras.get(keyOf(t));
    if (!extra) return t;
    extras.delete(keyOf(t));
    const [a, b] = [parseInstant(t.start), parseInstant(extra.start)];
    if (a !== null && b !== null && a !== b) disagree++;
    return fill(t, extra);
  });
  const zone = talks.find((t) => t.timeZone)?.timeZone ?? null;
  for (const extra of extras.values())
    talks.push(zone && !extra.timeZone ? fill({ ...extra, timeZone: zone, start: null, end: null }, extra) : extra);
  if (disagree)
    warnings.push(
      `The two sources disagree on the time of ${count(disagree, 'session')}; the first source’s times were kept.`,
    );
  // Warnings about what the merge filled in (missing end times, unknown zone) no longer apply.
  const resolved = talks.every((t) => t.end) ? warnings.filter((w) => !/no end times/.test(w)) : warnings;
  return {
    talks,
    warnings: [...resolved, ...secondary.warnings.filter((w) => !(zone && /time zone is unknown|UTC only/.test(w)))],
    source: primary.source,
  };
}
