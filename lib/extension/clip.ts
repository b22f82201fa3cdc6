/**
 * Clipping a tab: inject the extraction script (it needs the page's DOM), validate what comes
 * back, store it. The popup previews first (`extractTab`, then `storeTalks` for what the user
 * picks); the in-page buttons do both at once through the worker (`clipTab`). Both clip
 * exactly the same way.
 */
import { browser } from 'wxt/browser';
import type { ClipResponse } from '../messages';
import { cleanExtractionResult } from '../messages';
import type { ExtractedTalk } from '../model';
import { conferenceOf, lacksZone } from '../schedule/clip-zone';
import { knownConferenceZone } from '../db/conference-zones';
import type { TalkmarkDB } from '../db/schema';
import { upsertTalks } from '../db/talks';
import { talkKey } from '../schedule/talk-key';
import type { ExtractionResult } from '../schedule/types';

/** Path of the unlisted script built from `entrypoints/clip.ts`. */
export const CLIP_SCRIPT = '/clip.js';

export interface ExtractTabOptions {
  frameId?: number;
  /** The conference's zone, known or chosen, for pages that print wall times without one. */
  timeZone?: string | null;
}

/**
 * The zone the clip script reads: set in its isolated world just before it runs (a file takes no
 * arguments). The script takes it and clears it, so a read without a zone needs no extra
 * injection (every in-page Clip) and never inherits an earlier read's zone.
 */
function setClipZone(timeZone: string): void {
  (globalThis as { talkmarkClipZone?: string }).talkmarkClipZone = timeZone;
}

export async function extractTab(tabId: number, options: ExtractTabOptions = {}): Promise<ExtractionResult> {
  const target = { tabId, frameIds: options.frameId !== undefined ? [options.frameId] : undefined };
  try {
    if (options.timeZone)
      await browser.scripting.executeScript({ target, func: setClipZone, args: [options.timeZone] });
    const [injection] = await browser.scripting.executeScript({ target, files: [CLIP_SCRIPT] });
    return cleanExtractionResult(injection?.result);
  } catch (err) {
    return {
      talks: [],
      warnings: [`Talkmark cannot read this page (${err instanceof Error ? err.message : String(err)}).`],
      source: 'none',
    };
  }
}

/**
 * Read a tab, and read it again with the conference's stored zone when the page gave none and
 * Talkmark knows one (an earlier clip stated it, or the user chose it in the popup). `zone` is
 * that stored zone when it was used: the popup shows it, so a wrong one can be changed.
 */
export async function extractWithKnownZone(
  db: TalkmarkDB,
  tabId: number,
  frameId?: number,
): Promise<{ read: ExtractionResult; zone: string | null }> {
  const first = await extractTab(tabId, { frameId });
  const conference = conferenceOf(first);
  if (!conference || !lacksZone(first)) return { read: first, zone: null };
  const zone = await knownConferenceZone(db, conference.key).catch(() => null);
  return zone ? { read: await extractTab(tabId, { frameId, timeZone: zone }), zone } : { read: first, zone: null };
}

export async function storeTalks(
  db: TalkmarkDB,
  talks: readonly ExtractedTalk[],
  note: string | null = null,
): Promise<ClipResponse> {
  if (!talks.length) return failure(note ?? 'No talk found on this page.');
  try {
    const summary = await upsertTalks(db, talks);
    return {
      ok: true,
      added: summary.added,
      updated: summary.updated,
      skipped: summary.skipped,
      keys: talks.map(talkKey),
      message: note,
    };
  } catch (err) {
    return failure(`The talks could not be saved: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function clipTab(
  db: TalkmarkDB,
  tabId: number,
  options: { frameId?: number; keys?: string[] | null } = {},
): Promise<ClipResponse> {
  const { read: result } = await extractWithKnownZone(db, tabId, options.frameId);
  const wanted = options.keys ? new Set(options.keys) : null;
  const talks = wanted ? result.talks.filter((t) => wanted.has(talkKey(t))) : result.talks;
  return storeTalks(db, talks, result.warnings[0] ?? null);
}

function failure(message: string): ClipResponse {
  return { ok: false, added: 0, updated: 0, skipped: 0, keys: [], message };
}
