/**
 * "Add the day" after a session page: the list view and `all.ics` know less than the session
 * page, and must not erase what it knew (the description's link, the speaker's company, the
 * slides), nor send a highlight on the linked post to another talk.
 */
import { join } from 'node:path';
import { expect, OWN_FIXTURES, readTable, REAL_FIXTURES, test } from './fixtures';

// Long user paths on a shared machine: generous, not tight.
test.describe.configure({ timeout: 90_000 });

const SESSION_URL = 'https://dlfforum2017.sched.com/event/BzsD/m2d-lunch-workshop-resisting-impostor-syndrome';
const LIST_URL = 'https://dlfforum2017.sched.com/list/simple';
const FEED_URL = 'https://dlfforum2017.sched.com/all.ics';
const BLOG = 'https://blog.example.org/resisting-impostor-syndrome';

interface StoredTalk {
  title: string;
  description: string | null;
  descriptionHtml: string | null;
  files: unknown[];
  videoUrl: string | null;
  end: string | null;
  speakers: Array<{ name: string; company: string | null }>;
  externalId: string;
}

test('a session page, then “Add the day” from the list view: the description keeps its link and the speaker her company', async ({
  context,
  serve,
  openExtensionPage,
}) => {
  await serve(SESSION_URL, { file: join(OWN_FIXTURES, 'sched/dlfforum2017-m2d-session.html') });
  await serve(LIST_URL, { file: join(REAL_FIXTURES, 'sched-dlfforum2017-list.html') });
  await serve(FEED_URL, { file: join(REAL_FIXTURES, 'sched-dlfforum2017-all.ics'), contentType: 'text/calendar' });
  const page = await context.newPage();
  await page.goto(SESSION_URL);
  await page.getByRole('button', { name: 'Clip talk' }).click();
  await expect(page.getByRole('button', { name: 'Clipped talk' })).toBeVisible();

  await page.goto(LIST_URL);
  const addMonday = page.getByRole('button', { name: /^Add the day: Monday, October 23 \(\d+ talks\)$/ });
  const count = Number((await addMonday.getAttribute('aria-label'))!.match(/\((\d+) talks\)/)![1]);
  await addMonday.click();
  await expect(page.getByRole('status').filter({ hasText: 'added' })).toHaveText(
    `${count - 1} added · 0 updated · 1 already clipped`,
  );

  const panel = await openExtensionPage('sidepanel.html');
  const talks = await readTable<StoredTalk>(panel, 'talks');
  expect(talks).toHaveLength(count);
  const m2d = talks.find((t) => t.externalId === '81a04b678ae12dc72458f036590bf8ef')!;
  expect(m2d.description).toContain(`](${BLOG})`);
  expect(m2d.descriptionHtml).toContain(`href="${BLOG}"`);
  expect(m2d.speakers).toEqual([expect.objectContaining({ name: 'Bess Sadler', company: 'Data Curation Experts' })]);
  expect(m2d.files).toHaveLength(1);
  expect(m2d.videoUrl).not.toBeNull();

  // The panel shows it so: the company by the name, the link in the description.
  const picker = panel.getByRole('combobox', { name: 'Talk to take notes for' });
  await picker.selectOption(
    (await picker.locator('option', { hasText: 'Resisting Impostor Syndrome' }).getAttribute('value'))!,
  );
  const header = panel.getByRole('region', { name: 'Current talk' });
  await expect(header.getByRole('list', { name: 'Speakers' })).toContainText(
    'Bess Sadler · Senior Software Engineer, Data Curation Experts',
  );
  await panel.getByText('About this talk').click();
  await expect(panel.locator('.talk-details a[href="' + BLOG + '"]')).toHaveText(
    'Resisting impostor syndrome, the handout',
  );
});
