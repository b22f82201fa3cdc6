// `npm run screenshots`: the store screenshots (1280×800 PNG) from the demo conference, so they
// show the UI as it is. Builds the demo variant, serves DemoConf, clips its day with the in-page
// button, types notes with the keyboard, and photographs the page with Talkmark's panel beside
// it, as Chrome lays them out. Writes store/screenshots/*.png and the README's docs/sidepanel.png.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startDemoServer } from './demo-server.mjs';
import { findChromium } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extDir = join(root, '.output/demo/chrome-mv3');
const outDir = join(root, 'store/screenshots');
const WIDTH = 1280;
const HEIGHT = 800;
const PANEL = 400; // Chrome's side panel is 320–~600 px wide; 400 is a common choice

if (spawnSync(process.execPath, [join(root, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' }).status !== 0)
  process.exit(1);
console.log('screenshots: building the demo extension…');
const build = spawnSync('npx', ['wxt', 'build'], {
  cwd: root,
  stdio: 'pipe',
  env: { ...process.env, WXT_DEMO: 'true' },
});
if (build.status !== 0) {
  console.error(build.stdout.toString(), build.stderr.toString());
  process.exit(1);
}

const demo = await startDemoServer();
const profile = mkdtempSync(join(tmpdir(), 'talkmark-screenshots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: await findChromium(),
  headless: true,
  viewport: { width: WIDTH - PANEL, height: HEIGHT },
  deviceScaleFactor: 1,
  colorScheme: 'light',
  args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--disable-gpu'],
});
mkdirSync(outDir, { recursive: true });
const shots = [];

/** The page on the left, the panel on the right, one 1280×800 picture. */
async function sideBySide(name, page, panel) {
  const left = await page.screenshot();
  const right = await panel.screenshot();
  const frame = await context.newPage();
  await frame.setViewportSize({ width: WIDTH, height: HEIGHT });
  const png = (b) => `data:image/png;base64,${b.toString('base64')}`;
  await frame.setContent(`<body style="margin:0;display:flex;background:#dadce0">
    <img src="${png(left)}" style="width:${WIDTH - PANEL - 1}px;height:${HEIGHT}px">
    <div style="width:1px;background:#c4c7c5"></div>
    <img src="${png(right)}" style="width:${PANEL}px;height:${HEIGHT}px"></body>`);
  await frame
    .locator('img')
    .last()
    .evaluate((img) => img.decode());
  const file = join(outDir, `${name}.png`);
  await frame.screenshot({ path: file });
  await frame.close();
  shots.push(file);
}

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const conference = JSON.parse(readFileSync(join(root, 'test/demo/conference.json'), 'utf8'));

  // 1. The schedule, its day added with one press.
  const schedule = await context.newPage();
  await schedule.goto(demo.url);
  await schedule
    .getByRole('button', { name: /^Add the day/ })
    .first()
    .click();
  await schedule
    .getByRole('button', { name: /^Clipped talk/ })
    .first()
    .waitFor({ timeout: 15_000 });
  const panel = await context.newPage();
  await panel.setViewportSize({ width: PANEL, height: HEIGHT });
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Agenda', exact: true }).click();
  await panel.getByRole('article').first().waitFor();
  await sideBySide('1-agenda', schedule, panel);

  // 2. Notes during the talk that is on now, typed as a person types them.
  const talk = conference.talks[1];
  const talkPage = await context.newPage();
  await talkPage.goto(demo.firstTalkUrl);
  await panel.getByRole('button', { name: 'Now', exact: true }).click();
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.click();
  for (const note of [
    '!Measure the time from a new repository to its first deploy, and make it shorter every month',
    '"Most teams cannot staff a platform team. They still deserve paved roads."',
    '?How do they keep the template repository from drifting?',
    '[]Try the shared CI pipeline on our two newest services',
  ]) {
    await box.pressSequentially(note, { delay: 0 });
    await box.press('Enter');
  }
  await panel.getByText('first deploy').first().waitFor();
  await sideBySide('2-notes', talkPage, panel);
  // The README's picture: the panel alone, as it looks during a talk.
  await panel.screenshot({ path: join(root, 'docs/sidepanel.png') });
  shots.push(join(root, 'docs/sidepanel.png'));

  // 3. The recap, ready to paste into a blog post.
  const post = await context.newPage();
  await post.goto(new URL('/blog/paved-roads', demo.url).href);
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await panel.getByRole('region', { name: 'Export recap' }).waitFor();
  await panel.waitForTimeout(500); // the preview renders after its debounce
  await sideBySide('3-recap', post, panel);
  console.log(`screenshots: ${talk.title} — wrote ${shots.map((f) => f.slice(root.length + 1)).join(', ')}`);
} finally {
  await context.close();
  await demo.close();
  rmSync(profile, { recursive: true, force: true });
}
