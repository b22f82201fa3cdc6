// `npm start`: build the demo variant of the extension, serve the bundled demo conference from
// loopback, and open Chromium with Talkmark loaded on it. `--check` does the same headless,
// clips one demo talk and exits (CI runs it, so the README's first command stays true).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinExtension, unpackedExtensionId } from './demo-profile.mjs';
import { startDemoServer } from './demo-server.mjs';
import { findChromium } from './find-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const extDir = join(root, '.output/demo/chrome-mv3');

const ensure = spawnSync(process.execPath, [join(root, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' });
if (ensure.status !== 0) process.exit(1);
const chromiumPath = await findChromium();

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
console.log('Talkmark: building the demo extension (wxt build, usually 10–45 s)…');
const build = await buildDemo();
if (build.status !== 0) {
  console.error(build.output);
  console.error('Talkmark: the build failed (see above).');
  process.exit(1);
}
console.log(`Talkmark: built in ${elapsed()}.`);

/** `wxt build` of the demo variant; with --check its output is kept for a failure, and a line
 * every 10 s says the build is still going (CI logs otherwise sit silent). */
function buildDemo() {
  return new Promise((resolveBuild) => {
    const child = spawn('npx', ['wxt', 'build'], {
      cwd: root,
      stdio: check ? 'pipe' : 'inherit',
      env: { ...process.env, WXT_DEMO: 'true' },
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const ticker = check ? setInterval(() => console.log(`Talkmark: still building… ${elapsed()}`), 10_000) : null;
    child.on('close', (status) => {
      if (ticker) clearInterval(ticker);
      resolveBuild({ status, output });
    });
  });
}

const demo = await startDemoServer({ port: Number(process.env.PORT ?? (check ? 0 : 5175)) });
console.log(`Talkmark: demo conference at ${demo.url}`);

if (check) {
  console.log('Talkmark: check: starting headless Chromium with the extension…');
  const { chromium } = await import('@playwright/test');
  const profile = mkdtempSync(join(tmpdir(), 'talkmark-demo-check-'));
  pinExtension(profile, unpackedExtensionId(extDir));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--disable-gpu'],
  });
  let ok = false;
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // The demo page says "the Talkmark button in the toolbar": it must be pinned there.
    const { isOnToolbar } = await worker.evaluate(() => chrome.action.getUserSettings());
    if (!isOnToolbar) throw new Error('Talkmark is not pinned to the toolbar in the demo profile');
    const page = await context.newPage();
    console.log('Talkmark: check: clipping a demo talk with the in-page button…');
    await page.goto(demo.firstTalkUrl);
    await page.getByRole('button', { name: 'Clip talk' }).click();
    await page.getByRole('button', { name: 'Clipped talk' }).waitFor({ timeout: 10_000 });
    console.log('Talkmark: check: looking for it in the side panel…');
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
    await panel.getByRole('button', { name: 'Agenda' }).click();
    await panel.getByRole('article', { name: 'Paved Roads on a Budget' }).waitFor({ timeout: 10_000 });
    ok = true;
    console.log(
      `Talkmark: demo check passed in ${elapsed()} — Talkmark is pinned to the toolbar, a demo talk was clipped and shows in the side panel.`,
    );
  } catch (err) {
    console.error(`Talkmark: demo check failed: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
  } finally {
    await context.close();
    await demo.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

const profile = join(root, '.cache/demo-profile');
mkdirSync(profile, { recursive: true });
pinExtension(profile, unpackedExtensionId(extDir));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extDir}`,
  `--load-extension=${extDir}`,
  '--no-first-run',
  '--no-default-browser-check',
  demo.url,
  demo.firstTalkUrl,
];
if (process.getuid?.() === 0) args.unshift('--no-sandbox'); // Chromium refuses to run as root otherwise
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error(
    'Talkmark: no display found. Run `xvfb-run -a npm start` for a virtual one, or `npm start -- --check` for a headless check.',
  );
  await demo.close();
  process.exit(1);
}
console.log(
  'Talkmark: opening Chromium. Click “Clip” on a talk, then the Talkmark button pinned in the toolbar (right of the address bar) → “Open side panel”. Ctrl+C stops.',
);
const browserProcess = spawn(chromiumPath, args, { stdio: 'ignore' });
const stop = async () => {
  browserProcess.kill();
  await demo.close();
  process.exit(0);
};
browserProcess.on('exit', stop);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
