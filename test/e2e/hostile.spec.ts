import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, OWN_FIXTURES, readTable, test } from './fixtures';

const URL_ = 'https://kcdsf2025.sched.com/event/bad00/hostile';
const TITLE = `<img src=x onerror=alert(1)> **Bold** _under_ [link](javascript:alert(2)) # Title | a: b "quoted" & 'single'`;

/** Fail on any dialog, and record every request an extension page makes. */
function watch(page: Page) {
  const requests: string[] = [];
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened in an extension page: ${d.message()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  return requests;
}

test('a hostile session page is clipped as inert text: nothing runs, nothing loads, nothing raw is stored', async ({ context, serve, openExtensionPage }) => {
  await serve(URL_, { file: join(OWN_FIXTURES, 'sched/hostile-session.html') });
  await context.route('https://evil.example/**', (route) => route.fulfill({ status: 200, body: '' }));
  const page = await context.newPage();
  page.on('dialog', (d) => void d.dismiss().catch(() => {})); // the page may alert itself; that is the page's business
  await page.goto(URL_);
  await page.getByRole('button', { name: 'Clip talk' }).click();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toBeVisible();

  const panel = await openExtensionPage('sidepanel.html');
  const requests = watch(panel);
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
  expect(requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
});
