import { expect, killServiceWorker, OWN_FIXTURES, readTable, test } from './fixtures';
import { join } from 'node:path';

const SESSION_URL = 'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team';

test('after an extension update, an open Sched tab gets a working Clip button again', async ({
  context,
  serve,
  serviceWorker,
  openExtensionPage,
}) => {
  await serve(SESSION_URL, { file: join(OWN_FIXTURES, 'sched/kcdsf2025-session.html') });
  const page = await context.newPage();
  await page.goto(SESSION_URL);
  await expect(page.getByRole('button', { name: 'Clip talk' })).toHaveCount(1);
  const oldHost = await page.locator('talkmark-clip').elementHandle();

  await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await context.waitForEvent('serviceworker');

  // The old script's button goes away and a new one comes — no "Extension context invalidated".
  await expect.poll(() => oldHost!.evaluate((el) => el.isConnected), { timeout: 15_000 }).toBe(false);
  await expect(page.getByRole('button', { name: 'Clip talk' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Clip talk' }).click();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toBeVisible();
  const panel = await openExtensionPage('sidepanel.html');
  expect(await readTable(panel, 'talks')).toHaveLength(1);
});

test('the daily backup alarm is set up at install and survives a dead worker', async ({
  context,
  serviceWorker,
  extensionId,
}) => {
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => (await chrome.alarms.get('talkmark-daily-backup'))?.periodInMinutes ?? null),
    )
    .toBe(1440);
  await killServiceWorker(context, extensionId);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // Alarms belong to the browser, not the worker: the dead worker's alarm still stands.
  expect(
    await page.evaluate(async () => (await chrome.alarms.get('talkmark-daily-backup'))?.periodInMinutes ?? null),
  ).toBe(1440);
  // Off by default: the alarm firing writes nothing until the user turns it on.
  await expect(page.getByRole('checkbox', { name: /Also save a backup every day/ })).not.toBeChecked();
});
