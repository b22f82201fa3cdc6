/**
 * Slide snapshots (#17): the real capture shortcut, pressed with xdotool in a visible (Xvfb)
 * window, grants activeTab; the worker captures the tab and stores an image note on the talk that
 * is on now, at the instant of the key press.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { resolveLink } from '../../lib/export/post-layout';
import { sniffImageType } from '../../lib/images/check';
import { join } from 'node:path';
import { expect, OWN_FIXTURES, pressShortcut, readTable, test } from './fixtures';
import { copySlidePng, readImages } from './images';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

test.use({ headed: true });

const CAPTURE = 'alt+shift+s';
const running: SessionSpec = {
  id: 'e'.repeat(32),
  title: 'Slides Talk',
  start: Date.now() - 20 * MINUTE,
  minutes: 45,
  room: 'Hall C',
};
const DECK = 'https://slides.example/deck/7';
const DECK_HTML = `<!doctype html><title>Deck</title>
<body style="margin:0;background:#1d3d8f;color:#fff;font:64px sans-serif;display:grid;place-items:center;height:100vh">
<h1>Slide 7: p95 budgets</h1></body>`;

interface StoredNote {
  id: string;
  talkId: string;
  kind: string;
  text: string;
  createdAt: number;
  updatedAt: number;
  imageId?: string;
}

test('the capture shortcut stores the visible tab as a slide note of the talk on now, at the key press', async ({
  context,
  serviceWorker,
  openExtensionPage,
  serve,
}) => {
  const shortcut = await serviceWorker.evaluate(
    async () => (await chrome.commands.getAll()).find((c) => c.name === 'capture-slide')?.shortcut,
  );
  expect(shortcut).toBe('Alt+Shift+S'); // Chrome accepted the default: it is not taken
  await clipSessions(context, [running]);
  const helper = await openExtensionPage('options.html');
  const [talk] = await readTable<{ id: string; startAt: number }>(helper, 'talks');
  await serve(DECK, { html: DECK_HTML });
  const deck = await context.newPage();
  await deck.goto(DECK);

  const before = Date.now();
  await pressShortcut(deck, CAPTURE);
  const after = Date.now();
  await expect.poll(async () => (await readImages(helper)).length, { timeout: 15_000 }).toBe(1);
  const [image] = await readImages(helper);
  const notes = await readTable<StoredNote>(helper, 'notes');
  expect(notes).toHaveLength(1);
  const [note] = notes;
  expect(note).toMatchObject({ talkId: talk!.id, kind: 'slide', text: 'Slide', imageId: image!.id });
  // At the key press (xdotool returns a moment before Chromium handles the key), not when the
  // encoded image was written (updatedAt): about 20 minutes into the talk.
  expect(note!.createdAt).toBeGreaterThanOrEqual(before - 1000);
  expect(note!.createdAt).toBeLessThanOrEqual(after + 1000);
  expect(note!.createdAt).toBeLessThan(note!.updatedAt);
  expect(note!.createdAt - talk!.startAt).toBeGreaterThan(19 * MINUTE);
  // Chromium encodes WebP in the worker; longest side within 1920, a 320 px thumbnail.
  expect(image).toMatchObject({ noteId: note!.id, talkId: talk!.id, mime: 'image/webp' });
  expect(image!.head.slice(0, 4) + image!.head.slice(8, 12)).toBe('RIFFWEBP');
  expect(image!.thumbHead.slice(8, 12)).toBe('WEBP');
  expect(Math.max(image!.width, image!.height)).toBeLessThanOrEqual(1920);
  expect(image!.width).toBeGreaterThan(300);
  expect(Math.max(image!.thumbWidth)).toBeLessThanOrEqual(320);

  // The same slide again: stored once (identical capture), and the badge says so.
  await pressShortcut(deck, CAPTURE);
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.action.getTitle({ tabId: tab!.id });
      }),
    )
    .toBe('Talkmark: the same slide is already saved');
  expect(await readImages(helper)).toHaveLength(1);
});

test('a photo pasted into the note box (a real Ctrl+V of an image on the clipboard) becomes a note with its image', async ({
  context,
  openExtensionPage,
  serve,
}) => {
  await clipSessions(context, [{ ...running, id: 'f'.repeat(32), title: 'Photo Talk' }]);
  // A photo copied on a web page (PNG: what Chromium's clipboard takes), then pasted in the panel.
  await copySlidePng(context, serve);
  const panel = await openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 360, height: 700 });
  const box = panel.getByRole('textbox', { name: 'Note' });
  await expect(box).toBeVisible();
  await box.click(); // a real click puts the caret there
  await panel.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await readImages(panel)).length).toBe(1);
  const [note] = await readTable<StoredNote>(panel, 'notes');
  const [image] = await readImages(panel);
  expect(note).toMatchObject({ kind: 'plain', text: 'Photo', imageId: image!.id });
  expect(image).toMatchObject({ width: 300, height: 200, noteId: note!.id });
  await expect(box).toHaveValue('');
});

test('Download as .zip holds the post and every picture, in the Hugo bundle and Jekyll layouts, with links that resolve', async ({
  context,
  openExtensionPage,
  serve,
}) => {
  await clipSessions(context, [{ ...running, id: '1'.repeat(32), title: 'Zip Talk' }]);
  const gallery = 'https://photos.example/';
  await serve(gallery, { html: '<!doctype html><title>Photos</title><p>photo</p>' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gallery });
  const source = await context.newPage();
  await source.goto(gallery);
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await expect(box).toBeVisible();
  await box.fill('Budgets first');
  await box.press('Enter');
  // Two different pictures: the PNG slide, and the same slide drawn smaller (other bytes).
  for (const scale of [1, 0.5]) {
    await source.bringToFront();
    await source.evaluate(
      async ({ b64, scale }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width * scale, bitmap.height * scale);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        const png = await canvas.convertToBlob({ type: 'image/png' });
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      },
      { b64: readFileSync(join(OWN_FIXTURES, 'images/slide-300x200.png')).toString('base64'), scale },
    );
    await panel.bringToFront();
    await box.click();
    await panel.keyboard.press('ControlOrMeta+V');
  }
  await expect.poll(async () => (await readImages(panel)).length).toBe(2);
  const stored = await readImages(panel);

  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Export recap' })).toBeVisible();
  for (const flavour of ['hugo', 'jekyll'] as const) {
    await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption(flavour);
    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download as .zip' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}-.+\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const names = Object.keys(files);
    const post = names.find((n) => n.endsWith('.md'))!;
    expect(post).toMatch(
      flavour === 'hugo' ? /^content\/posts\/[a-z0-9-]+\/index\.md$/ : /^_posts\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/,
    );
    expect(names).toHaveLength(3);
    const markdown = strFromU8(files[post]!);
    expect(markdown).toContain('Budgets first');
    const links = [...markdown.matchAll(/!\[Photo\]\(<([^>]+)>\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    for (const link of links) {
      const target = resolveLink(post, link);
      expect(names, `${link} from ${post}`).toContain(target);
      // The picture is what its name says, by its bytes.
      const type = sniffImageType(files[target]!);
      expect(type && { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/webp': '.webp' }[type]).toBe(
        target.slice(target.lastIndexOf('.')),
      );
    }
    // Byte for byte the stored pictures, in note order.
    expect(links.map((l) => files[resolveLink(post, l)]!.length).sort()).toEqual(
      stored.map((s) => s.byteLength).sort(),
    );
  }
});
