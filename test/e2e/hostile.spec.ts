import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlRenderer, Parser } from 'commonmark';
import { parse as parseYaml } from 'yaml';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, OWN_FIXTURES, readTable, test } from './fixtures';
import { clipInPage, MINUTE, sessionHtml, sessionUrl } from './pages';

const URL_ = 'https://kcdsf2025.sched.com/event/bad00/hostile';
const TITLE = `<img src=x onerror=alert(1)> **Bold** _under_ [link](javascript:alert(2)) # Title | a: b "quoted" & 'single'`;

/**
 * Everything extension pages do that a hostile page could have caused: dialogs they open and
 * requests they make, recorded for the whole context from the start (a panel that alerted while
 * loading would otherwise be missed). Asserted empty at the end of each test.
 */
function watchExtensionPages(context: BrowserContext) {
  const dialogs: string[] = [];
  const requests: string[] = [];
  const fromExtension = (page: Page | null | undefined) => !!page?.url().startsWith('chrome-extension://');
  context.on('dialog', (d) => {
    if (fromExtension(d.page())) dialogs.push(d.message());
    void d.dismiss().catch(() => {}); // the hostile page may alert itself: that is its own business
  });
  context.on('request', (r) => {
    const page = r.frame().page();
    if (fromExtension(page) && !r.url().startsWith('chrome-extension://')) requests.push(r.url());
  });
  return { dialogs, requests };
}

/** Open the hostile session page and clip it with the in-page button. */
async function clipHostilePage(
  context: BrowserContext,
  serve: (url: string, body: { file: string }) => Promise<void>,
): Promise<void> {
  await serve(URL_, { file: join(OWN_FIXTURES, 'sched/hostile-session.html') });
  await context.route('https://evil.example/**', (route) => route.fulfill({ status: 200, body: '' }));
  const page = await context.newPage();
  await clipInPage(page, URL_);
}

test('a hostile session page is clipped as inert text: nothing runs, nothing loads, nothing raw is stored', async ({
  context,
  serve,
  openExtensionPage,
}) => {
  const watched = watchExtensionPages(context);
  await clipHostilePage(context, serve);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  const card = panel.getByRole('article', { name: TITLE });
  await expect(card.getByRole('heading')).toHaveText(TITLE);
  await expect(card).toContainText('Jane <script>alert(6)</script> Doe');
  await expect(card.locator('img, script, iframe, svg')).toHaveCount(0);

  await card.getByRole('button', { name: 'Take notes' }).click();
  const header = panel.getByRole('region', { name: 'Current talk' });
  await expect(header.getByRole('heading')).toHaveText(TITLE);
  await expect(panel.locator('main').locator('img, script, iframe, svg')).toHaveCount(0);
  await expect(panel.locator('a[href^="javascript"]')).toHaveCount(0);

  const [talk] = await readTable<{ descriptionHtml: string; description: string }>(panel, 'talks');
  expect(talk!.descriptionHtml).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<svg|evil\.example/i);
  expect(talk!.description).not.toMatch(/javascript:|<script|evil\.example/i);
  expect(watched).toEqual({ dialogs: [], requests: [] });
});

test('a hostile talk exports as inert Markdown: titles and names round-trip, the front matter parses, nothing raw', async ({
  context,
  serve,
  openExtensionPage,
}) => {
  const watched = watchExtensionPages(context);
  await clipHostilePage(context, serve);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await panel.getByRole('button', { name: `Take notes for ${TITLE}` }).click();
  await panel
    .getByRole('textbox', { name: 'Note' })
    .fill('! <script>alert(8)</script> see [this](javascript:alert(9)) *and* _that_');
  await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
  await panel.getByRole('button', { name: 'Export this talk' }).click();
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('hugo');
  const postTitle = 'KCD: "SF" #1 | [recap] & more: \\ yes';
  await panel.getByRole('textbox', { name: 'Title', exact: true }).fill(postTitle);
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .md' }).click(),
  ]);
  const markdown = readFileSync((await download.path())!, 'utf8');

  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect((parseYaml(front![1]!) as { title: string }).title).toBe(postTitle);
  const tree = new Parser().parse(markdown);
  const walker = tree.walker();
  const headings: string[] = [];
  let html = 0;
  let unsafeLinks = 0;
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue;
    if (e.node.type === 'html_inline' || e.node.type === 'html_block') html++;
    if ((e.node.type === 'link' || e.node.type === 'image') && !/^(https?:|#)/.test(e.node.destination ?? ''))
      unsafeLinks++;
    if (e.node.type === 'heading') {
      let text = '';
      const inner = e.node.walker();
      for (let i = inner.next(); i; i = inner.next()) if (i.entering && i.node.literal) text += i.node.literal;
      headings.push(text);
    }
  }
  expect(html).toBe(0);
  expect(unsafeLinks).toBe(0);
  expect(headings.some((h) => h.startsWith(TITLE))).toBe(true);
  expect(new HtmlRenderer().render(tree)).not.toMatch(/<script|<img|<iframe|<svg|href="javascript:/i);
  // Titles may *say* "onerror=" (escaped as text, checked above); nothing from the description's
  // remote image or iframe may survive.
  expect(markdown).not.toMatch(/evil\.example/);
  expect(watched).toEqual({ dialogs: [], requests: [] });
});

test('the page can neither drive nor stop the in-page Clip: synthetic clicks, postMessage, forged WXT events', async ({
  context,
  serve,
  extensionId,
  openExtensionPage,
}) => {
  const spec = { id: 'f'.repeat(32), title: 'Not Yours To Click', start: Date.now() + 60 * MINUTE, minutes: 30 };
  await serve(sessionUrl(spec), { html: sessionHtml(spec) });
  const page = await context.newPage();
  await page.goto(sessionUrl(spec));
  const clip = page.getByRole('button', { name: 'Clip talk' });
  await expect(clip).toBeVisible();

  // What a page can do, even knowing our id (a published extension's id is public): click our
  // buttons through their shadow roots, post our message shapes, and send the "a newer copy of
  // this script started" event WXT uses to retire old content scripts, under every name it uses.
  await page.evaluate((id) => {
    for (const host of Array.from(document.querySelectorAll('*'))) {
      for (const button of Array.from(host.shadowRoot?.querySelectorAll('button') ?? [])) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    }
    window.postMessage({ type: 'clip-page', keys: null }, '*');
    for (const entry of ['sched', 'highlight']) {
      const name = `${id}:${entry}:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: entry, messageId: 'forged' } }));
      window.postMessage({ type: name, contentScriptName: entry, messageId: 'forged' }, '*');
    }
  }, extensionId);
  // Nothing was clipped: a scripted clip would have answered within a few milliseconds.
  await page.waitForTimeout(1000);
  await expect(clip).toBeVisible();
  const panel = await openExtensionPage('sidepanel.html');
  expect(await readTable(panel, 'talks')).toHaveLength(0);

  // …and the script is still alive: a person's click clips.
  await clip.click();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toBeVisible();
  expect(await readTable(panel, 'talks')).toHaveLength(1);
});
