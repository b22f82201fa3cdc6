/**
 * "Save to folder" (#17) in Chromium. The folder is an OPFS directory standing in for the one
 * the user picks: the test puts its handle where Talkmark remembers a picked folder (the
 * `talkmark-folders` database, as `showDirectoryPicker` + rememberFolder would), so the product
 * has no test hook of its own. Everything after that is real: the click, the permission check,
 * the writes, the overwrite confirm.
 */
import type { Page } from '@playwright/test';
import { alpha, openExport, typeNotes } from './export-helpers';
import { expect, test } from './fixtures';
import { copySlidePng, readImageDigests, readImages } from './images';
import { clipSessions } from './pages';

/** SHA-256 of each stored picture's bytes. */
const storedDigests = async (page: Page) => (await readImageDigests(page)).map((r) => r.bytes);

test.use({ headed: true }); // a real paste of a picture (the clipboard), as slides.spec.ts does

/** Remember the OPFS folder `name` as the folder picked for `flavour` (the test's stand-in for the picker). */
async function rememberOpfsFolder(page: Page, flavour: string, name: string): Promise<void> {
  await page.evaluate(
    async ({ flavour, name }) => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle(name, { create: true });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('talkmark-folders', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('handles');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('handles', 'readwrite');
        tx.objectStore('handles').put(folder, `export:${flavour}`);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { flavour, name },
  );
}

/** Every file under the OPFS folder `name`: path → size, SHA-256 and (for .md) text. */
async function opfsFiles(page: Page, name: string) {
  return page.evaluate(async (name) => {
    const out: Record<string, { size: number; sha: string; text?: string }> = {};
    const hex = async (b: ArrayBuffer) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))]
        .map((x) => x.toString(16).padStart(2, '0'))
        .join('');
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [entry, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${entry}/`);
        else {
          const file = await (handle as FileSystemFileHandle).getFile();
          const bytes = await file.arrayBuffer();
          out[`${prefix}${entry}`] = {
            size: bytes.byteLength,
            sha: await hex(bytes),
            ...(entry.endsWith('.md') ? { text: await file.text() } : {}),
          };
        }
      }
    };
    const root = await navigator.storage.getDirectory();
    await walk(await root.getDirectoryHandle(name), '');
    return out;
  }, name);
}

test('Save to folder writes the Hugo bundle with its picture, and asks before touching a file that exists', async ({
  context,
  openExtensionPage,
  serve,
}) => {
  await clipSessions(context, [alpha]);
  await copySlidePng(context, serve);

  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  await typeNotes(panel, alpha.title, ['Budgets first']);
  await panel.bringToFront();
  await panel.getByRole('textbox', { name: 'Note' }).click();
  await panel.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await readImages(panel)).length).toBe(1);
  const [sha] = await storedDigests(panel);

  await rememberOpfsFolder(panel, 'hugo', 'blog');
  await openExport(panel);
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('hugo');
  await expect(panel.getByText('Saves into “blog”.')).toBeVisible();
  const save = panel.getByRole('button', { name: 'Save to folder', exact: true });
  await save.click();
  const status = panel.locator('.folder-save [role=status]');
  await expect(status).toHaveText(/^Saved content\/posts\/[a-z0-9-]+\/index\.md in “blog” with 1 picture\.$/);

  const files = await opfsFiles(panel, 'blog');
  const names = Object.keys(files).sort();
  expect(names).toHaveLength(2);
  const post = names.find((n) => n.endsWith('/index.md'))!;
  expect(post).toMatch(/^content\/posts\/[a-z0-9-]+\/index\.md$/);
  const dir = post.slice(0, -'index.md'.length);
  expect(names).toContain(`${dir}image-01.webp`);
  expect(files[post]!.text).toContain('Budgets first');
  expect(files[post]!.text).toContain('![Photo](<image-01.webp>)');
  expect(files[`${dir}image-01.webp`]!.sha).toBe(sha); // the stored bytes, byte for byte

  // Again: both files exist now. The confirm lists them; nothing is written until the user says.
  await save.click();
  const confirm = panel.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('listitem')).toHaveText([`${dir}image-01.webp`, post]);
  expect(await opfsFiles(panel, 'blog')).toEqual(files);
  await confirm.getByRole('button', { name: 'Save as new name' }).click();
  await expect(status).toHaveText(/^Saved content\/posts\/[a-z0-9-]+-2\/index\.md in “blog” with 1 picture\.$/);
  const after = await opfsFiles(panel, 'blog');
  expect(Object.keys(after)).toHaveLength(4);
  for (const name of names) expect(after[name], name).toEqual(files[name]); // the first copy untouched
  const copy = `${dir.slice(0, -1)}-2/`;
  expect(after[`${copy}image-01.webp`]!.sha).toBe(sha);
  expect(after[`${copy}index.md`]!.text).toContain('![Photo](<image-01.webp>)');

  // Cancel from the keyboard (the confirm opens on Cancel): still nothing replaced.
  await save.click();
  await expect(confirm).toBeVisible();
  await panel.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(status).toHaveText('Not saved: nothing was changed.');
  expect(await opfsFiles(panel, 'blog')).toEqual(after);
});
