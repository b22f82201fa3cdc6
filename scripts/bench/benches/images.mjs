/**
 * 11. Pictures (#17), in an extension page of a fresh bench copy on a fresh profile:
 * 11a/11b a backup .zip and a day's post .zip with 100 pictures; 11c the side panel's first
 * render with a talk holding 200 picture notes (thumbnails lazy); 11d the slide capture from
 * `captureVisibleTab` to the note written (the command's path after the key press), p95.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { benchExtensionCopy } from '../lib/build.mjs';
import { panelFirstRender, seedDatabase } from './panel.mjs';

async function bundle(root, dest) {
  await esbuild.build({
    entryPoints: [join(root, 'scripts/bench/browser/images.ts')],
    outfile: join(dest, 'bench-images.js'),
    bundle: true,
    format: 'iife',
    globalName: '__bench',
    platform: 'browser',
    target: 'chrome120',
    alias: { 'wxt/browser': join(root, 'scripts/bench/lib/wxt-browser-shim.ts') },
    define: { 'import.meta.env.FIREFOX': 'false' },
    logLevel: 'error',
  });
  writeFileSync(
    join(dest, 'bench-images.html'),
    '<!doctype html><meta charset="utf-8"><title>bench images</title><script src="bench-images.js"></script>',
  );
}

export async function imageBenches({
  root,
  buildDir,
  tmp,
  chromiumPath,
  hermetic,
  fx,
  origin,
  routes,
  runs,
  captures,
  panelOnly = false,
}) {
  const extDir = benchExtensionCopy(buildDir, join(tmp, 'extension-images'));
  // The command's key press grants activeTab; here the bench copy holds the host permission instead.
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, '<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  await bundle(root, extDir);
  routes.set('/slide.html', {
    body: '<!doctype html><title>slide</title><body style="margin:0;background:#1d3d8f;color:#fff;font:64px sans-serif;display:grid;place-items:center;height:100vh"><h1 id="t">Slide 0</h1><p id="p"></p></body>',
  });

  const profileDir = join(tmp, 'profile-images');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1600, height: 900 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...hermetic],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await new Promise((r) => setTimeout(r, 1000));
    const data = fx.storedRows(fx.panelData({ talks: 40, notes: 400 }));
    await seedDatabase(context, extensionId, data);
    const talkId = data.pickedTalkId;
    const bench = await context.newPage();
    await bench.goto(`chrome-extension://${extensionId}/bench-images.html`);
    const start = Date.now() - 3600_000;
    const seeded = await bench.evaluate(({ talkId, start }) => globalThis.__bench.seedImageNotes(talkId, 100, start), {
      talkId,
      start,
    });

    const backup = [];
    const day = [];
    for (let i = 0; i < (panelOnly ? 0 : runs); i++) {
      backup.push(await bench.evaluate(() => globalThis.__bench.backupZip()));
      day.push(await bench.evaluate((id) => globalThis.__bench.dayZip(id), talkId));
    }

    await bench.evaluate(({ talkId, start }) => globalThis.__bench.seedImageNotes(talkId, 100, start + 100 * 20_000), {
      talkId,
      start,
    });
    await bench.evaluate((id) => globalThis.__bench.pick(id), talkId);
    const panel = await panelFirstRender({ context, extensionId, runs });
    if (panelOnly) return { seeded, panel };
    const thumbs = await (async () => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 700 });
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
      const atReady = await page.evaluate(() => document.querySelectorAll('.note-thumb img').length);
      const boxes = await page.evaluate(() => document.querySelectorAll('.note-thumb').length);
      await page.waitForTimeout(1000);
      const later = await page.evaluate(() => document.querySelectorAll('.note-thumb img').length);
      await page.close();
      return { atReady, boxes, later };
    })();

    // The slide in a window of its own, changed before each capture (an identical one is not stored twice).
    const [slide, windowId] = await Promise.all([
      context.waitForEvent('page'),
      bench.evaluate(async (url) => (await chrome.windows.create({ url, focused: true })).id, `${origin}/slide.html`),
    ]);
    await slide.waitForLoadState('load');
    const samples = [];
    const before = [];
    for (let i = 0; i < 2 * captures; i++) {
      await slide.evaluate((n) => {
        document.getElementById('t').textContent = `Slide ${n}`;
        document.getElementById('p').textContent = `point ${n * 7} · ${new Date().toISOString()}`;
        return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }, i + 1);
      // Interleaved with the PNG capture of before, so both arms meet the same machine load.
      const way = i % 2 ? 'png' : 'product';
      const r = await bench.evaluate(({ windowId, talkId, way }) => globalThis.__bench.capture(windowId, talkId, way), {
        windowId,
        talkId,
        way,
      });
      (way === 'png' ? before : samples).push(r);
    }
    return { seeded, backup, day, panel, thumbs, captures: samples, capturesBefore: before };
  } finally {
    await context.close();
  }
}
