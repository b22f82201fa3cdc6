/**
 * The popup on a page that is not a schedule (a blog post): Highlight and the talk the page's
 * highlights go to come first; clipping it as a talk comes second, says what it could not read,
 * and opens the new talk in the side panel's editor. Headed: the popup reaches such a page only
 * through activeTab, granted by a real key press (xdotool under Xvfb).
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, OWN_FIXTURES, pressShortcut, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

// Long user paths on a shared machine: generous, not tight.
test.describe.configure({ timeout: 90_000 });

test.use({ headed: true });
test.describe.configure({ mode: 'default' });

const BLOG = 'https://blog.example.dev/paved-roads';
const linked: SessionSpec = {
  id: '1'.repeat(32),
  title: 'Paved Roads Talk',
  start: Date.now() - 90 * MINUTE,
  minutes: 30,
  descriptionLink: BLOG,
};
const another: SessionSpec = {
  id: '2'.repeat(32),
  title: 'Another Talk',
  start: Date.now() - 30 * MINUTE,
  minutes: 30,
  descriptionLink: 'https://elsewhere.example/post',
};

interface StoredTalk {
  id: string;
  title: string;
  source: string;
  start: string | null;
  links: string[];
}

/** The blog post in a tab the user invoked Talkmark on, and the popup for it. */
async function popupOnBlog(
  context: BrowserContext,
  serve: (url: string, body: { file: string }) => Promise<void>,
  openExtensionPage: (path: string) => Promise<Page>,
  serviceWorker: { evaluate: <T>(fn: () => Promise<T>) => Promise<T> },
) {
  await serve(BLOG, { file: join(OWN_FIXTURES, 'articles/blog-post-og.html') });
  const page = await context.newPage();
  await page.goto(BLOG);
  await pressShortcut(page, 'alt+shift+h');
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  return { page, popup };
}

test('on a blog post the popup leads with Highlight and the talk picker; “Clip this talk” is not offered', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  await clipSessions(context, [linked, another]);
  const { popup } = await popupOnBlog(context, serve, openExtensionPage, serviceWorker);
  const picker = popup.getByRole('combobox', { name: 'Talk this page’s highlights go to' });
  await expect(picker).toBeVisible();
  // The first button is Highlight, drawn as the main action.
  const first = popup.getByRole('button').first();
  await expect(first).toHaveText('Highlight on this page');
  await expect(first).not.toHaveClass(/secondary/);
  await expect(popup.getByRole('button', { name: 'Clip this talk' })).toHaveCount(0);
  // The talk whose description links the post is chosen by itself.
  const talks = await readTable<StoredTalk>(popup, 'talks');
  const paved = talks.find((t) => t.title === linked.title)!;
  const other = talks.find((t) => t.title === another.title)!;
  await expect(picker).toHaveValue(paved.id);
  // The extractor's warning is shown before anything is clipped.
  await expect(popup.getByText('Only this page’s title could be read')).toBeVisible();

  // The user sends the page to the other talk: the page is attached to it.
  await picker.selectOption(other.id);
  await expect(popup.getByRole('status').filter({ hasText: 'go to' })).toHaveText(
    'Highlights on this page go to “Another Talk”.',
  );
  const after = await readTable<StoredTalk>(popup, 'talks');
  expect(after.find((t) => t.id === other.id)!.links).toEqual([BLOG]);
});

test('a thin clip says what it missed and opens the talk in the side panel’s editor', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  const { popup } = await popupOnBlog(context, serve, openExtensionPage, serviceWorker);
  await popup.getByRole('button', { name: 'Clip it as a talk anyway' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'could be read' })).toContainText(
    'Only this page’s title could be read: its time, room and speakers are unknown.',
  );
  await expect(popup.getByRole('status').filter({ hasText: 'could be read' })).toContainText('open in the side panel');
  const [talk] = await readTable<StoredTalk>(popup, 'talks');
  expect(talk).toMatchObject({
    source: 'opengraph',
    title: 'Paved Roads, Not Golden Cages: What Our Platform Team Learned',
    start: null,
  });

  // The side panel shows the editor on it (Chromium may have opened its real panel too, which
  // Playwright cannot reach: the panel opened as a page shows the same request).
  const panel = await openExtensionPage('sidepanel.html');
  const editor = panel.getByRole('form', { name: 'Edit talk' });
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Title')).toHaveValue('Paved Roads, Not Golden Cages: What Our Platform Team Learned');
  await expect(editor.getByRole('status')).toContainText('Only this page’s title could be read');
  await expect
    .poll(() => panel.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
    .toBe('Paved Roads, Not Golden Cages: What Our Platform Team Learned');
  // Completed with the keyboard: a room, then Enter saves; the request is done with.
  await editor.getByRole('textbox', { name: 'Room' }).click();
  await panel.keyboard.type('Hallway');
  await panel.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect
    .poll(
      async () =>
        (await readTable<{ key: string; value: unknown }>(panel, 'settings')).find((s) => s.key === 'editTalkRequest')
          ?.value ?? null,
    )
    .toBeNull();
  expect((await readTable<StoredTalk & { room: string }>(panel, 'talks'))[0]!.room).toBe('Hallway');
});
