import { readFileSync, statSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, pressShortcut, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

// Turning the daily backup on asks for `downloads` in Chromium's own prompt, which only a real
// keyboard (xdotool in an Xvfb window) can answer.
test.use({ headed: true });

const talk: SessionSpec = {
  id: 'b'.repeat(32),
  title: 'A Talk With Many Notes',
  start: Date.now() - 10 * MINUTE,
  minutes: 30,
};
const NOTES = 1_500;
const NOTE_CHARS = 2_000;
const TWO_MB = 2 * 1024 * 1024;

interface Download {
  id: number;
  state: string;
  error?: string;
  fileSize: number;
  totalBytes: number;
  filename: string;
  url: string;
  startTime: string;
  endTime?: string;
}

/** Many long notes, written straight into the extension's IndexedDB in one transaction. */
async function seedNotes(page: Page, talkId: string): Promise<void> {
  await page.evaluate(
    ({ talkId, count, chars }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('talkmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          const start = Date.now() - count * 1000;
          for (let i = 0; i < count; i++) {
            // Varied text: the backup .zip deflates its JSON, and the file must stay over 2 MB.
            const noise = Array.from({ length: chars }, () =>
              String.fromCharCode(0x4e00 + Math.floor(Math.random() * 2000)),
            );
            const text = `Note ${i}: Zürich — “quoted” 🚀 ${noise.join('')}`.slice(0, chars);
            tx.objectStore('notes').put({
              id: `seed-${i}`,
              talkId,
              kind: 'plain',
              text,
              createdAt: start + i * 1000,
              updatedAt: start + i * 1000,
            });
          }
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { talkId, count: NOTES, chars: NOTE_CHARS },
  );
}

async function putSetting(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('talkmark');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key, value });
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { key, value },
  );
}

/** Sizes and times, kept in the report (`--reporter=json`), not asserted: speed is for `npm run bench`. */
const measured = (description: string) => test.info().annotations.push({ type: 'measured', description });

const setting = async (page: Page, key: string) =>
  (await readTable<{ key: string; value: unknown }>(page, 'settings')).find((s) => s.key === key)?.value ?? null;

/** The `n`th download of the profile once it has ended, as `chrome.downloads.search` reports it. */
async function endedDownload(worker: Worker, n: number): Promise<Download> {
  let item: Download | undefined;
  await expect
    .poll(
      async () => {
        const items = await worker.evaluate(() => chrome.downloads.search({ orderBy: ['startTime'] }));
        item = items[n - 1] as Download | undefined;
        return item?.state ?? 'not started';
      },
      { timeout: 30_000 },
    )
    .toMatch(/complete|interrupted/);
  return item!;
}

/** A complete download of a whole backup over 2 MB, saved where the extension asked, byte for byte. */
function expectFullBackup(item: Download, extensionId: string): void {
  expect([item.state, item.error]).toEqual(['complete', undefined]);
  expect(item.url).toMatch(new RegExp(`^blob:chrome-extension://${extensionId}/`));
  expect(
    item.filename.endsWith(`/Downloads/Talkmark backups/talkmark-backup-${new Date().toISOString().slice(0, 10)}.zip`),
    item.filename,
  ).toBe(true);
  const bytes = statSync(item.filename).size;
  expect(bytes).toBeGreaterThan(TWO_MB);
  expect(item.fileSize).toBe(bytes);
  expect(item.totalBytes).toBe(bytes);
  const backup = JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(item.filename)))['talkmark-backup.json']!));
  expect(backup).toMatchObject({ format: 'talkmark-backup', version: 2 });
  expect(backup.data.notes).toHaveLength(NOTES);
  expect(backup.data.talks).toHaveLength(1);
}

test('the daily backup saves a file over 2 MB from the settings page and from the worker, and says when it fails', async ({
  context,
  serviceWorker,
  extensionId,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  await clipSessions(context, [talk]);
  const options = await openExtensionPage('options.html');
  // Playwright routes downloads through DevTools, which names files by GUID: give them back to
  // Chromium's own download manager, which honours the folder and name the extension asks for.
  const cdp = await context.newCDPSession(options);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const [stored] = await readTable<{ id: string }>(options, 'talks');
  await seedNotes(options, stored!.id);

  // Turn it on as a user does: a click, then Chromium's permission prompt. Its focus starts on
  // Deny (Return alone refuses), so Tab moves to Allow. Nothing tells a test the prompt is up
  // and its buttons enabled (they wait a moment, against click-jacking), hence the pause.
  await options.getByRole('checkbox', { name: /save a backup every day/ }).click();
  await options.waitForTimeout(1_500);
  await pressShortcut(options, 'Tab Return', { dialog: true });
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.permissions.contains({ permissions: ['downloads'] })), {
      message: 'the permission prompt was answered Allow',
    })
    .toBe(true);

  // The first file is written at once, by the settings page itself (a page can make Blob URLs).
  const first = await endedDownload(serviceWorker, 1);
  expectFullBackup(first, extensionId);
  await expect.poll(() => setting(options, 'lastAutoBackupAt')).not.toBeNull();
  const firstAt = (await setting(options, 'lastAutoBackupAt')) as number;
  const shownTime = (at: number) => options.evaluate((t) => new Date(t).toLocaleString(), at);
  await expect(options.getByText(`last on ${await shownTime(firstAt)}`)).toBeVisible();
  measured(
    `settings page: ${first.fileSize} bytes, download ${Date.parse(first.endTime!) - Date.parse(first.startTime)} ms`,
  );

  // A day later the alarm fires in the worker, which has no Blob URLs: the offscreen document makes it.
  expect(await serviceWorker.evaluate(() => typeof URL.createObjectURL)).toBe('undefined');
  await putSetting(options, 'lastAutoBackupAt', firstAt - 25 * 60 * MINUTE);
  const t0 = Date.now();
  const sawOffscreen = await serviceWorker.evaluate(async () => {
    const offscreen = () =>
      chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
    let seen = false;
    await chrome.alarms.create('talkmark-daily-backup', { when: Date.now() });
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await offscreen()).length) seen = true;
      const [second] = (await chrome.downloads.search({ orderBy: ['startTime'] })).slice(1);
      if (seen && second && second.state !== 'in_progress' && !(await offscreen()).length) return true;
    }
    return seen;
  });
  expect(sawOffscreen, 'an offscreen document made the file, and was closed after').toBe(true);
  const second = await endedDownload(serviceWorker, 2);
  expectFullBackup(second, extensionId);
  await expect.poll(() => setting(options, 'pendingAutoBackup')).toBeNull();
  const secondAt = (await setting(options, 'lastAutoBackupAt')) as number;
  expect(secondAt).toBeGreaterThanOrEqual(t0 - 1_000);
  expect(await setting(options, 'lastAutoBackupError')).toBeNull();
  await expect(options.getByText(`last on ${await shownTime(secondAt)}`)).toBeVisible();
  measured(
    `worker + offscreen: ${second.fileSize} bytes, alarm to settled ${Date.now() - t0} ms, download ${Date.parse(second.endTime!) - Date.parse(second.startTime)} ms`,
  );

  // The permission is taken away behind Talkmark's back: the next run says so on the settings page.
  await serviceWorker.evaluate(() => chrome.permissions.remove({ permissions: ['downloads'] }));
  await putSetting(options, 'lastAutoBackupAt', secondAt - 25 * 60 * MINUTE);
  await serviceWorker.evaluate(() => chrome.alarms.create('talkmark-daily-backup', { when: Date.now() }));
  // The page says so at once (it follows the permission), and the run that fails records why.
  await expect(
    options.getByText(
      /^The daily backup is on, but Talkmark may not save files to Downloads: the permission was removed\./,
    ),
  ).toBeVisible({ timeout: 10_000 });
  await expect
    .poll(() => setting(options, 'lastAutoBackupError'), { timeout: 10_000 })
    .toMatchObject({ message: expect.stringMatching(/^Talkmark may no longer save files to Downloads/) });
});

test('the daily backup’s permission: a refusal is said once, and what the page says follows a later grant and a removal', async ({
  serviceWorker,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  const options = await openExtensionPage('options.html');
  const box = options.getByRole('checkbox', { name: /save a backup every day/ });
  const needsPermission = options.getByText('The daily backup needs permission to save files to Downloads.');
  const removed = options.getByText(
    /^The daily backup is on, but Talkmark may not save files to Downloads: the permission was removed\./,
  );
  const granted = () => serviceWorker.evaluate(() => chrome.permissions.contains({ permissions: ['downloads'] }));

  // Refused: Chromium's prompt starts on Deny, so Return alone refuses.
  await box.click();
  await options.waitForTimeout(1_500);
  await pressShortcut(options, 'Return', { dialog: true });
  await expect(needsPermission).toBeVisible();
  await expect(box).not.toBeChecked();

  // Allowed on the second try: the refusal's message goes.
  await box.click();
  await options.waitForTimeout(1_500);
  await pressShortcut(options, 'Tab Return', { dialog: true });
  await expect.poll(granted, { message: 'the permission prompt was answered Allow' }).toBe(true);
  await expect(box).toBeChecked();
  await expect(needsPermission).toHaveCount(0);

  // Taken away elsewhere (here by the worker; a user can in the browser's settings): the page says so, and offers it back.
  await serviceWorker.evaluate(() => chrome.permissions.remove({ permissions: ['downloads'] }));
  await expect(removed).toBeVisible();
  await options.getByRole('button', { name: 'Allow saving to Downloads' }).click();
  await options.waitForTimeout(1_500);
  await pressShortcut(options, 'Tab Return', { dialog: true });
  await expect.poll(granted).toBe(true);
  await expect(removed).toHaveCount(0);
  await expect(options.getByText(/daily backup failed|needs permission/)).toHaveCount(0);
});
