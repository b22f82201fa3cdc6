/**
 * Clipping a tab: inject the extraction script (it needs the page's DOM), validate what comes
 * back, store it. Shared by the popup (through `activeTab`) and the in-page buttons (through the
 * service worker), so both paths clip exactly the same way.
 */
import { browser } from 'wxt/browser';
import type { ClipResponse } from '../messages';
import { cleanExtractionResult } from '../messages';
import type { TalkmarkDB } from '../db/schema';
import { talkKey, upsertTalks } from '../db/talks';

/** Path of the unlisted script built from `entrypoints/clip.ts`. */
export const CLIP_SCRIPT = '/clip.js';

export async function clipTab(db: TalkmarkDB, tabId: number, options: { frameId?: number; keys?: string[] | null } = {}): Promise<ClipResponse> {
  let raw: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: options.frameId !== undefined ? [options.frameId] : undefined },
      files: [CLIP_SCRIPT],
    });
    raw = injection?.result;
  } catch (err) {
    return failure(`Talkmark cannot read this page (${err instanceof Error ? err.message : String(err)}).`);
  }
  const result = cleanExtractionResult(raw);
  const wanted = options.keys ? new Set(options.keys) : null;
  const talks = wanted ? result.talks.filter((t) => wanted.has(talkKey(t))) : result.talks;
  if (!talks.length) return failure(result.warnings[0] ?? 'No talk found on this page.');
  try {
    const summary = await upsertTalks(db, talks);
    return {
      ok: true, added: summary.added, updated: summary.updated, skipped: summary.skipped,
      keys: talks.map(talkKey), message: result.warnings[0] ?? null,
    };
  } catch (err) {
    return failure(`The talk could not be saved: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function failure(message: string): ClipResponse {
  return { ok: false, added: 0, updated: 0, skipped: 0, keys: [], message };
}
