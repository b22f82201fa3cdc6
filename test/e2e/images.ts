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
