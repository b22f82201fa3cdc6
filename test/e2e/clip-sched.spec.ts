import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, OWN_FIXTURES, readTable, test } from './fixtures';
import { clipInPage } from './pages';

const SESSION_URL = 'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team';
const SESSION_FILE = join(OWN_FIXTURES, 'sched/kcdsf2025-session.html');

/** The same session page on the conference's next day, as a second talk. */
const DAY2_URL = 'https://kcdsf2025.sched.com/event/25u5x/ebpf-for-the-rest-of-us';
const day2Html = () =>
  readFileSync(SESSION_FILE, 'utf8')
    .replaceAll('Platform Engineering Without the Platform Team', 'eBPF for the Rest of Us')
    .replaceAll('25u4t/platform-engineering-without-the-platform-team', '25u5x/ebpf-for-the-rest-of-us')
    .replaceAll('6f1c2e8a9b0d4c3e8f7a6b5c4d3e2f10', '0123456789abcdef0123456789abcdef')
    .replaceAll('2025-09-09T09:30:00-0700', '2025-09-10T11:00:00-0700')
    .replaceAll('2025-09-09T10:00:00-0700', '2025-09-10T11:45:00-0700')
    .replace('Tuesday September 9, 2025 9:30am - 10:00am', 'Wednesday September 10, 2025 11:00am - 11:45am');

test('the in-page Clip button stores the talk and the open side panel shows it live', async ({
  context,
  serve,
  openExtensionPage,
}) => {
  await serve(SESSION_URL, { file: SESSION_FILE });
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await expect(panel.getByText('No talks clipped yet')).toBeVisible();

  const page = await context.newPage();
  await page.goto(SESSION_URL);
  const clip = page.getByRole('button', { name: 'Clip talk' });
  await clip.click();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toHaveText('Clipped ✓');

  // The panel was open all along: liveQuery brings the talk in without a reload.
  const card = panel.getByRole('article', { name: 'Platform Engineering Without the Platform Team' });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Grand Ballroom A');
  await expect(card).toContainText('Jane Doe (Staff Engineer, Developer Experience, Acme Corp)');
  await expect(card.getByRole('link', { name: 'Platform Engineering Without the Platform Team' })).toHaveAttribute(
    'href',
    SESSION_URL,
  );

  const [talk] = await readTable<Record<string, unknown>>(panel, 'talks');
  expect(talk).toMatchObject({
    title: 'Platform Engineering Without the Platform Team',
    start: '2025-09-09T09:30:00-07:00',
    end: '2025-09-09T10:00:00-07:00',
    startAt: Date.UTC(2025, 8, 9, 16, 30),
    externalId: '6f1c2e8a9b0d4c3e8f7a6b5c4d3e2f10',
  });
});

test('a page that was clipped before shows as clipped when it is opened again', async ({ context, serve }) => {
  await serve(SESSION_URL, { file: SESSION_FILE });
  const page = await context.newPage();
  await clipInPage(page, SESSION_URL);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toHaveText('Clipped ✓');
});

test('the popup clips the page it was opened on', async ({ context, serve, openExtensionPage, tabIdOf }) => {
  await serve(SESSION_URL, { file: SESSION_FILE });
  const page = await context.newPage();
  await page.goto(SESSION_URL);
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
  await expect(popup.getByText('KCD San Francisco Bay Area 2025: Platform Engineering')).toBeVisible();
  await popup.getByRole('button', { name: 'Clip this talk' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 1 added.');
  expect(await readTable(popup, 'talks')).toHaveLength(1);
});

test('clipping the same page twice updates the talk instead of duplicating it', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  let html = readFileSync(SESSION_FILE, 'utf8');
  await context.route(SESSION_URL, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await context.newPage();
  await page.goto(SESSION_URL);
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
  await popup.getByRole('button', { name: 'Clip this talk' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 1 added.');

  // The organisers move the talk to another room; the user clips again.
  html = html.replaceAll('Grand Ballroom A', 'Hahn Auditorium');
  await page.reload();
  // Once clipped, the popup says so and offers an update, not a second clip.
  await expect(popup.getByText('This talk is in Talkmark.')).toBeVisible();
  await popup.getByRole('button', { name: 'Update it from this page' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 1 updated.');
  await popup.getByRole('button', { name: 'Update it from this page' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 1 already clipped.');

  const talks = await readTable<{ room: string }>(popup, 'talks');
  expect(talks.map((t) => t.room)).toEqual(['Hahn Auditorium']);
});

test('the side panel lists the newest day first', async ({ context, serve, openExtensionPage }) => {
  await serve(SESSION_URL, { file: SESSION_FILE });
  await serve(DAY2_URL, { html: day2Html() });
  const page = await context.newPage();
  for (const url of [SESSION_URL, DAY2_URL]) {
    await clipInPage(page, url);
  }
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText([
    'Wednesday, September 10, 2025',
    'Tuesday, September 9, 2025',
  ]);
  await expect(
    panel.getByRole('list', { name: 'Talks on Wednesday, September 10, 2025' }).getByRole('article'),
  ).toHaveText([/eBPF for the Rest of Us/]);
});

test('a bot-check page instead of a session says so in one line', async ({
  context,
  serve,
  openExtensionPage,
  tabIdOf,
}) => {
  await serve(SESSION_URL, {
    html: '<html><head><title>Just a moment...</title></head><body><h1>Checking your browser before accessing kcdsf2025.sched.com</h1></body></html>',
  });
  const page = await context.newPage();
  await page.goto(SESSION_URL);
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
  await expect(popup.getByText(/This Sched page has no session on it/)).toBeVisible();
  // Nothing to clip: no clip button at all, Highlight leads.
  await expect(popup.getByRole('button', { name: /Clip/ })).toHaveCount(0);
  await expect(popup.getByRole('button').first()).toHaveText('Highlight on this page');
  expect(await readTable(popup, 'talks')).toHaveLength(0);
});

test('the side panel shows everything the schedule said about the talk', async ({
  context,
  serve,
  openExtensionPage,
}) => {
  await serve(SESSION_URL, { file: SESSION_FILE });
  const page = await context.newPage();
  await clipInPage(page, SESSION_URL);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await panel.getByRole('button', { name: 'Take notes for Platform Engineering Without the Platform Team' }).click();
  const current = panel.getByRole('region', { name: 'Current talk' });
  await expect(current.getByRole('list', { name: 'Speakers' })).toContainText('Ravi Kumar · Maintainer');
  await expect(current).toContainText('Grand Ballroom A');
  await panel.getByText('About this talk').click();
  const details = panel.locator('details.talk-details');
  await expect(details).toContainText('Track: Platform Engineering');
  await expect(details).toContainText('Content Experience Level');
  await expect(details.getByRole('link', { name: 'Backstage' })).toHaveAttribute('href', 'https://backstage.io/docs');
  await expect(details.getByRole('link', { name: 'Slides: paved-roads-slides.pdf' })).toBeVisible();
  await expect(details.getByRole('link', { name: 'Recording' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  );
});

test.describe('a viewer in Tokyo, a conference in California', () => {
  test.use({ viewerTimeZone: 'Asia/Tokyo' });

  test('sees the venue time and their own, with the date change', async ({ serve, openExtensionPage, context }) => {
    await serve(SESSION_URL, { file: SESSION_FILE });
    const page = await context.newPage();
    await clipInPage(page, SESSION_URL);
    const panel = await openExtensionPage('sidepanel.html');
    await panel.getByRole('button', { name: 'Agenda' }).click();
    const card = panel.getByRole('article', { name: 'Platform Engineering Without the Platform Team' });
    await expect(card).toContainText('9:30 – 10:00 AM PDT · your time 1:30 – 2:00 AM JST (next day)');
  });
});

test('“Highlight on this page” in the popup brings the highlighter to the tab', async ({
  context,
  serve,
  openExtensionPage,
  tabIdOf,
  serviceWorker,
}) => {
  await serve(SESSION_URL, { file: SESSION_FILE });
  const page = await context.newPage();
  await page.goto(SESSION_URL);
  const tabId = await tabIdOf(page);
  const ping = () =>
    serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'highlighter-ping' }).catch(() => false), tabId);
  expect(await ping()).toBe(false);
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.getByRole('button', { name: 'Highlight on this page' }).click();
  await expect.poll(ping).toBe(true);
});

const LIST_URL = 'https://cndi2026.sched.com/list/simple';
const LIST_FILE = join(OWN_FIXTURES, 'sched/variant-list-simple.html');

/** WCAG contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The in-page status line's tone, text colour and background (its own, whatever the page's). */
async function statusLook(status: import('@playwright/test').Locator) {
  await expect(status).toBeVisible();
  const look = await status.evaluate((el) => ({
    tone: el.getAttribute('data-tone'),
    color: getComputedStyle(el).color,
    background: getComputedStyle(el).backgroundColor,
  }));
  return { ...look, contrast: contrast(look.color, look.background) };
}

for (const theme of ['light', 'dark'] as const) {
  test(`“Add the day” says it worked in green and a failure in red, readable on a ${theme} page`, async ({
    context,
    serve,
  }) => {
    const html = readFileSync(LIST_FILE, 'utf8');
    await serve(LIST_URL, {
      html:
        theme === 'dark'
          ? html.replace('</head>', '<style>html,body{background:#111!important;color:#eee!important}</style></head>')
          : html,
    });
    const page = await context.newPage();
    await page.goto(LIST_URL);
    await page.getByRole('button', { name: /^Add the day: .*June 17/ }).click();
    const ok = await statusLook(page.getByRole('status').filter({ hasText: /added ·/ }));
    expect(ok).toMatchObject({ tone: 'ok', color: 'rgb(255, 255, 255)', background: 'rgb(6, 118, 71)' });
    expect(ok.contrast).toBeGreaterThanOrEqual(4.5);

    // The page re-renders and June 18's session is gone from it: that day cannot be clipped, and the line says so in red.
    await page.evaluate(() =>
      document.querySelectorAll('span.event').forEach((e, i, all) => i === all.length - 1 && e.remove()),
    );
    await page.getByRole('button', { name: /^Add the day: .*June 18/ }).click();
    const failed = await statusLook(page.locator('[role="status"][data-tone="error"]'));
    expect(failed).toMatchObject({ color: 'rgb(255, 255, 255)', background: 'rgb(180, 35, 24)' });
    expect(failed.contrast).toBeGreaterThanOrEqual(4.5);
    await expect(page.locator('[role="status"][data-tone="error"]')).not.toHaveText(/added ·/);
  });
}
