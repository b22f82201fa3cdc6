/** Reading the extension's stored images from an extension page, for the image e2e tests. */
import type { Page } from '@playwright/test';

/** The images table as facts a test can compare (bytes do not cross page.evaluate as-is). */
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
    return rows.map((r) => ({
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
    }));
  });
}

/** Each stored picture's SHA-256, of its bytes and of its thumbnail, by id (sorted by id). */
export async function readImageDigests(page: Page) {
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
    const hex = async (b: ArrayBuffer) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b)), (x) => x.toString(16).padStart(2, '0')).join(
        '',
      );
    const out = [];
    for (const r of rows)
      out.push({
        id: r.id as string,
        noteId: r.noteId as string,
        bytes: await hex(r.bytes as ArrayBuffer),
        thumb: await hex(r.thumb as ArrayBuffer),
      });
    return out.sort((a, b) => a.id.localeCompare(b.id));
  });
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
