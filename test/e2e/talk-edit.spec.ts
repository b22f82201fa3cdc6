/**
 * Correcting, adding and deleting talks in the side panel, driven with real input: clicks and key
 * presses go to whatever has the focus (CDP Input events); the test never focuses or fills a
 * field itself, so the editor's own focus handling is what is under test.
 */
import type { Page } from '@playwright/test';
import { expect, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

// Long user paths on a shared machine: generous, not tight.
test.describe.configure({ timeout: 90_000 });

const now = Date.now();
const running: SessionSpec = {
  id: 'd'.repeat(32),
  title: 'Running Talk',
  start: now - 10 * MINUTE,
  minutes: 40,
  room: 'Room 101',
};
const other: SessionSpec = {
  id: 'e'.repeat(32),
  title: 'Other Talk',
  start: now - 10 * MINUTE,
  minutes: 20,
  room: 'Room 102',
};

interface StoredTalk {
  id: string;
  title: string;
  start: string | null;
  end: string | null;
  timeZone: string | null;
  room: string | null;
  speakers: Array<{ name: string; role: string | null; company: string | null }>;
  editedFields?: string[];
  source: string;
  url: string;
  conferenceId: string | null;
  notAttended?: boolean;
}

/** The element that has the focus, described (the test reads it, never sets it). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const label =
      el?.closest('label')?.querySelector('span')?.textContent ??
      el?.getAttribute('aria-label') ??
      el?.textContent ??
      '';
    return `${el?.tagName.toLowerCase()}:${label.trim()}`;
  });

/**
 * Tab out of a date or time field: Chromium makes each of its parts (month, day, year; hour,
 * minute, AM/PM) a tab stop, as a person meets them too.
 */
async function tabOut(page: Page) {
  const from = await focused(page);
  for (let i = 0; i < 4 && (await focused(page)) === from; i++) await page.keyboard.press('Tab');
}

const valueOfFocused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement).value);

/** Select the focused field's text and type over it, as a person would (Ctrl+A, then keys). */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('a clipped talk is corrected with the keyboard: title, time and zone, a speaker’s company; a later clip keeps the edits', async ({
  context,
  openExtensionPage,
}) => {
  const sessionPage = await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const header = panel.getByRole('region', { name: 'Current talk' });
  await expect(header.getByRole('heading', { name: 'Running Talk' })).toBeVisible();
  // Picked by hand, so it stays on screen once its time moves to another day.
  const picker = panel.getByRole('combobox', { name: 'Talk to take notes for' });
  await picker.selectOption((await picker.locator('option', { hasText: 'Running Talk' }).getAttribute('value'))!);

  await header.getByRole('button', { name: 'Edit talk: Running Talk' }).click();
  const editor = panel.getByRole('form', { name: 'Edit talk' });
  await expect(editor).toBeVisible();
  // The editor put the caret in its first field by itself.
  await expect.poll(() => focused(panel)).toBe('input:Title');
  await typeOver(panel, 'Running Talk, corrected');

  await panel.keyboard.press('Tab');
  expect(await focused(panel)).toBe('input:Day');
  await panel.keyboard.type('03232026');
  expect(await valueOfFocused(panel)).toBe('2026-03-23');
  await tabOut(panel);
  expect(await focused(panel)).toBe('input:Starts');
  await panel.keyboard.type('0215PM');
  expect(await valueOfFocused(panel)).toBe('14:15');
  await tabOut(panel);
  expect(await focused(panel)).toBe('input:Ends');
  await panel.keyboard.type('0300PM');
  expect(await valueOfFocused(panel)).toBe('15:00');
  await tabOut(panel);
  expect(await focused(panel)).toBe('input:Time zone (a city, e.g. Europe/Vienna)');
  await typeOver(panel, 'Europe/Vienna');
  // Room, Track, then the first speaker's name, role and company.
  for (const label of ['Room', 'Track (comma-separated)', 'Name', 'Role', 'Company']) {
    await panel.keyboard.press('Tab');
    expect(await focused(panel)).toBe(`input:${label}`);
  }
  await typeOver(panel, 'Acme Cloud');
  await panel.keyboard.press('Enter');

  await expect(editor).toBeHidden();
  await expect(header.getByRole('heading', { name: 'Running Talk, corrected' })).toBeVisible();
  await expect(header.getByRole('list', { name: 'Speakers' })).toContainText(
    'Jane Doe · Staff Engineer, Developer Experience, Acme Cloud',
  );
  await expect(header).toContainText(/2:15\s*–\s*3:00\s*PM CET/);
  // Focus went back to the Edit button.
  await expect.poll(() => focused(panel)).toBe('button:Edit talk: Running Talk, corrected');

  let [talk] = await readTable<StoredTalk>(panel, 'talks');
  expect(talk).toMatchObject({
    title: 'Running Talk, corrected',
    start: '2026-03-23T14:15:00+01:00',
    end: '2026-03-23T15:00:00+01:00',
    timeZone: 'Europe/Vienna',
  });
  expect(talk!.speakers[0]).toMatchObject({ name: 'Jane Doe', company: 'Acme Cloud' });
  expect(talk!.editedFields!.sort()).toEqual(['end', 'speakers', 'start', 'timeZone', 'title']);

  // Clipping the page again brings nothing back over the edits.
  await sessionPage.reload();
  await sessionPage.getByRole('button', { name: /Clip(ped)? talk/ }).click();
  await expect(sessionPage.getByRole('button', { name: 'Clipped talk' })).toBeVisible();
  [talk] = await readTable<StoredTalk>(panel, 'talks');
  expect(talk).toMatchObject({ title: 'Running Talk, corrected', timeZone: 'Europe/Vienna' });
  expect(talk!.speakers[0]!.company).toBe('Acme Cloud');
});

test('the editor refuses a link that is not http(s) and a zone abbreviation, on their fields', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Edit talk: Running Talk' }).click();
  const editor = panel.getByRole('form', { name: 'Edit talk' });
  await expect.poll(() => focused(panel)).toBe('input:Title');
  await editor.getByLabel('Time zone (a city, e.g. Europe/Vienna)').click();
  await typeOver(panel, 'CET');
  await editor.getByLabel('Recording').click();
  await typeOver(panel, 'javascript:alert(1)');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('“CET” is an abbreviation')).toBeVisible();
  await expect(editor.getByText('“javascript:alert(1)” is not a web address')).toBeVisible();
  // The first field in error has the focus.
  await expect.poll(() => focused(panel)).toBe('input:Time zone (a city, e.g. Europe/Vienna)');
  const [talk] = await readTable<StoredTalk>(panel, 'talks');
  expect(talk!.timeZone).not.toBe('CET');
  // Another tab leaves the editor, as Cancel does: nothing is stored.
  await panel.getByRole('button', { name: 'Agenda', exact: true }).click();
  await expect(editor).toBeHidden();
  await expect(panel.getByRole('article', { name: 'Running Talk' })).toBeVisible();
  expect((await readTable<StoredTalk>(panel, 'talks'))[0]).toEqual(talk);
});

test('a hallway talk is added by hand: now, in the viewer’s zone, in the current conference, and notes go to it', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Add a talk' }).click();
  const editor = panel.getByRole('form', { name: 'Add a talk' });
  await expect.poll(() => focused(panel)).toBe('input:Title');
  const viewerZone = await panel.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(editor.getByLabel('Time zone (a city, e.g. Europe/Vienna)')).toHaveValue(viewerZone);
  await panel.keyboard.type('Hallway: eBPF with Liz');
  await editor.getByRole('button', { name: 'Add a speaker' }).click();
  expect(await focused(panel)).toBe('input:Name');
  // Each speaker's fields are a group named for a screen reader (a <fieldset> and its legend).
  await expect(editor.getByRole('group', { name: 'Speaker 1' }).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await panel.keyboard.type('Liz Rice');
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Tab');
  await panel.keyboard.type('Isovalent');
  await panel.keyboard.press('Enter');

  const header = panel.getByRole('region', { name: 'Current talk' });
  await expect(header.getByRole('heading', { name: 'Hallway: eBPF with Liz' })).toBeVisible();
  await expect(header.getByRole('list', { name: 'Speakers' })).toContainText('Liz Rice · Isovalent');
  const talks = await readTable<StoredTalk>(panel, 'talks');
  const hallway = talks.find((t) => t.title === 'Hallway: eBPF with Liz')!;
  const clipped = talks.find((t) => t.title === 'Running Talk')!;
  expect(hallway).toMatchObject({
    source: 'manual',
    url: '',
    timeZone: viewerZone,
    conferenceId: clipped.conferenceId,
  });
  expect(Math.abs(Date.parse(hallway.start!) - Date.now())).toBeLessThan(2 * MINUTE);

  // Notes go to it.
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.click();
  await panel.keyboard.type('Tetragon for runtime enforcement');
  await panel.keyboard.press('Enter');
  await expect
    .poll(async () => (await readTable<{ talkId: string }>(panel, 'notes')).map((n) => n.talkId))
    .toEqual([hallway.id]);
});

async function addNote(panel: Page, text: string) {
  await panel.getByRole('textbox', { name: 'Note' }).click();
  await panel.keyboard.type(text);
  await panel.keyboard.press('Enter');
}

test('deleting a talk asks first, takes its notes, and Undo brings everything back; without Undo it stays gone', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running, other]);
  const panel = await openExtensionPage('sidepanel.html');
  const picker = panel.getByRole('combobox', { name: 'Talk to take notes for' });
  await picker.selectOption((await picker.locator('option', { hasText: 'Running Talk' }).getAttribute('value'))!);
  await addNote(panel, 'a note to keep');
  await expect.poll(async () => (await readTable(panel, 'notes')).length).toBe(1);

  await panel.getByRole('button', { name: 'Edit talk: Running Talk' }).click();
  await panel.getByRole('button', { name: 'Delete…' }).click();
  const confirm = panel.getByRole('alertdialog', { name: 'Delete this talk?' });
  await expect(confirm).toContainText('Delete “Running Talk” with its 1 note?');
  expect(await focused(panel)).toBe('button:Delete talk');
  await panel.keyboard.press('Enter');

  const toast = panel.locator('.toast');
  await expect(toast).toContainText('Deleted “Running Talk” and 1 note.');
  expect((await readTable<StoredTalk>(panel, 'talks')).map((t) => t.title)).toEqual(['Other Talk']);
  expect(await readTable(panel, 'notes')).toEqual([]);
  // The keyboard is on Undo.
  await expect.poll(() => focused(panel)).toBe('button:Undo');
  await panel.keyboard.press('Enter');
  await expect
    .poll(async () => (await readTable<StoredTalk>(panel, 'talks')).map((t) => t.title).sort())
    .toEqual(['Other Talk', 'Running Talk']);
  expect(await readTable<{ text: string }>(panel, 'notes')).toEqual([
    expect.objectContaining({ text: 'a note to keep' }),
  ]);

  // Deleted again, and left: it stays gone.
  await panel.getByRole('button', { name: 'Edit talk: Running Talk' }).click();
  await panel.getByRole('button', { name: 'Delete…' }).click();
  await panel.getByRole('button', { name: 'Delete talk' }).click();
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 15_000 });
  expect((await readTable<StoredTalk>(panel, 'talks')).map((t) => t.title)).toEqual(['Other Talk']);
  expect(await readTable(panel, 'notes')).toEqual([]);
});
