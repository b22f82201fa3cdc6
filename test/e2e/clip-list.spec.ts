import { join } from 'node:path';
import { expect, readTable, REAL_FIXTURES, test } from './fixtures';

const LIST_URL = 'https://dlfforum2017.sched.com/list/simple';
const FEED_URL = 'https://dlfforum2017.sched.com/all.ics';

interface StoredTalk {
  title: string;
  start: string;
  end: string | null;
  timeZone: string | null;
}

test.beforeEach(async ({ serve }) => {
  await serve(LIST_URL, { file: join(REAL_FIXTURES, 'sched-dlfforum2017-list.html') });
  await serve(FEED_URL, { file: join(REAL_FIXTURES, 'sched-dlfforum2017-all.ics'), contentType: 'text/calendar' });
});

test('the popup on a real Sched list adds one day, then the rest, with end times from the feed', async ({
  context,
  openExtensionPage,
  tabIdOf,
}) => {
  const page = await context.newPage();
  await page.goto(LIST_URL);
  const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
  await expect(popup.getByText('151 talks on 5 days')).toBeVisible();

  const monday = popup.getByRole('button', { name: /^Add the day: Monday, October 23, 2017 \(\d+ talks\)$/ });
  const mondayCount = Number((await monday.getAttribute('aria-label'))!.match(/\((\d+) talks\)/)![1]);
  await monday.click();
  await expect(popup.getByRole('status')).toHaveText(`Clipped: ${mondayCount} added.`);
  const stored = await readTable<StoredTalk>(popup, 'talks');
  expect(stored).toHaveLength(mondayCount);
  expect(
    stored.every((t) => t.start.startsWith('2017-10-23') && t.end !== null && t.timeZone === 'America/New_York'),
  ).toBe(true);

  // Monday is in Talkmark now: its button says so, and the main one adds only what is new.
  await expect(popup.getByText(`${mondayCount} already in Talkmark`)).toBeVisible();
  await expect(
    popup.getByRole('button', {
      name: `Update the day: Monday, October 23, 2017 (${mondayCount} talks, all in Talkmark)`,
    }),
  ).toBeVisible();
  await popup.getByRole('button', { name: `Add the ${151 - mondayCount} new talks` }).click();
  await expect(popup.getByRole('status')).toHaveText(
    `Clipped: ${151 - mondayCount} added, ${mondayCount} already clipped.`,
  );
  expect(await readTable(popup, 'talks')).toHaveLength(151);

  // All of them are in: the popup says so instead of offering to add them again.
  await expect(popup.getByText('All 151 talks are in Talkmark.')).toBeVisible();
  await expect(popup.getByRole('button', { name: /^Add all/ })).toHaveCount(0);
  await expect(popup.getByRole('button', { name: /^Add the day/ })).toHaveCount(0);
  const again = await openExtensionPage(`popup.html?tab=${await tabIdOf(page)}`);
  await expect(again.getByText('All 151 talks are in Talkmark.')).toBeVisible();
  await expect(again.getByRole('button', { name: /^Add/ })).toHaveCount(0);
  await again.getByRole('button', { name: 'Update all 151 from this page' }).click();
  await expect(again.getByRole('status')).toHaveText('Clipped: 151 already clipped.');
});

test('every session of a list view gets its own in-page Clip button; the feed is fetched once for several clips', async ({
  context,
  openExtensionPage,
}) => {
  let feedRequests = 0;
  context.on('request', (r) => void (r.url() === FEED_URL && feedRequests++));
  const page = await context.newPage();
  await page.goto(LIST_URL);
  const buttons = page.getByRole('button', { name: /^Clip talk: / });
  await expect(buttons).toHaveCount(151);
  await page.getByRole('button', { name: 'Clip talk: #s1c: Fellowships and Residency Programs' }).click();
  await expect(
    page.getByRole('button', { name: 'Clipped talk: #s1c: Fellowships and Residency Programs' }),
  ).toBeVisible();
  await page
    .getByRole('button', {
      name: 'Clip talk: #s1b: Inter-institutional collaboration: building networks of practice and projects',
    })
    .click();
  await expect(
    page.getByRole('button', {
      name: 'Clipped talk: #s1b: Inter-institutional collaboration: building networks of practice and projects',
    }),
  ).toBeVisible();
  expect(feedRequests).toBe(1);
  const panel = await openExtensionPage('sidepanel.html');
  const talks = await readTable<StoredTalk>(panel, 'talks');
  expect(talks).toHaveLength(2);
  const fellowships = talks.find((t) => t.title === '#s1c: Fellowships and Residency Programs');
  expect(fellowships).toMatchObject({ timeZone: 'America/New_York' });
  expect(fellowships!.end).not.toBeNull();
});

test('“Add the day” on a list view clips that day’s sessions and says how many', async ({
  context,
  openExtensionPage,
}) => {
  const page = await context.newPage();
  await page.goto(LIST_URL);
  const addMonday = page.getByRole('button', { name: /^Add the day: Monday, October 23 \(\d+ talks\)$/ });
  const count = Number((await addMonday.getAttribute('aria-label'))!.match(/\((\d+) talks\)/)![1]);
  await addMonday.click();
  await expect(page.getByRole('status').filter({ hasText: 'added' })).toHaveText(
    `${count} added · 0 updated · 0 already clipped`,
  );
  await expect(page.getByRole('button', { name: /^Clipped talk: / })).toHaveCount(count);
  const panel = await openExtensionPage('sidepanel.html');
  const talks = await readTable<StoredTalk>(panel, 'talks');
  expect(talks).toHaveLength(count);
  expect(talks.every((t) => t.start.startsWith('2017-10-23') && t.end !== null)).toBe(true);
});
