// TEMPORARY probe (not committed): opens the side panel N times on a seeded persistent profile
// and prints every User Timing mark and navigation timings, to see where the wall time goes.
import { chromium } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { findChromium } from '../find-chromium.mjs';
import { benchExtensionCopy, loadFixtures } from './lib/build.mjs';
import { seedDatabase } from './benches/panel.mjs';

const [build, which = 'img', runsArg = '5'] = process.argv.slice(2);
const root = process.cwd();
const ext = `/tmp/panel2/ext-${which}`;
const prof = `/tmp/panel2/prof-${which}`;
rmSync(ext, { recursive: true, force: true });
benchExtensionCopy(build, ext);
await esbuild.build({
  entryPoints: [join(root, 'scripts/bench/browser/images.ts')], outfile: join(ext, 'bench-images.js'), bundle: true,
  format: 'iife', globalName: '__bench', platform: 'browser', target: 'chrome120',
  alias: { 'wxt/browser': join(root, 'scripts/bench/lib/wxt-browser-shim.ts') },
  define: { 'import.meta.env.FIREFOX': 'false' }, logLevel: 'error' });
writeFileSync(join(ext, 'bench-images.html'), '<!doctype html><meta charset="utf-8"><script src="bench-images.js"></script>');
const seeded = existsSync(join(prof, 'seeded'));
mkdirSync(join(prof, 'Default'), { recursive: true });
const context = await chromium.launchPersistentContext(prof, {
  executablePath: findChromium(), headless: true, viewport: which === 'img' ? { width: 1600, height: 900 } : undefined,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--disable-gpu'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
await new Promise((r) => setTimeout(r, 1000));
const fx = await loadFixtures(join(root, 'scripts/bench/fixtures.ts'), '/tmp/panel2/fixtures.mjs');
if (!seeded) {
  if (which === 'img') {
    const data = fx.storedRows(fx.panelData({ talks: 40, notes: 400 }));
    await seedDatabase(context, id, data);
    const b = await context.newPage();
    await b.goto(`chrome-extension://${id}/bench-images.html`);
    const start = Date.now() - 3600_000;
    await b.evaluate(({ t, s }) => globalThis.__bench.seedImageNotes(t, 200, s), { t: data.pickedTalkId, s: start });
    writeFileSync(join(prof, 'talk'), data.pickedTalkId);
    await b.close();
  } else {
    const panel = fx.panelData();
    await seedDatabase(context, id, fx.storedRows(panel));
    const large = fx.panelData({ talks: 4500, notes: 90_000, seed: fx.SEED + 7 });
    large.conference = panel.conference;
    for (const t of large.talks) t.conferenceId = panel.conference.id;
    await seedDatabase(context, id, fx.storedRows(large));
  }
  writeFileSync(join(prof, 'seeded'), '1');
}
if (which === 'img') {
  const b = await context.newPage();
  await b.goto(`chrome-extension://${id}/bench-images.html`);
  const t = (await import('node:fs')).readFileSync(join(prof, 'talk'), 'utf8');
  await b.evaluate((t) => globalThis.__bench.pick(t), t);
  await b.close();
}
const url = `chrome-extension://${id}/sidepanel.html`;
const out = [];
for (let i = 0; i <= Number(runsArg); i++) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0, null, { timeout: 20000 });
  await page.waitForTimeout(50);
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const marks = performance.getEntriesByType('mark').map((m) => `${m.name}=${m.startTime.toFixed(0)}`);
    const res = performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop()}:${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`);
    return { dcl: nav.domContentLoadedEventEnd.toFixed(0), resp: nav.responseEnd.toFixed(0), marks, res,
      notes: document.querySelectorAll('[data-note-id]').length, focused: document.activeElement?.getAttribute('aria-label') };
  });
  await page.close();
  if (i > 0) out.push(r);
}
for (const r of out) console.log(JSON.stringify(r));
await context.close();
