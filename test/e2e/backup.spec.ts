import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, OWN_FIXTURES, readTable, test } from './fixtures';
import { readImageDigests, shownThumbDigests } from './images';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

const talk: SessionSpec = { id: 'f'.repeat(32), title: 'Backed Up Talk', start: Date.now() - 10 * MINUTE, minutes: 30 };
const TABLES = ['conferences', 'talks', 'notes', 'drafts', 'settings'];

async function snapshot(page: import('@playwright/test').Page) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES)
    out[t] = (await readTable<{ id?: string; key?: string }>(page, t)).sort((a, b) =>
      String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)),
    );
  return out;
}

test('a backup downloads, and restoring it after a wipe brings back exactly the same data', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [talk]);
  const panel = await openExtensionPage('sidepanel.html');
  for (const text of ['! first takeaway', '? a question']) {
    await panel.getByRole('textbox', { name: 'Note' }).fill(text);
    await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
  }
  await panel.getByRole('textbox', { name: 'Note' }).fill('an unsent draft');
  await expect.poll(async () => (await readTable(panel, 'drafts')).length).toBe(1);
  await panel.close();

  const options = await openExtensionPage('options.html');
  const before = await snapshot(options);
  expect(before.notes).toHaveLength(2);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^talkmark-backup-.*\.zip$/);
  const file = await download.path();
  await expect(options.getByRole('status')).toContainText('Backup saved: 1 talks, 2 notes');

  // Wipe everything, as a new laptop would be.
  await options.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('talkmark');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
  await options.reload();
  expect(await readTable(options, 'talks')).toHaveLength(0);

  await options.getByLabel('Restore from backup file').setInputFiles(file);
  await expect(options.getByRole('status')).toContainText('Restored. talks: 1 added');
  expect(await snapshot(options)).toEqual(before);
  const zip = unzipSync(new Uint8Array(readFileSync(file)));
  expect(JSON.parse(strFromU8(zip['talkmark-backup.json']!))).toMatchObject({ format: 'talkmark-backup', version: 2 });
});

async function wipeAndReload(page: import('@playwright/test').Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('talkmark');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
  await page.reload();
}

test('notes with pictures: backup .zip → wipe → restore brings every picture back byte-identical, and the thumbnails show those bytes', async ({
  context,
  openExtensionPage,
  serve,
}) => {
  await clipSessions(context, [talk]);
  // Two different photos on the clipboard in turn (PNG: what Chromium's clipboard takes), pasted into the panel.
  const gallery = 'https://photos.example/';
  await serve(gallery, { html: '<!doctype html><title>Photos</title><p>photo</p>' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gallery });
  const source = await context.newPage();
  await source.goto(gallery);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  const box = panel.getByRole('textbox', { name: 'Note' });
  await expect(box).toBeVisible();
  const fixture = readFileSync(join(OWN_FIXTURES, 'images/slide-300x200.png')).toString('base64');
  for (const [i, photo] of [fixture, null].entries()) {
    await source.bringToFront();
    await source.evaluate(async (b64) => {
      let blob: Blob;
      if (b64) blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
      else {
        // A larger photo, drawn here: the panel downscales and re-encodes it.
        const canvas = new OffscreenCanvas(2400, 1350);
        const g = canvas.getContext('2d')!;
        g.fillStyle = '#c33';
        g.fillRect(0, 0, 2400, 1350);
        g.fillStyle = '#fff';
        g.font = '200px sans-serif';
        g.fillText('Stage photo', 200, 700);
        blob = await canvas.convertToBlob({ type: 'image/png' });
      }
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    }, photo);
    await panel.bringToFront();
    await box.click();
    await panel.keyboard.press('ControlOrMeta+V');
    await expect.poll(async () => (await readImageDigests(panel)).length).toBe(i + 1);
  }
  const stored = await readImageDigests(panel);
  await expect(panel.locator('.note-thumb img')).toHaveCount(2);
  const shownBefore = (await shownThumbDigests(panel)).sort();
  expect(shownBefore).toEqual(stored.map((s) => s.thumb).sort());
  await panel.close();

  const options = await openExtensionPage('options.html');
  const notesBefore = await readTable(options, 'notes');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  await expect(options.getByRole('status')).toContainText('2 pictures');
  const file = await download.path();
  const names = Object.keys(unzipSync(new Uint8Array(readFileSync(file))));
  expect(names.filter((n) => n.startsWith('images/'))).toHaveLength(2);
  expect(names.filter((n) => n.startsWith('thumbs/'))).toHaveLength(2);

  await wipeAndReload(options);
  expect(await readImageDigests(options)).toEqual([]);
  await options.getByLabel('Restore from backup file').setInputFiles(file);
  await expect(options.getByRole('status')).toContainText('pictures: 2 added');
  expect(await readImageDigests(options)).toEqual(stored);
  expect(await readTable(options, 'notes')).toEqual(notesBefore);

  const after = await openExtensionPage('sidepanel.html');
  await after.setViewportSize({ width: 360, height: 700 });
  await expect(after.locator('.note-thumb img')).toHaveCount(2);
  expect((await shownThumbDigests(after)).sort()).toEqual(shownBefore);
});

test('a backup .zip with a disguised or missing picture is refused with a clear message and changes nothing', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [talk]);
  const options = await openExtensionPage('options.html');
  const before = await snapshot(options);
  const svg = readFileSync(join(OWN_FIXTURES, 'images/not-an-image.svg'));
  const { zipSync, strToU8 } = await import('fflate');
  const records = {
    format: 'talkmark-backup',
    version: 2,
    exportedAt: new Date().toISOString(),
    schemaVersion: 3,
    data: {
      conferences: [],
      talks: [],
      notes: [{ id: 'n1', talkId: 't1', kind: 'plain', text: 'Photo', createdAt: 1, updatedAt: 1, imageId: 'i1' }],
      highlights: [],
      drafts: [],
      templates: [],
      settings: [],
      images: [
        {
          id: 'i1',
          noteId: 'n1',
          talkId: 't1',
          mime: 'image/png',
          width: 300,
          height: 200,
          thumbMime: 'image/png',
          thumbWidth: 300,
          thumbHeight: 200,
          sourceHash: 'a'.repeat(64),
          createdAt: 1,
        },
      ],
    },
  };
  const input = options.getByLabel('Restore from backup file');
  await input.setInputFiles({
    name: 'talkmark-backup.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(
      zipSync({ 'talkmark-backup.json': strToU8(JSON.stringify(records)), 'images/i1.png': svg, 'thumbs/i1.png': svg }),
    ),
  });
  await expect(options.getByRole('status')).toContainText(
    'Nothing was changed: The picture images/i1.png is not a PNG, JPEG or WebP image',
  );
  await input.setInputFiles({
    name: 'talkmark-backup.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync({ 'talkmark-backup.json': strToU8(JSON.stringify(records)) })),
  });
  await expect(options.getByRole('status')).toContainText('Nothing was changed: The backup is damaged: the picture');
  expect(await snapshot(options)).toEqual(before);
});

test('a corrupt or foreign backup file gets a clear message and changes nothing', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [talk]);
  const options = await openExtensionPage('options.html');
  const before = await snapshot(options);
  const input = options.getByLabel('Restore from backup file');

  await input.setInputFiles({
    name: 'talkmark-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"talkmark-backup","version":1,"data":{"talks":[{"id":'),
  });
  await expect(options.getByRole('status')).toContainText('Nothing was changed');
  await input.setInputFiles({
    name: 'bookmarks.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"roots":{"bookmark_bar":{}}}'),
  });
  await expect(options.getByRole('status')).toContainText(/Nothing was changed: .*(Talkmark|backup)/);
  expect(await snapshot(options)).toEqual(before);
});

test('the settings page shows how much storage Talkmark uses', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Storage' })).toBeVisible();
  await expect(options.getByText(/Talkmark uses [\d.]+ MB/)).toBeVisible();
});

test('“Keep my data persistent” asks the browser and says what it answered', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('button', { name: 'Keep my data persistent' }).click();
  await expect(options.getByRole('status').first()).toHaveText(
    /The browser (will keep|did not grant persistent storage)/,
  );
});
