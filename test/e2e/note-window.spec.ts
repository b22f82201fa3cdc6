/**
 * A talk with many notes, in a 360×700 panel: the panel draws the newest notes first and the
 * older ones a moment later (components/useNoteWindow.ts). The newest note stays in view above
 * the note box, the caret in the box, and the oldest note is reached by scrolling up — with the
 * mouse wheel and with keys, as a person would. No test here focuses or fills a field itself.
 */
import type { Locator, Page } from '@playwright/test';
import { makeNote, makeTalk } from '../unit/notes/factories';
import { expect, test, writeTable } from './fixtures';

const COUNT = 150;
const now = Date.now();
const talk = makeTalk({
  id: 'window-talk',
  title: 'The talk with many notes',
  startAt: now - 60 * 60_000,
  endAt: now + 30 * 60_000,
  timeZone: 'UTC',
  source: 'manual',
  url: '',
});
const notes = Array.from({ length: COUNT }, (_, i) =>
  makeNote({
    id: `note-${String(i).padStart(3, '0')}`,
    talkId: talk.id,
    text: `Note ${i}: what the speaker said at this point of the talk`,
    createdAt: talk.startAt! + i * 20_000,
    updatedAt: talk.startAt! + i * 20_000,
  }),
);
const noteText = (panel: Page, i: number) => panel.getByText(`Note ${i}: what the speaker said`, { exact: false });
/** Below the sticky header and inside the window (isVisible() says only that it is drawn). */
const onScreen = (panel: Page, i: number) =>
  noteText(panel, i).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const header = document.querySelector('.panel-header')!.getBoundingClientRect().bottom;
    return box.top >= header && box.bottom <= innerHeight;
  });

async function panelWithNotes(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  await expect(panel.getByRole('textbox', { name: 'Note' }).or(panel.getByText('Clip a talk'))).toBeVisible();
  await writeTable(panel, 'talks', [talk]);
  await writeTable(panel, 'notes', notes);
  await panel.reload(); // a raw write is not seen by the live queries of a page that is open
  return panel;
}

/** Wholly on screen between the sticky header and the pinned note box. */
async function expectBetweenHeaderAndBox(panel: Page, item: Locator) {
  const box = (await item.boundingBox())!;
  const composer = (await panel.locator('.composer').boundingBox())!;
  const header = (await panel.locator('.panel-header').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(composer.y + 1);
}

/** The panel on the talk, the caret in the note box, every note drawn (the window has grown). */
async function panelAllDrawn(openExtensionPage: (path: string) => Promise<Page>) {
  const panel = await panelWithNotes(openExtensionPage);
  await expect(panel.getByRole('textbox', { name: 'Note' })).toBeFocused({ timeout: 15_000 });
  const items = panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem');
  await expect(items).toHaveCount(COUNT, { timeout: 15_000 });
  return { panel, items };
}

test('a talk with 150 notes opens on its newest note with the caret in the box; the wheel reaches the oldest', async ({
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  // Every note is in the page a moment after the first frame, and the newest is still in view.
  const { panel, items } = await panelAllDrawn(openExtensionPage);
  await expectBetweenHeaderAndBox(panel, items.last());
  await expect(items.last()).toContainText(`Note ${COUNT - 1}:`);
  // The wheel over the notes, upwards, until the oldest note shows.
  await panel.mouse.move(180, 300);
  for (let i = 0; i < 60 && !(await onScreen(panel, 0)); i++) {
    await panel.mouse.wheel(0, -800);
    await panel.waitForTimeout(50);
  }
  expect(await onScreen(panel, 0)).toBe(true);
  await expect(items.first()).toContainText('Note 0:');
  // Typing still lands in the note box: scrolling took no focus.
  await panel.keyboard.type('after scrolling');
  await expect(panel.getByRole('textbox', { name: 'Note' })).toHaveValue('after scrolling');
});

test('Shift+Tab out of the note box and Home reach the oldest note', async ({ openExtensionPage }) => {
  test.setTimeout(120_000);
  const panel = await panelWithNotes(openExtensionPage);
  await expect(panel.getByRole('textbox', { name: 'Note' })).toBeFocused({ timeout: 15_000 });
  // Out of the text box (where Home moves the caret) to a note's button, then Home scrolls the page.
  await panel.keyboard.press('Shift+Tab');
  await expect(panel.getByRole('textbox', { name: 'Note' })).not.toBeFocused();
  for (let i = 0; i < 30 && !(await onScreen(panel, 0)); i++) {
    await panel.keyboard.press('Home');
    await panel.waitForTimeout(200);
  }
  expect(await onScreen(panel, 0)).toBe(true);
});

test('back from the Agenda, the Now view shows its newest note again', async ({ openExtensionPage }) => {
  test.setTimeout(120_000);
  const { panel, items } = await panelAllDrawn(openExtensionPage);
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await expect(panel.getByRole('heading', { name: talk.title })).toBeVisible();
  await panel.getByRole('button', { name: 'Now', exact: true }).click();
  await expect(items).toHaveCount(COUNT, { timeout: 15_000 });
  await expect(items.last()).toContainText(`Note ${COUNT - 1}:`);
  await expectBetweenHeaderAndBox(panel, items.last());
});
