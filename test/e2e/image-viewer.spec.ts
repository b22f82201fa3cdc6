/**
 * The full image view (#17) with real key presses (CDP key events through page.keyboard): Tab
 * and Shift+Tab stay inside it, the panel under it does not scroll, Escape closes it and the
 * focus is back on the thumbnail that opened it.
 */
import { alpha, typeNotes } from './export-helpers';
import { expect, test } from './fixtures';
import { copySlidePng, readImages } from './images';
import { clipSessions } from './pages';

test.use({ headed: true }); // a real paste of a picture (the clipboard), as slides.spec.ts does

test('the full view traps Tab, locks the scroll, and Escape returns the focus to its thumbnail', async ({
  context,
  openExtensionPage,
  serve,
}) => {
  await clipSessions(context, [alpha]);
  await copySlidePng(context, serve);

  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  // Enough notes that the panel scrolls; the picture note in the middle of them.
  await typeNotes(
    panel,
    alpha.title,
    Array.from({ length: 8 }, (_, i) => `Note ${i + 1} about budgets and the numbers behind them`),
  );
  await panel.bringToFront();
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.click();
  await panel.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await readImages(panel)).length).toBe(1);
  for (let i = 9; i <= 14; i++) {
    await box.fill(`Note ${i} after the photo, long enough to take a line or two`);
    await box.press('Enter');
  }
  const thumb = panel.getByRole('button', { name: 'Show the picture full size: Photo' });
  await thumb.scrollIntoViewIfNeeded();
  expect(await panel.evaluate(() => document.documentElement.scrollHeight > innerHeight + 200)).toBe(true);
  await thumb.click();
  const dialog = panel.getByRole('dialog', { name: 'Picture: Photo' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Photo' })).toBeVisible();
  const focused = () =>
    panel.evaluate(() => {
      const el = document.activeElement;
      return { inside: !!el?.closest('[role=dialog]'), text: el?.textContent ?? '' };
    });
  expect(await focused()).toEqual({ inside: true, text: 'Close' });

  // Tab, Tab, Shift+Tab: the focus never leaves the viewer.
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Tab']) {
    await panel.keyboard.press(key);
    expect(await focused(), key).toEqual({ inside: true, text: 'Close' });
  }
  // The page under it does not scroll: wheel, PageDown, Space, End.
  const scrollY = () => panel.evaluate(() => scrollY);
  const before = await scrollY();
  await panel.mouse.move(180, 350);
  await panel.mouse.wheel(0, 600);
  for (const key of ['PageDown', 'End', 'ArrowDown']) await panel.keyboard.press(key);
  await panel.waitForTimeout(300); // smooth scrolling would have moved by now
  expect(await scrollY()).toBe(before);

  await panel.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Show the picture full size: Photo',
  );
  // Unlocked again: the wheel scrolls the panel.
  await panel.mouse.wheel(0, -400);
  await expect.poll(scrollY).not.toBe(before);
});
