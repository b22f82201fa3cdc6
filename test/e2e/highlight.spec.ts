import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, OWN_FIXTURES, pressShortcut, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

// Real shortcuts need a real (Xvfb) window: that is how activeTab is granted, as for a user.
test.use({ headed: true });
// One headed browser at a time: keyboard focus is a property of the whole display.
test.describe.configure({ mode: 'default' });

const ARTICLE_URL = 'https://fieldnotes.example.dev/2025/09/paved-roads-not-golden-cages/';
const ARTICLE = readFileSync(join(OWN_FIXTURES, 'articles/paved-roads.html'), 'utf8');
const QUOTE = 'The platform team became a bottleneck, not because it was slow';

const linkingTalk: SessionSpec = {
  id: '1'.repeat(32),
  title: 'Paved Roads Talk',
  start: Date.now() - 3 * 60 * MINUTE,
  minutes: 30,
  descriptionLink: ARTICLE_URL,
};
const nowTalk: SessionSpec = {
  id: '2'.repeat(32),
  title: 'Talk Happening Now',
  start: Date.now() - 5 * MINUTE,
  minutes: 40,
};

interface StoredHighlight {
  id: string;
  talkId: string | null;
  pageUrl: string;
  quote: { exact: string };
  orphanedAt?: number | null;
  color: string;
}

/**
 * Find `text` on the page and either select it (as a drag would leave it) or return its
 * on-screen box (to drag or click over it like a person).
 */
async function findText(page: Page, text: string, action: 'select' | 'box') {
  return page.evaluate(
    ([needle, what]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle!.length);
        if (what === 'select') {
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return null;
        }
        node.parentElement!.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0]!;
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      throw new Error(`"${needle}" is not on the page`);
    },
    [text, action] as const,
  );
}

const select = (page: Page, text: string) => findText(page, text, 'select');
const boxOf = async (page: Page, text: string) => (await findText(page, text, 'box'))!;

const paintedCount = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights?.values() ?? [])].reduce((n, h) => n + h.size, 0));

test('a highlight made with the shortcut goes to the talk that links the post, and is painted again on a later visit', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [linkingTalk, nowTalk]);
  let article = ARTICLE;
  await context.route(ARTICLE_URL, (route) => route.fulfill({ contentType: 'text/html', body: article }));
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);

  await select(page, QUOTE);
  await pressShortcut(page, 'alt+shift+h');
  await expect(page.getByRole('status')).toContainText(
    'Highlighted. Comments and the talk it belongs to are in the Talkmark side panel.',
  );
  await expect.poll(() => paintedCount(page)).toBe(1);

  const panel = await openExtensionPage('sidepanel.html');
  const talks = await readTable<{ id: string; title: string }>(panel, 'talks');
  const [stored] = await readTable<StoredHighlight>(panel, 'highlights');
  expect(stored).toMatchObject({
    pageUrl: ARTICLE_URL,
    quote: { exact: QUOTE },
    talkId: talks.find((t) => t.title === 'Paved Roads Talk')!.id,
  });

  // A later visit: the shortcut (no selection) brings the highlighter back, which repaints.
  await page.reload();
  expect(await paintedCount(page)).toBe(0);
  await pressShortcut(page, 'alt+shift+h');
  await expect.poll(() => paintedCount(page)).toBe(1);

  // The author fixed a typo nearby and reworded a little: still found (fuzzy).
  article = ARTICLE.replace(
    'became a bottleneck, not because it was slow',
    'became the bottleneck, not because it was slow',
  );
  await page.reload();
  await pressShortcut(page, 'alt+shift+h');
  await expect.poll(() => paintedCount(page)).toBe(1);

  // The paragraph is gone: the highlight is kept, as an orphan.
  article = ARTICLE.replace(/<p>Two years ago[\s\S]*?<\/p>/, '');
  await page.reload();
  await pressShortcut(page, 'alt+shift+h');
  await expect
    .poll(async () => (await readTable<StoredHighlight>(panel, 'highlights'))[0]?.orphanedAt ?? null)
    .not.toBeNull();
  expect(await paintedCount(page)).toBe(0);
  expect(await readTable(panel, 'highlights')).toHaveLength(1);
});

test('on the page: select with the mouse, press the floating button; click a highlight to recolour or delete it, with undo', async ({
  context,
  openExtensionPage,
  serviceWorker,
}) => {
  await clipSessions(context, [linkingTalk]);
  await context.route(ARTICLE_URL, (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE }));
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  await pressShortcut(page, 'alt+shift+h'); // the highlighter joins the page (nothing selected yet)
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.tabs.sendMessage(tab!.id!, { type: 'highlighter-ping' }).catch(() => false);
      }),
    )
    .toBe(true);
  // Nothing painted, nothing shown yet: nothing of ours is in the page.
  await expect(page.locator('talkmark-highlighter, style[data-talkmark-ignore]')).toHaveCount(0);

  const phrase = 'A paved road is a default, not a mandate.';
  const box = await boxOf(page, phrase);
  await page.mouse.move(box.left + 1, (box.top + box.bottom) / 2);
  await page.mouse.down();
  await page.mouse.move(box.right - 1, (box.top + box.bottom) / 2, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('toolbar', { name: 'Talkmark selection' }).getByRole('button', { name: 'Highlight' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Highlighted. Comments and the talk it belongs to are in the Talkmark side panel.',
  );
  await expect.poll(() => paintedCount(page)).toBe(1);
  const panel = await openExtensionPage('sidepanel.html');
  await expect
    .poll(async () => (await readTable<StoredHighlight>(panel, 'highlights')).map((h) => h.quote.exact))
    .toEqual([phrase]);
  // The page can read our in-page UI: it must learn nothing of the user's data from it.
  expect(
    await page.evaluate(
      () =>
        document.documentElement.outerHTML +
        (document.querySelector('talkmark-highlighter')?.shadowRoot?.innerHTML ?? ''),
    ),
  ).not.toContain('Paved Roads Talk');

  // Click the painted text: its toolbar offers colours and delete.
  await page.bringToFront();
  const painted = await boxOf(page, 'a default, not');
  await page.mouse.click((painted.left + painted.right) / 2, (painted.top + painted.bottom) / 2);
  const toolbar = page.getByRole('toolbar', { name: 'Talkmark highlight' });
  await toolbar.getByRole('button', { name: 'Colour green' }).click();
  await expect.poll(async () => (await readTable<StoredHighlight>(panel, 'highlights'))[0]?.color).toBe('green');

  await page.mouse.click((painted.left + painted.right) / 2, (painted.top + painted.bottom) / 2);
  await toolbar.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => paintedCount(page)).toBe(0);
  await expect.poll(async () => (await readTable(panel, 'highlights')).length).toBe(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => paintedCount(page)).toBe(1);
  expect(await readTable<StoredHighlight>(panel, 'highlights')).toMatchObject([
    { quote: { exact: phrase }, color: 'green' },
  ]);
});

test('the side panel lists a talk’s highlights with their page; they can be moved, recoloured and deleted with undo', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [linkingTalk, nowTalk]);
  await context.route(ARTICLE_URL, (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE }));
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  await select(page, QUOTE);
  await pressShortcut(page, 'alt+shift+h');
  await expect(page.getByRole('status')).toContainText('Highlighted.');

  let panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await panel.getByRole('button', { name: 'Take notes for Paved Roads Talk' }).click();
  let list = panel.getByRole('list', { name: 'Highlights of this talk' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText(QUOTE);
  await expect(list.getByRole('link', { name: /Paved Roads, Not Golden Cages/ })).toHaveAttribute(
    'href',
    `${ARTICLE_URL}#:~:text=The%20platform%20team%20became%20a%20bottleneck%2C%20not%20because%20it%20was%20slow`,
  );

  // Recolour from the panel: the open page repaints in the new colour.
  await list.getByRole('combobox', { name: 'Highlight colour' }).selectOption('blue');
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('talkmark-blue')?.size ?? 0)).toBe(1);

  await list.getByRole('textbox', { name: 'Comment on this highlight' }).fill('the only door');
  await list.getByRole('textbox', { name: 'Comment on this highlight' }).press('Enter');
  await expect
    .poll(async () => (await readTable<{ comment: string }>(panel, 'highlights'))[0]?.comment)
    .toBe('the only door');

  // A comment typed as the panel closes, its write cut off with the page (IndexedDB never
  // completes it), is there on the next open: the synchronous mirror is written back.
  await panel.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      return new Proxy({}, { get: () => undefined, set: () => true }) as IDBRequest;
    };
  });
  await list.getByRole('textbox', { name: 'Comment on this highlight' }).fill('the only door, and a queue behind it');
  await panel.close();
  panel = await openExtensionPage('sidepanel.html');
  list = panel.getByRole('list', { name: 'Highlights of this talk' });
  await expect(list.getByRole('textbox', { name: 'Comment on this highlight' })).toHaveValue(
    'the only door, and a queue behind it',
  );
  await expect
    .poll(async () => (await readTable<{ comment: string }>(panel, 'highlights'))[0]?.comment)
    .toBe('the only door, and a queue behind it');

  await list.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(panel.getByRole('list', { name: 'Highlights of this talk' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('list', { name: 'Highlights of this talk' }).getByRole('listitem')).toHaveCount(1);

  // Move it to the talk happening now.
  await panel
    .getByRole('list', { name: 'Highlights of this talk' })
    .getByRole('combobox', { name: 'Move highlight to talk' })
    .selectOption({ label: 'Talk Happening Now' });
  await expect(panel.getByRole('list', { name: 'Highlights of this talk' })).toHaveCount(0);
  const talks = await readTable<{ id: string; title: string }>(panel, 'talks');
  expect((await readTable<StoredHighlight>(panel, 'highlights'))[0]?.talkId).toBe(
    talks.find((t) => t.title === 'Talk Happening Now')!.id,
  );
});

test('clip a talk, take a note, highlight its blog post, export the day: the file holds all three', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [linkingTalk]);
  await context.route(ARTICLE_URL, (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE }));
  const page = await context.newPage();
  await page.goto(ARTICLE_URL);
  await select(page, QUOTE);
  await pressShortcut(page, 'alt+shift+h');
  await expect(page.getByRole('status')).toContainText(
    'Highlighted. Comments and the talk it belongs to are in the Talkmark side panel.',
  );

  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await panel.getByRole('button', { name: 'Take notes for Paved Roads Talk' }).click();
  await panel.getByRole('textbox', { name: 'Note' }).fill('! Make the paved road the easy road');
  await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem')).toHaveCount(1);

  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('day');
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .md' }).click(),
  ]);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toMatch(/Paved Roads Talk/);
  expect(markdown).toMatch(/Make the paved road the easy road/);
  expect(markdown).toMatch(/^> .*The platform team became a bottleneck, not because it was slow/m);
  expect(markdown).toContain(ARTICLE_URL);
});

test('a cross-posted copy whose canonical names another site is highlighted under its own address', async ({
  context,
  openExtensionPage,
}) => {
  const MIRROR = 'https://mirror.example.org/paved-roads-copy';
  await context.route(MIRROR, (route) => route.fulfill({ contentType: 'text/html', body: ARTICLE })); // canonical → fieldnotes.example.dev
  const page = await context.newPage();
  await page.goto(MIRROR);
  await select(page, QUOTE);
  await pressShortcut(page, 'alt+shift+h');
  await expect(page.getByRole('status')).toContainText('Highlighted.');
  const panel = await openExtensionPage('sidepanel.html');
  expect((await readTable<StoredHighlight>(panel, 'highlights')).map((h) => h.pageUrl)).toEqual([MIRROR]);
});
