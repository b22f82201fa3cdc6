import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { alpha, openExport, typeNotes } from './export-helpers';
import { expect, OWN_FIXTURES, test } from './fixtures';
import { readImages } from './images';
import { clipSessions } from './pages';

test.use({ headed: true });

async function remember(page: Page) {
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const folder = await root.getDirectoryHandle('my-hugo-blog', { create: true });
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('talkmark-folders', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('handles');
      open.onsuccess = () => resolve(open.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('handles', 'readwrite');
      tx.objectStore('handles').put(folder, 'export:hugo');
      tx.oncomplete = () => resolve();
    });
    db.close();
  });
}

test('shots', async ({ context, openExtensionPage, serve }) => {
  await clipSessions(context, [alpha]);
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
  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  await typeNotes(panel, alpha.title, ['Budgets first', 'Second note']);
  await panel.bringToFront();
  await panel.getByRole('textbox', { name: 'Note' }).click();
  await panel.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await readImages(panel)).length).toBe(1);
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    const thumb = panel.getByRole('button', { name: 'Show the picture full size: Photo' });
    await thumb.scrollIntoViewIfNeeded();
    await thumb.click();
    await panel.waitForTimeout(500);
    await panel.screenshot({ path: `/tmp/shots/viewer-${scheme}.png` });
    await panel.keyboard.press('Escape');
  }
  // Export before a folder is picked.
  await openExport(panel);
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('hugo');
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.getByRole('button', { name: 'Save to folder…' }).scrollIntoViewIfNeeded();
    await panel.evaluate(() => scrollBy(0, 200));
    await panel.screenshot({ path: `/tmp/shots/export-nofolder-${scheme}.png` });
  }
  await remember(panel);
  await panel.getByRole('button', { name: 'Now', exact: true }).click();
  await openExport(panel);
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('hugo');
  const save = panel.getByRole('button', { name: 'Save to folder', exact: true });
  await save.click();
  await expect(panel.locator('.folder-save [role=status]')).toBeVisible();
  await panel
    .getByRole('button', { name: 'Copy as rich text' })
    .click()
    .catch(() => {});
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await panel.screenshot({ path: `/tmp/shots/export-saved-${scheme}.png` });
  }
  await save.click();
  await expect(panel.getByRole('alertdialog')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await panel.screenshot({ path: `/tmp/shots/export-confirm-${scheme}.png` });
  }
});
