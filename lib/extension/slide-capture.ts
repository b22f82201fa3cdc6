import { browser } from 'wxt/browser';
import { getSetting } from '../db/settings';
import type { TalkmarkDB } from '../db/schema';
import { canvasCodec } from '../images/canvas-codec';
import { captureCropOf } from '../images/capture-crop';
import { imageMaxSideOf } from '../images/fit';
import { addImageNoteFromBytes, type AddedImageNote } from '../images/image-notes';
import type { ImageCodec } from '../images/prepare';
import { currentTalkId } from '../notes/current-talk';
import { nearbyTalks } from '../talks/nearby';

/** The command (manifest `commands`) that snapshots the visible tab as a slide note. */
export const CAPTURE_SLIDE_COMMAND = 'capture-slide';

export type SlideOutcome = { ok: true; added: AddedImageNote } | { ok: false; message: string };

/** The bytes of a `data:` URL (what `captureVisibleTab` answers). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0 || !url.slice(0, comma).endsWith(';base64'))
    throw new Error('Not a base64 data URL');
  // The engine's own decoder where there is one (Chrome 140+, Firefox 133+): no string per byte.
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  if (fromBase64) return fromBase64(url.slice(comma + 1));
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * How the browser hands over the screenshot: JPEG at quality 92, not PNG. The browser encodes a
 * PNG of a full screen slowly and its data URL is several times larger (then decoded from
 * base64, hashed and decoded again); at 92 a slide's text stays sharp through the one WebP
 * encode that follows (bench row 11d measures the whole path).
 */
export const CAPTURE_FORMAT = { format: 'jpeg', quality: 92 } as const;

/**
 * The visible part of a window's active tab, as JPEG bytes. Needs `activeTab` on that tab, which
 * a command's key press grants (and which stays until the tab navigates); rejects otherwise.
 */
export async function captureVisibleTab(windowId: number | null): Promise<Uint8Array> {
  // Firefox asks for <all_urls> or activeTab as well; without a grant both reject.
  const url =
    windowId === null
      ? await browser.tabs.captureVisibleTab(CAPTURE_FORMAT)
      : await browser.tabs.captureVisibleTab(windowId, CAPTURE_FORMAT);
  return dataUrlBytes(url);
}

/** The talk notes go to at `now`, chosen as the side panel chooses it (the pick, else the schedule). */
export async function talkForNotesAt(db: TalkmarkDB, now: number): Promise<string | null> {
  const pick = { id: await getSetting(db, 'pickedTalkId'), at: await getSetting(db, 'pickedAt') };
  const { talks } = await nearbyTalks(db, pick.id, now);
  return currentTalkId(talks, pick, now);
}

/**
 * Crops (to the talk's capture crop, when it has one), downscales (to the longest side the user
 * chose) and stores a captured image as a slide note of `talkId` at `at`.
 */
export async function storeSlide(
  db: TalkmarkDB,
  bytes: Uint8Array,
  talkId: string,
  at: number,
  codec: ImageCodec = canvasCodec as ImageCodec,
): Promise<SlideOutcome> {
  const [maxSide, crop] = await Promise.all([
    getSetting(db, 'imageMaxSide').then(imageMaxSideOf, () => imageMaxSideOf(null)),
    captureCropOf(db, talkId).catch(() => undefined),
  ]);
  const result = await addImageNoteFromBytes(
    db,
    bytes,
    codec,
    { talkId, kind: 'slide', text: 'Slide', at },
    { maxSide, crop },
  );
  return result.ok ? { ok: true, added: result.value } : { ok: false, message: result.error.message };
}

/**
 * The command's whole job, in the worker: capture first (the grant is the key press's), then
 * the talk on now, then one transaction. The note's instant is the key press, not the end of
 * the encoding.
 */
export async function captureSlideForCommand(db: TalkmarkDB, windowId: number | null): Promise<SlideOutcome> {
  const at = Date.now();
  const [bytes, talkId] = await Promise.all([
    captureVisibleTab(windowId).catch(() => null),
    talkForNotesAt(db, at).catch(() => null),
  ]);
  if (!bytes) return { ok: false, message: 'This tab cannot be captured (a browser page, or no access to it).' };
  if (!talkId) return { ok: false, message: 'No talk is on now: pick one in the side panel, then capture again.' };
  return storeSlide(db, bytes, talkId, at);
}

/** Says on the toolbar button how a capture went: a check mark, or "!" with the reason as its title. */
export async function showSlideOutcome(tabId: number | undefined, outcome: SlideOutcome): Promise<void> {
  if (tabId === undefined) return;
  const text = outcome.ok ? '✓' : '!';
  const title = outcome.ok
    ? outcome.added.duplicate
      ? 'Talkmark: the same slide is already saved'
      : 'Talkmark: slide saved'
    : `Talkmark: slide not saved. ${outcome.message}`;
  await browser.action.setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#1a7f37' : '#b42318' });
  await browser.action.setBadgeText({ tabId, text });
  await browser.action.setTitle({ tabId, title });
  // A worker that dies first leaves the mark; the next capture replaces it.
  setTimeout(() => {
    void browser.action.setBadgeText({ tabId, text: '' }).catch(() => {});
    void browser.action.setTitle({ tabId, title: 'Talkmark' }).catch(() => {});
  }, 4000);
}
