import { expect, killServiceWorker, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

const running: SessionSpec = { id: 'd'.repeat(32), title: 'Durable Talk', start: Date.now() - 5 * MINUTE, minutes: 45 };
const second: SessionSpec = {
  id: 'e'.repeat(32),
  title: 'After The Worker Died',
  start: Date.now() + 60 * MINUTE,
  minutes: 30,
};

test('closing the panel mid-typing keeps the draft', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'Note' }).pressSequentially('half a thought about sched');
  await panel.close(); // at once: no time for the debounce, only the pagehide flush
  const reopened = await openExtensionPage('sidepanel.html');
  await expect(reopened.getByRole('textbox', { name: 'Note' })).toHaveValue('half a thought about sched');
  // …and the text that only the synchronous mirror caught is back in IndexedDB too.
  await expect
    .poll(async () => (await readTable<{ text: string }>(reopened, 'drafts')).map((d) => d.text))
    .toEqual(['half a thought about sched']);
});

test('a dead service worker loses nothing, and capture and clipping still work', async ({
  context,
  openExtensionPage,
  extensionId,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('note before the worker died');
  await box.press('Enter');
  await box.pressSequentially('draft while the worker is dead');

  await killServiceWorker(context, extensionId);

  await box.press('Enter');
  const notes = panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem');
  await expect(notes).toHaveCount(2);
  expect((await readTable<{ text: string }>(panel, 'notes')).map((n) => n.text).sort()).toEqual([
    'draft while the worker is dead',
    'note before the worker died',
  ]);
  // The in-page Clip button wakes a fresh worker.
  await clipSessions(context, [second]);
  expect(await readTable(panel, 'talks')).toHaveLength(2);
});

test('reloading the extension keeps notes and the unsent draft', async ({
  context,
  openExtensionPage,
  serviceWorker,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('saved note');
  await box.press('Enter');
  await box.pressSequentially('unsent words');
  await expect
    .poll(async () => (await readTable<{ text: string }>(panel, 'drafts')).map((d) => d.text))
    .toEqual(['unsent words']);

  const closed = panel.waitForEvent('close');
  await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  await closed; // a reload closes every extension page
  await context.waitForEvent('serviceworker');

  const reopened = await openExtensionPage('sidepanel.html');
  await expect(reopened.getByRole('list', { name: 'Notes of this talk' })).toContainText('saved note');
  await expect(reopened.getByRole('textbox', { name: 'Note' })).toHaveValue('unsent words');
});

test('a write that fails (disk full) says so and keeps the text in the box', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  // unlimitedStorage exempts the extension from quota enforcement (CDP's quota override is not
  // enforced for it), so the full disk is simulated where the browser would report it: every
  // IndexedDB write throws the QuotaExceededError DOMException.
  await panel.evaluate(() => {
    const w = window as unknown as { __restoreWrites: () => void };
    const { add, put } = IDBObjectStore.prototype;
    const full = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = full;
    w.__restoreWrites = () => Object.assign(IDBObjectStore.prototype, { add, put });
  });

  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('this must not vanish');
  await box.press('Enter');
  await expect(panel.getByRole('alert')).toContainText('storage is full');
  await expect(box).toHaveValue('this must not vanish');
  expect(await readTable(panel, 'notes')).toHaveLength(0);

  // Space comes back: the same Enter now saves it, and the message goes away.
  await panel.evaluate(() => (window as unknown as { __restoreWrites: () => void }).__restoreWrites());
  await box.press('Enter');
  await expect(panel.getByRole('list', { name: 'Notes of this talk' })).toContainText('this must not vanish');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(box).toHaveValue('');
});

test('a note sent the instant the panel closes is not lost when its write never lands', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  // The write is cut off with the page: IndexedDB never completes the add.
  await panel.evaluate(() => {
    IDBObjectStore.prototype.add = function () {
      return new Proxy({}, { get: () => undefined, set: () => true }) as IDBRequest;
    };
  });
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('pressed Enter and shut the laptop');
  await box.press('Enter');
  await expect(box).toHaveValue('');
  await panel.close();

  const reopened = await openExtensionPage('sidepanel.html');
  await expect(reopened.getByRole('textbox', { name: 'Note' })).toHaveValue('pressed Enter and shut the laptop');
  expect(await readTable(reopened, 'notes')).toHaveLength(0);
  // Sent again, it is stored once, and nothing comes back on the next open.
  await reopened.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(reopened.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem')).toHaveCount(1);
  await reopened.close();
  const third = await openExtensionPage('sidepanel.html');
  await expect(third.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem')).toHaveCount(1);
  await expect(third.getByRole('textbox', { name: 'Note' })).toHaveValue('');
});

test('an edit typed the instant the panel closes is back on the next open, even when its write never lands', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('first take');
  await box.press('Enter');
  const notes = panel.getByRole('list', { name: 'Notes of this talk' });
  await expect(notes).toContainText('first take');
  await notes.getByRole('button', { name: 'Edit' }).click();
  // The write is cut off with the page: IndexedDB never completes the put.
  await panel.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      return new Proxy({}, { get: () => undefined, set: () => true }) as IDBRequest;
    };
  });
  await panel.getByRole('textbox', { name: 'Edit note' }).fill('first take, corrected as the laptop shut');
  await panel.close();

  const reopened = await openExtensionPage('sidepanel.html');
  await expect(reopened.getByRole('list', { name: 'Notes of this talk' })).toContainText(
    'first take, corrected as the laptop shut',
  );
  await expect
    .poll(async () => (await readTable<{ text: string }>(reopened, 'notes')).map((n) => n.text))
    .toEqual(['first take, corrected as the laptop shut']);
});

test('an edit whose write fails keeps the editor open with the text and the reason', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('to be edited');
  await box.press('Enter');
  const notes = panel.getByRole('list', { name: 'Notes of this talk' });
  await notes.getByRole('button', { name: 'Edit' }).click();
  await panel.evaluate(() => {
    const w = window as unknown as { __restoreWrites: () => void };
    const { put } = IDBObjectStore.prototype;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    w.__restoreWrites = () => Object.assign(IDBObjectStore.prototype, { put });
  });
  const editor = panel.getByRole('textbox', { name: 'Edit note' });
  await editor.fill('edited on a full disk');
  await notes.getByRole('button', { name: 'Done' }).click();
  await expect(panel.getByRole('alert')).toContainText('storage is full');
  await expect(editor).toHaveValue('edited on a full disk');

  await panel.evaluate(() => (window as unknown as { __restoreWrites: () => void }).__restoreWrites());
  await notes.getByRole('button', { name: 'Done' }).click();
  await expect(editor).toHaveCount(0);
  await expect(notes).toContainText('edited on a full disk');
  expect((await readTable<{ text: string }>(panel, 'notes')).map((n) => n.text)).toEqual(['edited on a full disk']);
});
