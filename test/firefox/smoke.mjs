// Firefox smoke test: the Firefox MV3 build installs in headless Firefox ESR, clips a Sched
// session with its in-page button, and the sidebar page shows the talk. Playwright's Firefox
// cannot load extensions, so puppeteer-core drives firefox-esr over WebDriver BiDi.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const extDir = join(root, '.output/firefox-mv3');
const MANIFEST = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
const GECKO_ID = MANIFEST.browser_specific_settings.gecko.id;
// Chrome-only parts: Firefox has a sidebar and an event page that makes Blob URLs itself.
const chromeOnly = ['sidePanel', 'offscreen'].filter((p) => MANIFEST.permissions.includes(p));
if (chromeOnly.length || existsSync(join(extDir, 'offscreen.html'))) {
  console.error(
    `Firefox smoke: failed — the Firefox build carries Chrome-only parts: ${chromeOnly.join(', ') || 'offscreen.html'}`,
  );
  process.exit(1);
}
const SESSION_URL = 'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team';
const SESSION_HTML = readFileSync(join(root, 'test/fixtures/sched/kcdsf2025-session.html'), 'utf8');
const TITLE = 'Platform Engineering Without the Platform Team';

const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
if (!firefox) {
  console.log('Firefox smoke: skipped — no Firefox found (Debian: apt-get install firefox-esr, or set FIREFOX_PATH).');
  process.exit(process.env.CI ? 1 : 0);
}

const uuid = randomUUID();
const profile = mkdtempSync(join(tmpdir(), 'talkmark-ff-'));
const deadline = setTimeout(() => {
  console.error('Firefox smoke: timed out after 90 s');
  process.exit(1);
}, 90_000);

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: firefox,
  headless: true,
  userDataDir: profile,
  args: ['--remote-allow-system-access'],
  extraPrefsFirefox: {
    // A fixed UUID, so the test knows the sidebar page's moz-extension:// address.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'network.proxy.type': 0,
  },
});

let failed = null;
try {
  await browser.installExtension(extDir);
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(SESSION_URL))
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: SESSION_HTML });
    else void request.respond({ status: 404, contentType: 'text/plain', body: 'offline' });
  });
  await page.goto(SESSION_URL, { waitUntil: 'load' });
  // The button lives in the content script's shadow root: `>>>` pierces it.
  const clip = await page.waitForSelector('talkmark-clip >>> button[aria-label="Clip talk"]', { timeout: 15_000 });
  const t0 = Date.now();
  await clip.click();
  // Polled, not waitForSelector: puppeteer re-checks a selector on mutations of the document, and
  // the button's change happens inside the content script's shadow root, which that never sees
  // (the wait passed only when something else in the page happened to change afterwards).
  await page.waitForFunction(
    () => !!document.querySelector('talkmark-clip')?.shadowRoot?.querySelector('button[aria-label="Clipped talk"]'),
    { polling: 100, timeout: 15_000 },
  );
  console.log('CLIP_MS', Date.now() - t0);

  const panel = await browser.newPage();
  void panel.goto(`moz-extension://${uuid}/sidepanel.html`).catch(() => {}); // never resolves for moz-extension pages
  await panel.waitForSelector('::-p-aria(Agenda[role="button"])', { timeout: 15_000 });
  await (await panel.$('::-p-aria(Agenda[role="button"])')).click();
  const card = await panel.waitForSelector(`::-p-aria(${TITLE}[role="article"])`, { timeout: 15_000 });
  const text = await card.evaluate((el) => el.textContent ?? '');
  if (!text.includes('Grand Ballroom A')) throw new Error(`the sidebar card lacks the room: ${text}`);
  // Readable in Firefox too: body text ≥ 13 px, no visible text under 11 px (as in Chrome, capture-focus.spec.ts).
  const sizes = await panel.evaluate(() => {
    const own = (el) =>
      [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) ||
      ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(el.tagName);
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const all = [...document.querySelectorAll('body *')]
      .filter((el) => own(el) && visible(el))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return { body: parseFloat(getComputedStyle(document.body).fontSize), smallest: Math.min(...all) };
  });
  if (sizes.body < 13 || sizes.smallest < 11)
    throw new Error(`the sidebar text is too small: body ${sizes.body} px, smallest ${sizes.smallest} px`);
  console.log(
    `Firefox smoke: 1 passed — clipped on a Sched page, read back in the sidebar page (text ${sizes.body} px, smallest ${sizes.smallest} px).`,
  );
} catch (err) {
  failed = err;
} finally {
  await browser.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  clearTimeout(deadline);
}
if (failed) {
  console.error(`Firefox smoke: failed — ${failed instanceof Error ? failed.message : failed}`);
  process.exit(1);
}
