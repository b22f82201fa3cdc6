/** Reading the extension's stored images from an extension page, for the image e2e tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type ExtensionFixtures, OWN_FIXTURES } from './fixtures';

type Serve = ExtensionFixtures['serve'];

/**
 * The images table as facts a test can compare (bytes do not cross page.evaluate as-is): each
 * picture's fields, the first bytes of picture and thumbnail, and their SHA-256 digests.
 */
export async function readImages(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('talkmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('images')) return [];
    const rows = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const req = db.transaction('images').objectStore('images').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const head = (b: ArrayBuffer) => String.fromCharCode(...new Uint8Array(b).slice(0, 16));
    const hex = async (b: ArrayBuffer) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join(
        '',
      );
    const out = [];
    for (const r of rows)
      out.push({
        id: r.id as string,
        noteId: r.noteId as string,
        talkId: r.talkId as string,
        mime: r.mime as string,
        width: r.width as number,
        height: r.height as number,
        thumbWidth: r.thumbWidth as number,
        head: head(r.bytes as ArrayBuffer),
        thumbHead: head(r.thumb as ArrayBuffer),
        byteLength: (r.bytes as ArrayBuffer).byteLength,
        digest: await hex(r.bytes as ArrayBuffer),
        thumbDigest: await hex(r.thumb as ArrayBuffer),
        crop: r.crop as { x: number; y: number; width: number; height: number } | undefined,
      });
    return out;
  });
}

/** Each stored picture's SHA-256, of its bytes and of its thumbnail, by id (sorted by id). */
export async function readImageDigests(page: Page) {
  return (await readImages(page))
    .map((r) => ({ id: r.id, noteId: r.noteId, bytes: r.digest, thumb: r.thumbDigest }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A web page that copied the slide fixture (a PNG, what Chromium's clipboard takes) to the
 * clipboard, as a user copying a photo would; the page is returned to copy again from.
 */
export async function copySlidePng(context: BrowserContext, serve: Serve): Promise<Page> {
  const gallery = 'https://photos.example/';
  await serve(gallery, { html: '<!doctype html><title>Photos</title><p>photo</p>' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gallery });
  const source = await context.newPage();
  await source.goto(gallery);
  const png = readFileSync(join(OWN_FIXTURES, 'images/slide-300x200.png')).toString('base64');
  await source.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
  }, png);
  return source;
}

/** The SHA-256 of what each thumbnail `<img>` on the page shows (its blob: URL's bytes), in page order. */
export async function shownThumbDigests(page: Page) {
  return page.evaluate(async () => {
    const out = [];
    for (const img of document.querySelectorAll<HTMLImageElement>('.note-thumb img')) {
      const bytes = await (await fetch(img.src)).arrayBuffer();
      out.push(
        Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (x) =>
          x.toString(16).padStart(2, '0'),
        ).join(''),
      );
    }
    return out;
  });
}
