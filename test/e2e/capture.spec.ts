/**
 * Live capture through the REAL side panel with REAL keys: the shortcut pressed with xdotool in a
 * visible (Xvfb) window, the panel Chrome opens next to the tab, text typed with xdotool into
 * whatever has the keyboard focus. Nothing here focuses a field: where the typed text lands is
 * what is tested. (How the panel is reached: side-panel.ts.)
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, pressShortcut, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';
import { waitForCaretInNoteBox, type RealSidePanel } from './side-panel';

test.use({ headed: true });
test.describe.configure({ mode: 'default' });

const OPEN_PANEL = 'alt+shift+j';
const running: SessionSpec = {
  id: 'd'.repeat(32),
  title: 'Live Capture Talk',
  start: Date.now() - 20 * MINUTE,
  minutes: 45,
  room: 'Hall B',
};

interface StoredNote {
  id: string;
  talkId: string;
  text: string;
  kind: string;
  createdAt: number;
}

/**
 * Every key the web page receives, to prove typed text did not go there. A plain area covers the
 * page's top left, so a click there lands on the page itself (not a link, not the video).
 */
async function logPageKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const area = document.body.appendChild(document.createElement('div'));
    area.style.cssText = 'position:fixed;top:0;left:0;width:50vw;height:60vh;z-index:2147483647';
    (window as unknown as { typed: string }).typed = '';
    addEventListener(
      'keydown',
      (e) => ((window as unknown as { typed: string }).typed += e.key.length === 1 ? e.key : ''),
      true,
    );
  });
}
const pageTyped = (page: Page) => page.evaluate(() => (window as unknown as { typed: string }).typed);

/** Type as a person: into whatever has the keyboard focus in the active window. */
function typeKeys(text: string, ...then: string[]): void {
  execFileSync('xdotool', ['type', '--delay', '40', text]);
  if (then.length) execFileSync('xdotool', ['key', ...then]);
}

/** Click with the real mouse into the web page (its top left, clear of the side panel and the video), as a person reading it would. */
function clickIntoPage(): void {
  const geometry = execFileSync('xdotool', ['getwindowfocus', 'getwindowgeometry', '--shell']).toString();
  const value = (name: string) => Number(new RegExp(`^${name}=(\\d+)$`, 'm').exec(geometry)?.[1] ?? NaN);
  execFileSync('xdotool', ['mousemove', '--sync', String(value('X') + 60), String(value('Y') + 200), 'click', '1']);
}

/** Thirty notes already taken for the talk, spread over the last twenty minutes. */
async function seedNotes(page: Page, talkId: string, count: number): Promise<void> {
  const now = Date.now();
  const notes = Array.from({ length: count }, (_, i) => ({
    id: `seed-${String(i).padStart(3, '0')}`,
    talkId,
    kind: 'plain',
    text: `Earlier note ${i + 1}: the speaker walks through another slide of the architecture`,
    createdAt: now - (count - i) * 30_000,
    updatedAt: now - (count - i) * 30_000,
  }));
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('talkmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('notes', 'readwrite');
          for (const row of rows) tx.objectStore('notes').put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    notes,
  );
}

const noteBoxText = (panel: RealSidePanel) =>
  panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Note"]')!.value);

test('the shortcut opens the side panel with the caret in the note box: what is typed is a note, not keys for the page', async ({
  context,
  extensionId,
  openExtensionPage,
}) => {
  const page = await clipSessions(context, [running]);
  const helper = await openExtensionPage('options.html');
  const [talk] = await readTable<{ id: string }>(helper, 'talks');
  await seedNotes(helper, talk!.id, 30);
  await helper.close();
  await logPageKeys(page);

  await pressShortcut(page, OPEN_PANEL);
  const panel = await waitForCaretInNoteBox(context, page, extensionId);
  typeKeys('Sidecars are optional with ambient mesh', 'Return');

  await expect
    .poll(() =>
      panel.evaluate(
        () => [...document.querySelectorAll('[aria-label="Notes of this talk"] li')].pop()?.textContent ?? '',
      ),
    )
    .toContain('Sidecars are optional with ambient mesh');
  expect(await pageTyped(page)).toBe('');
  // The note just added is on screen in the real panel, above the note box pinned to its bottom.
  const placement = await panel.evaluate(() => {
    const last = [...document.querySelectorAll('[aria-label="Notes of this talk"] li')].pop()!.getBoundingClientRect();
    const box = document.querySelector('.composer')!.getBoundingClientRect();
    return {
      top: last.top,
      bottom: last.bottom,
      composerTop: box.top,
      height: innerHeight,
      width: innerWidth,
      status: document.querySelector('.composer [role="status"]')?.textContent,
    };
  });
  expect(placement.top).toBeGreaterThanOrEqual(0);
  expect(placement.bottom).toBeLessThanOrEqual(placement.composerTop);
  expect(placement.composerTop).toBeLessThan(placement.height);
  expect(placement.status).toContain('Note saved');
  const stored = await readTable<StoredNote>(await openExtensionPage('options.html'), 'notes');
  expect(stored.filter((n) => n.text === 'Sidecars are optional with ambient mesh')).toHaveLength(1);
});

test('pressed again while reading the page, the shortcut takes the caret back to the note box', async ({
  context,
  extensionId,
}) => {
  const page = await clipSessions(context, [running]);
  await logPageKeys(page);
  await pressShortcut(page, OPEN_PANEL);
  const first = await waitForCaretInNoteBox(context, page, extensionId);
  typeKeys('first thought');
  await expect.poll(() => noteBoxText(first)).toBe('first thought');

  // The person clicks into the page (the slides) and types there: the page has the keyboard now.
  clickIntoPage();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
  typeKeys('k');
  await expect.poll(() => pageTyped(page)).toBe('k');

  // The shortcut again, the panel still open: the caret is back in the note box, the draft kept.
  await pressShortcut(page, OPEN_PANEL);
  const again = await waitForCaretInNoteBox(context, page, extensionId);
  typeKeys(' and a second one');
  await expect.poll(() => noteBoxText(again)).toBe('first thought and a second one');
  expect(await pageTyped(page)).toBe('k');
});
