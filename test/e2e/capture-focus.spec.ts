/**
 * Where the caret goes, what size the text is and where the newest note sits, in the panel as a
 * 360×700 page. Keys go through CDP (`Input.dispatchKeyEvent` / `insertText`, Playwright's
 * `page.keyboard`) to whatever has the focus, and clicks are mouse clicks: no test here focuses
 * or fills a field itself — where the typed text lands is what is asserted.
 */
import type { Page } from '@playwright/test';
import { expect, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

const now = Date.now();
const running: SessionSpec = {
  id: 'e'.repeat(32),
  title: 'Focus Talk',
  start: now - 12 * MINUTE,
  minutes: 40,
  room: 'Room 7',
};
const later: SessionSpec = {
  id: 'f'.repeat(32),
  title: 'Later Focus Talk',
  start: now + 60 * MINUTE,
  minutes: 30,
  room: 'Room 8',
};

interface StoredNote {
  text: string;
  kind: string;
}

async function panelAt360(openExtensionPage: (path: string) => Promise<Page>, path = 'sidepanel.html'): Promise<Page> {
  const panel = await openExtensionPage(path);
  await panel.setViewportSize({ width: 360, height: 700 });
  return panel;
}

const noteBox = (panel: Page) => panel.getByRole('textbox', { name: 'Note' });
/**
 * A person types once they see the caret. Text typed before the note box exists is kept
 * (earlyKeys.ts), but an Enter pressed then is not replayed: under load that raced these tests.
 */
const caretInNoteBox = (panel: Page) => expect(noteBox(panel)).toBeFocused({ timeout: 15_000 });
const notes = (panel: Page) => panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem');

/** Type a note into whatever has the focus and press Enter, as a person would (`paste`: all at once, as an IME or a paste does). */
async function typeNote(panel: Page, text: string, { paste = false } = {}): Promise<void> {
  if (paste) await panel.keyboard.insertText(text);
  else await panel.keyboard.type(text);
  await panel.keyboard.press('Enter');
}

test('the panel opens with the caret in the note box, and "Take notes" and the Now tab put it back there', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running, later]);
  const panel = await panelAt360(openExtensionPage);
  await expect(noteBox(panel)).toBeFocused();
  await typeNote(panel, 'typed the moment the panel opened');
  await expect(notes(panel).last()).toContainText('typed the moment the panel opened');

  await panel.getByRole('button', { name: 'Agenda' }).click();
  await panel.getByRole('button', { name: 'Take notes for Later Focus Talk' }).click();
  await expect(
    panel.getByRole('region', { name: 'Current talk' }).getByRole('heading', { name: 'Later Focus Talk' }),
  ).toBeVisible();
  await panel.keyboard.type('for the later talk');
  await expect(noteBox(panel)).toHaveValue('for the later talk');

  await panel.getByRole('button', { name: 'Search' }).click();
  await panel.getByRole('button', { name: 'Now', exact: true }).click();
  await panel.keyboard.type(', still');
  await expect(noteBox(panel)).toHaveValue('for the later talk, still');
});

test('Search puts the caret in the search box', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await typeNote(panel, 'Ambient mesh drops the sidecars');
  await panel.getByRole('button', { name: 'Search' }).click();
  await panel.keyboard.type('sidecars');
  await expect(panel.getByRole('searchbox', { name: 'Search notes and talks' })).toHaveValue('sidecars');
  await expect(panel.getByRole('list', { name: 'Matching notes' })).toContainText('Ambient mesh drops the sidecars');
});

test('Edit puts the caret at the end of the note (a space does not close it); Enter saves and gives the caret back to Edit', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await caretInNoteBox(panel);
  await typeNote(panel, 'Kubernetes is');
  const note = notes(panel).first();
  await note.getByRole('button', { name: 'Edit' }).click();
  // The first key is a space: with the focus left on the button (now "Done") it closed the editor.
  await panel.keyboard.type(' great');
  await expect(note.getByRole('textbox', { name: 'Edit note' })).toHaveValue('Kubernetes is great');
  await panel.keyboard.press('Enter');
  await expect(note.locator('.note-text')).toHaveText('Kubernetes is great');
  await expect(note.getByRole('button', { name: 'Edit' })).toBeFocused();
  expect((await readTable<StoredNote>(panel, 'notes'))[0]!.text).toBe('Kubernetes is great');
});

test('the time editor opens with its time selected: typing replaces it, Enter saves and gives the caret back', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await caretInNoteBox(panel);
  await typeNote(panel, 'timed');
  const note = notes(panel).first();
  await note.getByRole('button', { name: /into the talk, change time/ }).click();
  await panel.keyboard.type('2:30');
  await panel.keyboard.press('Enter');
  const time = note.getByRole('button', { name: /^2:30 into the talk/ });
  await expect(time).toBeVisible();
  await expect(time).toBeFocused();
});

test('a kind chip picks the kind and gives the caret back to the note box', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await caretInNoteBox(panel);
  await panel.keyboard.type('Containers are not');
  await panel.getByRole('button', { name: 'Quote' }).click();
  await typeNote(panel, ' a security boundary');
  await expect(notes(panel).first()).toContainText('Quote');
  expect(await readTable<StoredNote>(panel, 'notes')).toEqual([
    expect.objectContaining({ kind: 'quote', text: 'Containers are not a security boundary' }),
  ]);
});

test('the kind chips are a named group of toggle buttons: Shift+Tab reaches each one, Space picks it and the caret goes back', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await expect(noteBox(panel)).toBeFocused();
  const kinds = panel.getByRole('group', { name: 'Kind of the next note' });
  await expect(kinds.getByRole('button', { name: 'Note', pressed: true })).toBeVisible();
  // One Tab stop per chip, in reading order backwards from the note box; arrow keys move nothing.
  await panel.keyboard.press('Shift+Tab');
  await expect(kinds.getByRole('button', { name: 'To do' })).toBeFocused();
  await panel.keyboard.press('Shift+Tab');
  await expect(kinds.getByRole('button', { name: 'Link' })).toBeFocused();
  await panel.keyboard.press('ArrowLeft');
  await expect(kinds.getByRole('button', { name: 'Link' })).toBeFocused();
  await expect(kinds.getByRole('button', { name: 'Note', pressed: true })).toBeVisible();
  await panel.keyboard.press('Space');
  await expect(kinds.getByRole('button', { name: 'Link', pressed: true })).toBeVisible();
  await expect(kinds.getByRole('button', { pressed: true })).toHaveCount(1);
  await expect(noteBox(panel)).toBeFocused();
  await typeNote(panel, 'https://example.org/slides');
  expect(await readTable<StoredNote>(panel, 'notes')).toEqual([expect.objectContaining({ kind: 'link' })]);
});

test('Option+letter on a Mac (a symbol for event.key, the letter for event.code) picks the kind and marks slides', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await expect(noteBox(panel)).toBeFocused();
  const cdp = await context.newCDPSession(panel);
  /** What macOS sends for Option+<key>: the symbol it types as `key`, the physical key as `code`. */
  const option = async (key: string, code: string) => {
    for (const type of ['rawKeyDown', 'keyUp'] as const)
      await cdp.send('Input.dispatchKeyEvent', { type, modifiers: 1, key, code });
  };
  const checked = panel.getByRole('group', { name: 'Kind of the next note' }).getByRole('button', { pressed: true });
  await option('†', 'KeyT');
  await expect(checked).toHaveText('Takeaway');
  await option('∂', 'KeyD');
  await expect(checked).toHaveText('To do');
  await typeNote(panel, 'Email the speaker');
  await option('ß', 'KeyS');
  await expect(notes(panel)).toHaveCount(2);
  await expect(noteBox(panel)).toHaveValue('');
  expect((await readTable<StoredNote>(panel, 'notes')).map((n) => n.kind).sort()).toEqual(['slide', 'todo']);
});

test('the help line names the keys as the platform does: ⌥ on a Mac, Alt elsewhere', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const linux = await panelAt360(openExtensionPage);
  const help = linux.locator('footer.shortcut-hint');
  await expect(help).toContainText('Shortcut: Alt+Shift+J opens this panel and jumps to the note box.');
  await expect(help).toContainText('Alt+T takeaway');
  await expect(help).toContainText('Shift+Enter new line');
  await expect(linux.getByRole('button', { name: 'Takeaway' })).toHaveAttribute('title', 'Alt+T');

  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' });
    Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => ({ platform: 'macOS' }) });
  });
  const mac = await panelAt360(openExtensionPage);
  const macHelp = mac.locator('footer.shortcut-hint');
  await expect(macHelp).toContainText('Shortcut: ⌥⇧J opens this panel');
  await expect(macHelp).toContainText(
    '⌥T takeaway · ⌥Q quote · ⌥A question · ⌥L link · ⌥D to do · ⌥P plain · ⌥S slide',
  );
  await expect(macHelp).toContainText('⇧Return new line');
  await expect(mac.getByRole('button', { name: 'Takeaway' })).toHaveAttribute('title', '⌥T');
});

test('with 30 notes in a 360×700 panel, the note just typed is on screen above the note box, and said to be saved', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(90_000);
  await clipSessions(context, [running]);
  const panel = await panelAt360(openExtensionPage);
  await expect(noteBox(panel)).toBeFocused(); // a paste, unlike keys, is not kept while the panel loads
  for (let i = 1; i <= 30; i++)
    await typeNote(panel, `Note ${i}: the speaker explains one more part of the rollout`, { paste: true });
  await expect(notes(panel)).toHaveCount(30);

  await typeNote(panel, 'The newest note, typed in the dark');
  const newest = notes(panel).last();
  await expect(newest).toContainText('The newest note, typed in the dark');
  await expect(panel.locator('.composer').getByRole('status')).toHaveText(
    'Note saved: The newest note, typed in the dark',
  );
  await expect(panel.locator('.composer')).toContainText('✓ Saved');
  const box = (await newest.boundingBox())!;
  const composer = (await panel.locator('.composer').boundingBox())!;
  const header = (await panel.locator('.panel-header').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
  expect(box.y + box.height).toBeLessThanOrEqual(composer.y);
  expect(composer.y + composer.height).toBeLessThanOrEqual(700);
  // The caret stays in the box for the next note.
  await expect(noteBox(panel)).toBeFocused();
});

/** Every visible piece of text: its computed font size, and the smallest. */
async function fontSizes(page: Page) {
  return page.evaluate(() => {
    const sizes: Array<{ size: number; text: string }> = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const own =
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) ||
        ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(el.tagName);
      if (!own) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width <= 1 || box.height <= 1) continue;
      sizes.push({
        size: parseFloat(style.fontSize),
        text: (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40),
      });
    }
    sizes.sort((a, b) => a.size - b.size);
    return {
      body: parseFloat(getComputedStyle(document.body).fontSize),
      smallest: sizes.slice(0, 3),
      count: sizes.length,
    };
  });
}

async function expectReadable(page: Page, where: string) {
  const sizes = await fontSizes(page);
  expect(sizes.count, `${where}: some text`).toBeGreaterThan(3);
  expect(sizes.body, `${where}: body text`).toBeGreaterThanOrEqual(13);
  expect(sizes.smallest[0]!.size, `${where}: smallest text ${JSON.stringify(sizes.smallest)}`).toBeGreaterThanOrEqual(
    11,
  );
}

test('text is readable at 360×700 in the side panel, popup and options: body ≥ 13 px, nothing under 11 px', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  test.setTimeout(90_000);
  const tab = await clipSessions(context, [running, later]);
  const panel = await panelAt360(openExtensionPage);
  await typeNote(panel, '! A takeaway with a badge');
  await panel.keyboard.press('Alt+s');
  await expect(notes(panel)).toHaveCount(2);
  await notes(panel).first().getByRole('button', { name: 'Edit' }).click();
  await expectReadable(panel, 'Now view, editing a note');
  await panel.keyboard.press('Escape');
  for (const view of ['Agenda', 'Search', 'Export']) {
    await panel.getByRole('button', { name: view, exact: true }).click();
    if (view === 'Search') await panel.keyboard.type('takeaway');
    await expectReadable(panel, `${view} view`);
  }
  const popup = await panelAt360(openExtensionPage, `popup.html?tab=${await tabIdOf(tab)}`);
  await expect(popup.getByRole('main')).toBeVisible();
  await expectReadable(popup, 'popup');
  const options = await panelAt360(openExtensionPage, 'options.html');
  await expect(options.getByRole('heading').first()).toBeVisible();
  await expectReadable(options, 'options');
});
