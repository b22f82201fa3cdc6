import { join } from 'node:path';
import { expect, OWN_FIXTURES, pressShortcut, readTable, test } from './fixtures';

// pretalx's schedule without JavaScript (/<event>/schedule/nojs), read as a list view (#15):
// "Add the day" through the real popup, the zone named with real keys. As for every page outside
// Sched, the user grants activeTab by invoking Talkmark: the real shortcut, pressed under Xvfb.
test.use({ headed: true });

const URL = 'https://pretalx.example.net/fns26/schedule/nojs';

interface StoredTalk {
  source: string;
  externalId: string;
  title: string;
  start: string;
  end: string | null;
  timeZone: string | null;
  room: string | null;
  tracks: string[];
  speakers: Array<{ name: string; company: string | null }>;
}

test('pretalx’s no-JavaScript schedule: name the zone, then “Add the day” stores that day’s talks', async ({
  context,
  serve,
  openExtensionPage,
  serviceWorker,
}) => {
  await serve(URL, { file: join(OWN_FIXTURES, 'schedule/pretalx-nojs.html') });
  const page = await context.newPage();
  await page.goto(URL);
  await pressShortcut(page, 'alt+shift+h');
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
  );
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await expect(popup.getByText('4 talks on 2 days')).toBeVisible();

  // The view prints offsets only: the popup asks, and the user types the city and presses Enter.
  const zoneBox = popup.getByRole('combobox', { name: /Times on this page are in/ });
  await expect(zoneBox).toBeVisible();
  await zoneBox.click();
  await popup.keyboard.type('Stockholm');
  await popup.keyboard.press('Enter');
  await expect(zoneBox).toHaveValue('Europe/Stockholm');

  const monday = popup.getByRole('button', { name: /^Add the day: .*March 30.* \(3 talks\)$/ });
  await expect(monday).toBeEnabled();
  await monday.click();
  await expect(popup.getByRole('status')).toHaveText('Clipped: 3 added.');

  const talks = (await readTable<StoredTalk>(popup, 'talks')).sort((a, b) => a.externalId.localeCompare(b.externalId));
  expect(talks.map((t) => [t.source, t.externalId, t.title, t.start, t.end, t.timeZone, t.room, t.tracks])).toEqual([
    [
      'pretalx',
      'KEY001',
      'Opening Keynote: Twenty Years of Free Software',
      '2026-03-30T09:00:00+02:00',
      '2026-03-30T09:45:00+02:00',
      'Europe/Stockholm',
      'Main Hall',
      ['Keynotes'],
    ],
    [
      'pretalx',
      'RST002',
      'Rust in the Kernel',
      '2026-03-30T10:00:00+02:00',
      '2026-03-30T10:30:00+02:00',
      'Europe/Stockholm',
      'Room B',
      ['Systems'],
    ],
    [
      'pretalx',
      'WEB003',
      'Accessible Web Components',
      '2026-03-30T10:00:00+02:00',
      '2026-03-30T10:30:00+02:00',
      'Europe/Stockholm',
      'Room C',
      [],
    ],
  ]);
  expect(talks.map((t) => t.speakers.map((s) => [s.name, s.company]))).toEqual([
    [
      ['Ada Lovelace', 'Analytical Engines Ltd'],
      ['Bob Builder', null],
    ],
    [['Li Wei', null]],
    [['Mo Chen', null]],
  ]);

  // Tuesday is still offered; Monday now says it is in Talkmark.
  await expect(
    popup.getByRole('button', { name: /^Update the day: .*March 30.* \(3 talks, all in Talkmark\)$/ }),
  ).toBeVisible();
  await expect(popup.getByRole('button', { name: /^Add the day: .*March 31.* \(1 talks\)$/ })).toBeVisible();
});
