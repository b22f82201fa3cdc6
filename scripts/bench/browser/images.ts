/**
 * Browser side of the picture benchmarks (#17), run in an extension page of the bench copy
 * (`bench-images.html`), on the extension's own database: 100 pictures to a backup .zip and to
 * a day's post .zip, and the slide capture from `captureVisibleTab` to the note written, through
 * the product's own functions (the ones the capture command and the settings page call).
 */
import { exportBackupZip } from '../../../lib/backup/export';
import { TalkmarkDB } from '../../../lib/db/schema';
import { setSetting } from '../../../lib/db/settings';
import { loadRecapInput } from '../../../lib/export/recap-input';
import { buildZipExport } from '../../../lib/export/post-export';
import { canvasCodec } from '../../../lib/images/canvas-codec';
import { addImageNote } from '../../../lib/images/image-notes';
import { type ImageCodec, prepareImage, type PreparedImage } from '../../../lib/images/prepare';
import type { Talk } from '../../../lib/model';
import { captureVisibleTab, storeSlide } from '../../../lib/extension/slide-capture';

const db = new TalkmarkDB();

/** A 1920×1080 slide with text and shapes, as a PNG (what a screen looks like to the encoder). */
async function slidePng(i: number): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(1920, 1080);
  const g = canvas.getContext('2d')!;
  g.fillStyle = `hsl(${(i * 47) % 360} 40% 92%)`;
  g.fillRect(0, 0, 1920, 1080);
  g.fillStyle = '#1d2d5f';
  g.font = 'bold 96px sans-serif';
  g.fillText(`Slide ${i}: p95 budgets`, 120, 200);
  g.font = '48px sans-serif';
  for (let line = 0; line < 8; line++)
    g.fillText(`• point ${line} of slide ${i}, with numbers ${i * 31 + line}`, 160, 340 + line * 80);
  for (let k = 0; k < 12; k++) {
    g.fillStyle = `hsl(${(i * 13 + k * 29) % 360} 60% 50%)`;
    g.fillRect(1300 + (k % 4) * 130, 500 + Math.floor(k / 4) * 130, 110, 40 + ((i + k) % 5) * 18);
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

let prepared: PreparedImage[] | null = null;

/** The talk picked by hand just now, so the panel's Now view shows it (a pick holds until the next talk starts). */
export async function pick(talkId: string) {
  await setSetting(db, 'pickedTalkId', talkId);
  await setSetting(db, 'pickedAt', Date.now());
}

/** `count` image notes on `talkId`, from 10 distinct prepared slides (the product's prepareImage). */
export async function seedImageNotes(talkId: string, count: number, start: number) {
  if (!prepared) {
    prepared = [];
    for (let i = 0; i < 10; i++) {
      const r = await prepareImage(await slidePng(i), canvasCodec as ImageCodec);
      if (!r.ok) throw new Error(r.reason);
      prepared.push(r.image);
    }
  }
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const image = { ...prepared[i % 10]!, sourceHash: (i + 1).toString(16).padStart(64, '0') };
    bytes += image.bytes.byteLength + image.thumb.byteLength;
    const r = await addImageNote(db, { talkId, kind: 'slide', text: `Slide ${i}`, at: start + i * 20_000, image });
    if (!r.ok) throw new Error(r.error.message);
  }
  return { notes: await db.notes.where('talkId').equals(talkId).count(), bytes };
}

/** Settings page "Download backup": the whole database with its pictures to a .zip. */
export async function backupZip() {
  const t0 = performance.now();
  const { zip, images } = await exportBackupZip(db);
  return { ms: performance.now() - t0, bytes: zip.length, images };
}

/** Export "Download as .zip" of one talk's post with its pictures. */
export async function dayZip(talkId: string) {
  const t0 = performance.now();
  const talk = (await db.talks.get(talkId)) as Talk;
  const input = await loadRecapInput(db, [talk]);
  const built = await buildZipExport(db, input, {
    preset: 'bulleted',
    singleTalk: true,
    frontMatter: { flavour: 'hugo' },
  });
  if (!built.ok) throw new Error(built.message);
  return { ms: performance.now() - t0, bytes: built.bytes.length };
}

/**
 * The capture command's path after the key press: capture the window's visible tab, then
 * prepare and store the slide note (`captureSlideForCommand` without the talk lookup, which runs
 * alongside the capture there). Phases: capture, then prepare + write.
 */
export async function capture(windowId: number, talkId: string, way: 'product' | 'png' = 'product') {
  const t0 = performance.now();
  const bytes = way === 'png' ? await capturePngAsBefore(windowId) : await captureVisibleTab(windowId);
  const t1 = performance.now();
  const outcome = await storeSlide(db, bytes, talkId, Date.now());
  const t2 = performance.now();
  if (!outcome.ok) throw new Error(outcome.message);
  return {
    ms: t2 - t0,
    captureMs: t1 - t0,
    storeMs: t2 - t1,
    duplicate: outcome.added.duplicate,
    bytes: outcome.added.image.bytes.byteLength,
    mime: outcome.added.image.mime,
  };
}

/** The capture as it was before JPEG (PNG, the data URL decoded a character at a time): the peer arm of row 11d. */
async function capturePngAsBefore(windowId: number): Promise<Uint8Array> {
  const url = await chrome.tabs.captureVisibleTab(windowId, { format: 'png' });
  const binary = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
