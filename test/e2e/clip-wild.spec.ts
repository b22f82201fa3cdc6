import { join } from 'node:path';
import { expect, OWN_FIXTURES, pressShortcut, readTable, test } from './fixtures';

// Platforms added for issue 15, clipped through the real popup at their real addresses. As for
// every page outside Sched, the user grants activeTab by invoking Talkmark: the real shortcut,
// pressed under Xvfb.
test.use({ headed: true });
test.describe.configure({ mode: 'default' });

interface StoredTalk {
  source: string;
  title: string;
  start: string;
  end: string | null;
  timeZone: string | null;
  room: string;
  externalId: string;
}

async function openPopupOn(
  url: string,
  {
    context,
    serviceWorker,
    openExtensionPage,
  }: {
    context: import('@playwright/test').BrowserContext;
    serviceWorker: import('@playwright/test').Worker;
    openExtensionPage: (path: string) => Promise<import('@playwright/test').Page>;
  },
) {
  const page = await context.newPage();
  await page.goto(url);
  await pressShortcut(page, 'alt+shift+h');
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );
  return openExtensionPage(`popup.html?tab=${tabId}`);
}

test('the popup clips an Indico contribution in the zone its page names', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  const url = 'https://indico.example.org/event/1234/contributions/5678/';
  await serve(url, { file: join(OWN_FIXTURES, 'indico/contribution.html') });
  const popup = await openPopupOn(url, { context, serviceWorker, openExtensionPage });
  await popup.getByRole('button', { name: 'Clip this talk' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 1 added.');
  const [talk] = await readTable<StoredTalk>(popup, 'talks');
  expect(talk).toMatchObject({
    source: 'indico',
    externalId: '1234/5678',
    title: 'Machine Learning for Jet Tagging',
    start: '2026-03-17T09:30:00+01:00',
    timeZone: 'Europe/Zurich',
    room: '500/1-001 - Main Auditorium',
  });
});

test('the popup clips every talk of a C3VOC schedule.json v2 opened in the browser', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  const url = 'https://events.example.org/congress/2026/hub/schedule.json';
  await serve(url, { file: join(OWN_FIXTURES, 'frab/schedule-v2-hub.json'), contentType: 'application/json' });
  const popup = await openPopupOn(url, { context, serviceWorker, openExtensionPage });
  await popup.getByRole('button', { name: 'Add all 2 talks' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 2 added.');
  const talks = await readTable<StoredTalk>(popup, 'talks');
  expect(talks.map((t) => [t.source, t.title, t.start, t.timeZone, t.room]).sort()).toEqual([
    ['frab', 'Breaking Baseband Firmware', '2026-12-27T11:00:00+01:00', 'Europe/Berlin', 'Saal 1'],
    ['frab', 'Late Night Lightning Talks', '2026-12-28T00:30:00+01:00', 'Europe/Berlin', 'Stage HUFF'],
  ]);
});

test('a frab event page that prints only an offset: the popup asks for the zone, then clips in it', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  const url = 'https://frab.example.org/en/camp2027/public/events/10245';
  await serve(url, { file: join(OWN_FIXTURES, 'frab/event-page.html') });
  const popup = await openPopupOn(url, { context, serviceWorker, openExtensionPage });
  const zoneBox = popup.getByRole('combobox', { name: /Times on this page are in/ });
  await expect(zoneBox).toBeVisible();
  await zoneBox.fill('Berlin');
  await zoneBox.press('Enter');
  await expect(zoneBox).toHaveValue('Europe/Berlin');
  await popup.getByRole('button', { name: 'Clip this talk' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 1 added.');
  const [talk] = await readTable<StoredTalk>(popup, 'talks');
  expect(talk).toMatchObject({
    source: 'frab',
    title: 'Solar Powered Mesh',
    start: '2027-08-18T23:30:00+02:00',
    end: '2027-08-19T00:30:00+02:00',
    timeZone: 'Europe/Berlin',
  });
});
