import { join } from 'node:path';
import { expect, OWN_FIXTURES, pressShortcut, readTable, test } from './fixtures';

// The popup reaches pages outside Sched through activeTab only. A person grants it by invoking
// the extension on the tab; here that is the real keyboard shortcut, pressed under Xvfb.
test.use({ headed: true });
test.describe.configure({ mode: 'default' });

interface StoredTalk {
  source: string;
  title: string;
  start: string;
  end: string;
  timeZone: string | null;
  room: string;
  externalId: string;
}

const cases = [
  {
    platform: 'pretalx (newer markup)',
    url: 'https://pretalx.com/pyconf-2025/talk/QW7RTZ/',
    file: 'schedule/pretalx-talk-new.html',
    expected: {
      source: 'pretalx',
      externalId: 'QW7RTZ',
      title: 'Reproducible builds for everyone',
      start: '2025-10-25T23:40:00-05:00',
      end: '2025-10-26T00:10:00-05:00',
      timeZone: 'America/Chicago',
      room: 'Ballroom B',
    },
  },
  {
    platform: 'a page with schema.org Event JSON-LD',
    url: 'https://devdays.example.com/2025/talks/designing-calm-apis',
    file: 'schedule/jsonld-talk.html',
    expected: {
      source: 'jsonld',
      externalId: 'talk-042',
      title: 'Designing Calm APIs',
      start: '2025-11-05T14:00:00-05:00',
      room: 'Room 101',
    },
  },
];

for (const c of cases) {
  test(`the popup clips a talk from ${c.platform} once the user invoked Talkmark on the tab`, async ({
    context,
    serve,
    openExtensionPage,
    serviceWorker,
  }) => {
    await serve(c.url, { file: join(OWN_FIXTURES, c.file) });
    const page = await context.newPage();
    await page.goto(c.url);
    await pressShortcut(page, 'alt+shift+h');
    const tabId = await serviceWorker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
    );
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Clip this talk' }).click();
    await expect(popup.getByRole('status')).toHaveText('Clipped: 1 added.');
    const [talk] = await readTable<StoredTalk>(popup, 'talks');
    expect(talk).toMatchObject(c.expected);
  });
}

test('a schedule without a time zone (Sessionize’s API): the popup asks for one, remembers it, and clips in it', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  const url = 'https://sessionize.com/api/v2/abc123de/view/All';
  await serve(url, { file: join(OWN_FIXTURES, 'schedule/sessionize-api-all.json'), contentType: 'application/json' });
  const page = await context.newPage();
  await page.goto(url);
  await pressShortcut(page, 'alt+shift+h');
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );

  let popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.getByText(/times without a time zone/)).toBeVisible();
  const zoneBox = () => popup.getByRole('combobox', { name: /Times on this page are in/ });
  // An abbreviation is refused (Intl would silently read "BST" as Asia/Dhaka), in words.
  await zoneBox().fill('BST');
  await zoneBox().press('Enter');
  await expect(popup.getByRole('alert')).toContainText('“BST” is an abbreviation, which can mean several zones');
  // A city name is enough: it is matched to the zone named after it.
  await zoneBox().fill('Vienna');
  await zoneBox().press('Enter');
  await expect(zoneBox()).toHaveValue('Europe/Vienna');
  await expect(popup.getByText(/times without a time zone/)).toHaveCount(0);
  await popup.getByRole('button', { name: 'Add all 2 talks' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 2 added.');
  const talks = await readTable<StoredTalk>(popup, 'talks');
  expect(talks.map((t) => [t.title, t.start, t.end, t.timeZone]).sort()).toEqual([
    ['Bicep Modules You Can Trust', '2026-04-18T10:00:00+02:00', '2026-04-18T10:45:00+02:00', 'Europe/Vienna'],
    ['Keynote: Cloud Native at the Edge', '2026-04-18T09:00:00+02:00', '2026-04-18T09:45:00+02:00', 'Europe/Vienna'],
  ]);

  // The next time, the popup reads the page in the remembered zone and says which.
  await popup.close();
  popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(zoneBox()).toHaveValue('Europe/Vienna');
  await expect(popup.getByText('All 2 talks are in Talkmark.')).toBeVisible();
  await popup.getByRole('button', { name: 'Update all 2 from this page' }).click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 2 already clipped.');
});
