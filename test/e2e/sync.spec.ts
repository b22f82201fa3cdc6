import type { BrowserContext, Page } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../sync-server';
import { expect, pressShortcut, readTable, test } from './fixtures';
import { clipSessions, MINUTE } from './pages';
import { launchSecondProfile } from './second-profile';

// Two profiles (two machines) syncing through a CouchDB-compatible server started by this test
// on loopback. Turning sync on asks for the server's origin in Chromium's own prompt, answered
// with real keys (xdotool), so the test runs headed.
test.use({ headed: true });

let server: SyncServer;
test.beforeAll(async () => {
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server.close();
});

async function turnSyncOn(options: Page, database: string) {
  const section = options.getByRole('region', { name: 'Sync' });
  await section.getByLabel('Server').fill(server.url);
  await section.getByLabel('Database').fill(database);
  await section.getByLabel('User').fill('ada');
  await section.getByLabel('Password').fill('secret');
  await section.getByRole('button', { name: 'Turn sync on' }).click();
  // Chromium's prompt starts on Deny; Tab moves to Allow. Its buttons wait a moment (click-jacking).
  await options.waitForTimeout(1_500);
  await pressShortcut(options, 'Tab Return', { dialog: true });
  await expect(section.getByText('Sync is on.')).toBeVisible({ timeout: 15_000 });
}

/**
 * Profile A (the test's own) and a second profile B, both with sync on to one new database on
 * the test server, after A clipped `session`. B is closed here if turning sync on fails.
 */
async function twoProfilesSyncing(
  context: BrowserContext,
  openExtensionPage: (path: string) => Promise<Page>,
  prefix: string,
  session: Parameters<typeof clipSessions>[1][number],
) {
  const database = await server.create(`${prefix}-${Date.now()}`).then((url) => url.slice(url.lastIndexOf('/') + 1));
  await clipSessions(context, [session]);
  const optionsA = await openExtensionPage('options.html');
  await turnSyncOn(optionsA, database);
  const b = await launchSecondProfile();
  try {
    const extensionId = new URL(optionsA.url()).host;
    const optionsB = await b.context.newPage();
    await optionsB.goto(`chrome-extension://${extensionId}/options.html`);
    await turnSyncOn(optionsB, database);
    return { database, extensionId, optionsA, b, optionsB };
  } catch (error) {
    await b.close();
    throw error;
  }
}

interface StoredNote {
  id: string;
  text: string;
}

test('two profiles: a typed note arrives, a delete follows, the server restarts mid-sync, a hostile document is refused', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(240_000);
  const { database, b, optionsB } = await twoProfilesSyncing(context, openExtensionPage, 'team', {
    id: 'd'.repeat(32),
    title: 'Synced Talk',
    start: Date.now() - 5 * MINUTE,
    minutes: 40,
    room: 'A',
  });
  try {
    await expect.poll(async () => (await readTable(optionsB, 'talks')).length, { timeout: 30_000 }).toBe(1);

    // Typed in A with real keys.
    const panel = await openExtensionPage('sidepanel.html');
    const box = panel.getByRole('textbox', { name: 'Note' });
    await box.click();
    await panel.keyboard.type('Typed in profile A');
    await panel.keyboard.press('Enter');
    const started = Date.now();
    await expect
      .poll(async () => (await readTable<StoredNote>(optionsB, 'notes')).map((n) => n.text), { timeout: 30_000 })
      .toEqual(['Typed in profile A']);
    console.log(`typed note reached profile B in ${Date.now() - started} ms`);

    // The server goes away mid-sync and comes back: nothing lost, nothing duplicated.
    await server.stop();
    await box.click();
    for (const text of ['While offline 1', 'While offline 2', 'While offline 3']) {
      await panel.keyboard.type(text);
      await panel.keyboard.press('Enter');
    }
    await expect(
      panel
        .getByRole('status')
        .filter({ hasText: /waiting|Offline|Syncing/ })
        .first(),
    ).toBeVisible({
      timeout: 30_000,
    });
    await server.start();
    await expect
      .poll(async () => (await readTable<StoredNote>(optionsB, 'notes')).map((n) => n.text).sort(), { timeout: 60_000 })
      .toEqual(['Typed in profile A', 'While offline 1', 'While offline 2', 'While offline 3']);

    // Deleted in A → gone in B.
    const first = panel.locator('li.note', { hasText: 'While offline 1' });
    await first.getByRole('button', { name: 'Delete note' }).click();
    await expect
      .poll(async () => (await readTable<StoredNote>(optionsB, 'notes')).map((n) => n.text).sort(), { timeout: 30_000 })
      .toEqual(['Typed in profile A', 'While offline 2', 'While offline 3']);

    // A hostile server: a note with a query object for its talk, a design document with code.
    await server.db(database).bulkDocs([
      {
        _id: 'note:evil',
        type: 'note',
        schema: 1,
        talkKey: { $gt: null },
        kind: 'plain',
        text: '<img src=x onerror=alert(1)>',
        createdAt: 1,
        updatedAt: 1,
      },
      { _id: '_design/evil', filters: { f: 'function (doc) { return true }' } },
    ]);
    await expect(optionsB.getByText(/2 document\(s\) from the server were refused/)).toBeVisible({ timeout: 30_000 });
    expect((await readTable<StoredNote>(optionsB, 'notes')).map((n) => n.id)).not.toContain('evil');
  } finally {
    await b.close();
  }
});

/** Opens the talk's only note's editor with a real click, types at its end with real keys, then Enter. */
async function editNote(panel: Page, text: string, added: string) {
  const item = panel.locator('li.note'); // while edited, its text is the box's value, not the item's text
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(text);
  await item.getByRole('button', { name: 'Edit' }).click();
  await expect(item.getByRole('textbox', { name: 'Edit note' })).toBeFocused();
  await panel.keyboard.type(added);
  await panel.keyboard.press('Enter');
  await expect(item.getByRole('textbox', { name: 'Edit note' })).toHaveCount(0);
}

test('two profiles edit one note while apart: both texts survive as a conflict, and the choice resolves it on both', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(240_000);
  const { extensionId, optionsA, b, optionsB } = await twoProfilesSyncing(context, openExtensionPage, 'pair', {
    id: 'e'.repeat(32),
    title: 'Conflicted Talk',
    start: Date.now() - 5 * MINUTE,
    minutes: 40,
    room: 'B',
  });
  try {
    const panelA = await openExtensionPage('sidepanel.html');
    await panelA.getByRole('textbox', { name: 'Note' }).click();
    await panelA.keyboard.type('Shared note');
    await panelA.keyboard.press('Enter');
    const panelB = await b.context.newPage();
    await panelB.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await expect(panelB.locator('li.note', { hasText: 'Shared note' })).toBeVisible({ timeout: 30_000 });

    // Apart: the server is gone while each machine edits the same note.
    await server.stop();
    await editNote(panelA, 'Shared note', ', edited in A');
    await editNote(panelB, 'Shared note', ', edited in B');
    await expect
      .poll(async () => (await readTable<StoredNote>(optionsA, 'notes')).map((n) => n.text))
      .toEqual(['Shared note, edited in A']);
    await expect
      .poll(async () => (await readTable<StoredNote>(optionsB, 'notes')).map((n) => n.text))
      .toEqual(['Shared note, edited in B']);
    await server.start();

    // Both texts survive: the same winner on both machines, the other version under it.
    const texts = ['Shared note, edited in A', 'Shared note, edited in B'];
    const shown = async (panel: Page) => {
      const group = panel.getByRole('group', { name: 'Sync conflict' });
      await expect(group).toBeVisible({ timeout: 90_000 });
      const other = ((await group.getByLabel('The other version').textContent()) ?? '').trim();
      const note = (await readTable<StoredNote>(panel, 'notes'))[0]!.text;
      expect([note, other].sort()).toEqual(texts);
      return { note, other };
    };
    const onA = await shown(panelA);
    const onB = await shown(panelB);
    expect(onB).toEqual(onA);

    // B keeps the other version (a real click): both machines end with it, the conflict gone.
    await panelB.getByRole('button', { name: 'Keep the other version' }).click();
    for (const [panel, options] of [
      [panelA, optionsA],
      [panelB, optionsB],
    ] as const) {
      await expect(panel.getByRole('group', { name: 'Sync conflict' })).toHaveCount(0, { timeout: 60_000 });
      await expect
        .poll(async () => (await readTable<StoredNote>(options, 'notes')).map((n) => n.text), { timeout: 60_000 })
        .toEqual([onA.other]);
      await expect(panel.locator('li.note', { hasText: onA.other })).toBeVisible();
    }
    expect(await readTable(optionsA, 'syncConflicts')).toEqual([]);
  } finally {
    await b.close();
  }
});
