import { makeTalk } from '../unit/notes/factories';
import { expect, readTable, test, writeTable } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

const now = Date.now();
const running: SessionSpec = {
  id: 'a'.repeat(32),
  title: 'Running Talk',
  start: now - 12 * MINUTE,
  minutes: 40,
  room: 'Room 101',
};
const later: SessionSpec = {
  id: 'b'.repeat(32),
  title: 'Later Talk',
  start: now + 30 * MINUTE,
  minutes: 30,
  room: 'Room 102',
};
const overlapping: SessionSpec = {
  id: 'c'.repeat(32),
  title: 'Overlapping Talk',
  start: now + 40 * MINUTE,
  minutes: 30,
  room: 'Room 103',
};

interface StoredNote {
  text: string;
  kind: string;
  createdAt: number;
  talkId: string;
}

test('the Now view picks the talk happening now, queues the next, and shows who, where and how far in', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running, later]);
  const panel = await openExtensionPage('sidepanel.html');
  const header = panel.getByRole('region', { name: 'Current talk' });
  await expect(header.getByRole('heading', { name: 'Running Talk' })).toBeVisible();
  await expect(header.getByRole('list', { name: 'Speakers' })).toContainText(
    'Jane Doe · Staff Engineer, Developer Experience, Acme Corp',
  );
  await expect(header).toContainText('Room 101');
  await expect(header.getByRole('timer', { name: 'Elapsed time' })).toHaveText(/^1[23]:\d\d in$/);
  await expect(panel.getByRole('region', { name: 'Next talk' })).toContainText('Later Talk');

  // Pick the next talk by hand; then go back to following the schedule.
  await panel.getByRole('region', { name: 'Next talk' }).getByRole('button', { name: 'Take notes for it' }).click();
  await expect(header.getByRole('heading', { name: 'Later Talk' })).toBeVisible();
  await expect(header.getByRole('timer', { name: 'Elapsed time' })).toHaveText(/Starts in (29|30) min/);
  await panel.getByRole('combobox', { name: 'Talk to take notes for' }).selectOption('');
  await expect(header.getByRole('heading', { name: 'Running Talk' })).toBeVisible();
});

test('Enter adds a note with its time into the talk; prefixes and keys set its kind', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('! eBPF needs no kernel patches');
  await box.press('Enter');
  await box.fill('"Containers are not a security boundary"');
  await box.press('Enter');
  await box.pressSequentially('first line');
  await box.press('Shift+Enter');
  await box.pressSequentially('second line');
  await box.press('Alt+a'); // question, by key
  await box.press('Enter');
  await box.press('Alt+s'); // a slide, no text

  const notes = panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem');
  await expect(notes).toHaveCount(4);
  await expect(notes.nth(0)).toContainText('Takeaway');
  await expect(notes.nth(0)).toContainText('eBPF needs no kernel patches');
  await expect(notes.nth(0).getByRole('button', { name: /^1[23]:\d\d into the talk/ })).toBeVisible();
  await expect(notes.nth(1)).toContainText('Quote');
  await expect(notes.nth(2)).toContainText('Question');
  await expect(notes.nth(2).locator('br')).toHaveCount(1);
  await expect(notes.nth(3)).toContainText('Slide');
  await expect(box).toHaveValue('');

  const stored = await readTable<StoredNote>(panel, 'notes');
  expect(stored.map((n) => n.kind).sort()).toEqual(['question', 'quote', 'slide', 'takeaway']);
  expect(stored.find((n) => n.kind === 'question')?.text).toBe('first line\nsecond line');
  for (const n of stored) expect(Math.abs(n.createdAt - Date.now())).toBeLessThan(60_000);
});

test('notes render their Markdown safely: links work, HTML stays text', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  let dialogs = 0;
  panel.on('dialog', (d) => (dialogs++, void d.dismiss()));
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('**Cilium** docs at https://cilium.io <img src=x onerror=alert(1)> [x](javascript:alert(2))');
  await box.press('Enter');
  const note = panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem').first();
  await expect(note.locator('strong')).toHaveText('Cilium');
  await expect(note.getByRole('link', { name: 'https://cilium.io' })).toHaveAttribute('href', 'https://cilium.io/');
  await expect(note).toContainText('<img src=x onerror=alert(1)>');
  await expect(note.locator('img')).toHaveCount(0);
  await expect(note.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a note can be edited in place, re-timed, and deleted with undo', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('Kubernets is great');
  await box.press('Enter');
  const note = panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem').first();

  await note.getByRole('button', { name: 'Edit' }).click();
  await note.getByRole('textbox', { name: 'Edit note' }).fill('Kubernetes is great');
  await note.getByRole('textbox', { name: 'Edit note' }).press('Enter');
  await expect(note).toContainText('Kubernetes is great');

  await note.getByRole('button', { name: /into the talk, change time/ }).click();
  await note.getByRole('textbox', { name: 'Time into the talk' }).fill('2:30');
  await note.getByRole('textbox', { name: 'Time into the talk' }).press('Enter');
  await expect(note.getByRole('button', { name: /^2:30 into the talk/ })).toBeVisible();
  const [stored] = await readTable<StoredNote>(panel, 'notes');
  expect(stored).toMatchObject({ text: 'Kubernetes is great' });
  expect(stored!.createdAt - running.start).toBeGreaterThanOrEqual(150_000 - 1000);
  expect(stored!.createdAt - running.start).toBeLessThan(151_000);

  await note.getByRole('button', { name: 'Delete note' }).click();
  await expect(panel.getByText('No notes yet for this talk.')).toBeVisible();
  expect(await readTable(panel, 'notes')).toHaveLength(0);
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('list', { name: 'Notes of this talk' })).toContainText('Kubernetes is great');
  expect(await readTable(panel, 'notes')).toHaveLength(1);
});

test('the Agenda shows each talk with its note count and marks overlapping talks', async ({
  context,
  openExtensionPage,
}) => {
  await clipSessions(context, [running, later, overlapping]);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'Note' }).fill('one');
  await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await expect(panel.getByRole('article', { name: 'Running Talk' })).toContainText('1 note');
  await expect(panel.getByRole('article', { name: 'Later Talk' })).toContainText('0 notes');
  await expect(panel.getByRole('article', { name: 'Later Talk' })).toContainText('Overlaps with Overlapping Talk');
  await expect(panel.getByRole('article', { name: 'Running Talk' })).not.toContainText('Overlaps');

  await panel.getByRole('button', { name: 'Take notes for Later Talk' }).click();
  await expect(
    panel.getByRole('region', { name: 'Current talk' }).getByRole('heading', { name: 'Later Talk' }),
  ).toBeVisible();
});

test('search finds notes and talks, and opens the talk', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running, later]);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'Note' }).fill('Sidecars are optional with ambient mesh');
  await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
  await panel.getByRole('button', { name: 'Search' }).click();
  await panel.getByRole('searchbox', { name: 'Search notes and talks' }).fill('AMBIENT sidecar');
  const notes = panel.getByRole('list', { name: 'Matching notes' });
  await expect(notes).toContainText('Sidecars are optional with ambient mesh');
  await panel.getByRole('searchbox', { name: 'Search notes and talks' }).fill('later');
  await panel.getByRole('list', { name: 'Matching talks' }).getByRole('button').first().click();
  await expect(
    panel.getByRole('region', { name: 'Current talk' }).getByRole('heading', { name: 'Later Talk' }),
  ).toBeVisible();
});

test('the Agenda of 300 talks draws a page of cards first and the rest as you scroll, by wheel and by keys', async ({
  openExtensionPage,
}) => {
  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  await expect(panel.getByRole('textbox', { name: 'Note' }).or(panel.getByText('Clip a talk'))).toBeVisible();
  // 300 talks over 10 days, written straight into the database the panel reads.
  const day0 = Date.UTC(2026, 4, 20, 9);
  const talks = Array.from({ length: 300 }, (_, i) => {
    const startAt = day0 - Math.floor(i / 30) * 86_400_000 + (i % 30) * 1_200_000;
    return makeTalk({
      id: `talk-${String(i).padStart(3, '0')}`,
      key: `k${i}`,
      title: `Seeded talk ${i}`,
      startAt,
      endAt: startAt + 1_100_000,
      timeZone: 'UTC',
      source: 'manual',
      url: '',
      room: `Room ${i % 3}`,
      clippedAt: i,
      updatedAt: i,
    });
  });
  await writeTable(panel, 'talks', talks);
  await panel.reload(); // a raw write is not seen by the live queries of a page that is open
  await panel.getByRole('button', { name: 'Agenda' }).click();
  const cards = panel.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const first = await cards.count();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(100);
  // The mouse wheel over the list brings more cards before the end is reached.
  await panel.mouse.move(180, 400);
  for (let i = 0; i < 6; i++) await panel.mouse.wheel(0, 1200);
  await expect.poll(() => cards.count()).toBeGreaterThan(first);
  // Keys: End, as a person pressing it with the list in front of them, until the oldest talk shows.
  for (let i = 0; i < 30 && !(await panel.getByRole('article', { name: 'Seeded talk 299' }).count()); i++) {
    await panel.keyboard.press('End');
    await panel.waitForTimeout(100);
  }
  await expect(panel.getByRole('article', { name: 'Seeded talk 299' })).toBeVisible();
  expect(await cards.count()).toBe(300);
});

test('search never says "Nothing matches" while it is still searching', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running, later]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.fill('Sidecars are optional with ambient mesh');
  await box.press('Enter');
  await expect(panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Search' }).click();
  const search = panel.getByRole('searchbox', { name: 'Search notes and talks' });
  await expect(search).toBeFocused(); // the caret is in the box: the keys below go where a person types
  // Every text the results area ever shows, recorded from the first keystroke on.
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() =>
      seen.push(document.querySelector('section[aria-label="Search"]')?.textContent ?? ''),
    ).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await panel.keyboard.type('zzz', { delay: 40 }); // matches nothing on the way…
  await panel.keyboard.press('Backspace');
  await panel.keyboard.press('Backspace');
  await panel.keyboard.press('Backspace');
  await panel.keyboard.type('ambient', { delay: 40 }); // …and this matches the note
  await expect(panel.getByRole('list', { name: 'Matching notes' })).toContainText('ambient mesh');
  const seen = await panel.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.some((t) => t.includes('Searching'))).toBe(true);
  expect(seen.filter((t) => t.includes('Nothing matches “a') || t.includes('Nothing matches “am'))).toEqual([]);
  // A query that truly matches nothing says so, once searched.
  await panel.keyboard.type('zqx');
  await expect(panel.getByText('Nothing matches “ambientzqx”.')).toBeVisible();
});

test('the panel is readable at 300 px and follows dark mode', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 300, height: 700 });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.getByRole('textbox', { name: 'Note' })).toBeVisible();
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 21, 28)');
});

test('the shortcut focuses the note box of an open panel, and the panel says which key it is', async ({
  context,
  openExtensionPage,
  serviceWorker,
}) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByText(/Shortcut: Alt\+Shift\+J/)).toBeVisible();
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await serviceWorker.evaluate(() => chrome.runtime.sendMessage({ type: 'focus-composer' }));
  await expect(panel.getByRole('textbox', { name: 'Note' })).toBeFocused();
});

test('Alt+T/Q/A/L/D/P pick the kind of the next note, as the README says', async ({ context, openExtensionPage }) => {
  await clipSessions(context, [running]);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  const kinds = panel.getByRole('group', { name: 'Kind of the next note' });
  for (const [key, label] of [
    ['t', 'Takeaway'],
    ['q', 'Quote'],
    ['a', 'Question'],
    ['l', 'Link'],
    ['d', 'To do'],
    ['p', 'Note'],
  ] as const) {
    await box.press(`Alt+${key}`);
    await expect(kinds.getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
  }
  await box.press('Alt+d');
  await box.fill('send the slides to the team');
  await box.press('Enter');
  await expect(panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem').first()).toContainText(
    'To do',
  );
  expect((await readTable<StoredNote>(panel, 'notes'))[0]).toMatchObject({
    kind: 'todo',
    text: 'send the slides to the team',
  });
});
