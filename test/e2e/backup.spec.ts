import { readFileSync } from 'node:fs';
import { expect, readTable, test } from './fixtures';
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
  expect(download.suggestedFilename()).toMatch(/^talkmark-backup-.*\.json$/);
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
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'talkmark-backup', version: 1 });
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
