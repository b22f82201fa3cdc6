#!/usr/bin/env node
/**
 * Bench rows 6-* on their own (recap rendering, cold), for iterating on recap speed without the
 * full `npm run bench`:
 *
 *   node scripts/bench/recap-row.mjs [--runs N] [--profile] [--only narrative,user-template]
 *   node scripts/bench/recap-row.mjs --typing [--no-build | --ext DIR[,DIR…]] [--runs N]
 *
 * Same fixture, bundle, page and measurement as rows 6-* (scripts/bench/benches/library.mjs).
 * Prints per style the median wall time, main-thread CPU time and warm time; with --profile,
 * one CPU profile's top modules and functions (self time) per style.
 *
 * `--typing` (info row 6-typing): the same day seeded into the extension, a talk template opened
 * in the options page's editor, then words typed into its source with real key events (CDP
 * Input.dispatchKeyEvent), pausing after each word long enough for the preview to render. Per
 * keystroke: keydown → the next frame; and the longest main-thread task. With several `--ext`
 * builds (A/B), runs alternate between them.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { profileRecap, recap } from './benches/library.mjs';
import { buildExtension, bundleForBrowser, existingBuild, loadFixtures } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';
import { median, percentile } from './lib/stats.mjs';
import { seedDatabase } from './benches/panel.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const runs = Number(arg('--runs', 7));
const wantProfile = argv.includes('--profile');
const styles = arg('--only', 'narrative,bulleted,structured,user-template').split(',');

const tmp = mkdtempSync(join(os.tmpdir(), 'talkmark-bench-recap-'));
const HERMETIC = [
  '--disable-quic',
  '--no-proxy-server',
  '--disable-gpu',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
/** Words typed after the template's text: plain text, so the template stays valid at every pause. */
const WORDS = ['notes', 'from', 'the', 'talk', 'today', 'recap', 'again', 'below'];
const KEY_GAP_MS = 60;
/** Longer than the editor's 250 ms debounce: the preview renders, and the next word lands on it. */
const WORD_PAUSE_MS = 320;

if (argv.includes('--typing')) {
  try {
    await typingRow();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(0);
}
try {
  const bundle = await bundleForBrowser(join(here, 'browser', 'recap.ts'), join(tmp, 'recap.js'));
  const routes = new Map([
    ['/blank.html', { body: '<!doctype html><html><head><title>bench</title></head><body></body></html>' }],
  ]);
  const server = await startServer(routes);
  const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: HERMETIC });
  const context = await browser.newContext();
  const load = os.loadavg()[0];
  const r = await recap({ context, origin: server.origin, bundle, presets: styles, runs });
  const f = (xs) => `${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`rows 6-*, ${runs} runs, load ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`);
  for (const [style, res] of Object.entries(r)) {
    console.log(`6-${style}: ${res.last.chars} chars`);
    console.log(`  wall ${f(res.samples)}`);
    console.log(`  cpu  ${f(res.cpu)}`);
    console.log(`  warm ${f(res.warm)}`);
  }
  if (wantProfile) {
    for (const style of styles) {
      const p = await profileRecap({ context, origin: server.origin, bundle, preset: style, top: 25 });
      const pct = (ms) => `${ms.toFixed(1)} ms (${((100 * ms) / p.total).toFixed(0)} %)`;
      console.log(`profile 6-${style}: ${p.total.toFixed(0)} ms sampled`);
      for (const m of p.modules) console.log(`  module ${m.name} ${pct(m.ms)}`);
      for (const fn of p.functions) console.log(`  fn ${fn.name} ${pct(fn.ms)}`);
    }
  }
  await browser.close();
  server.close();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

async function typingOnce(extDir, fx, n) {
  const profileDir = mkdtempSync(join(tmp, `profile-${n}-`));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: await findChromium(),
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...HERMETIC],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await new Promise((r) => setTimeout(r, 1000));
    const day = fx.recapDay();
    const conference = {
      id: 'conf',
      key: 'bigconf2026.sched.com',
      name: day.conference.name,
      url: day.conference.url,
      timeZone: 'America/New_York',
      updatedAt: Date.UTC(2026, 4, 1),
    };
    await seedDatabase(
      context,
      extensionId,
      fx.storedRows({ conference, talks: day.talks, notes: day.notes, pickedTalkId: day.talks[0].id }),
    );
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('combobox', { name: 'Starter' }).selectOption('bulleted-talk');
    await page.getByRole('button', { name: 'Create template' }).click();
    const preview = page.getByRole('textbox', { name: 'Template preview' });
    await preview.waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () => (document.querySelector('textarea[aria-label="Template preview"]')?.value.length ?? 0) > 100_000,
      null,
      { timeout: 60_000 },
    );
    await page.evaluate(() => {
      const w = window;
      w.__keys = [];
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, end: e.startTime + e.duration });
      }).observe({ type: 'longtask' });
      document.addEventListener(
        'keydown',
        (e) => {
          const at = e.timeStamp;
          requestAnimationFrame(() => w.__keys.push({ at, frame: performance.now() - at }));
        },
        true,
      );
    });
    const source = page.getByRole('textbox', { name: 'Template source' });
    await source.click();
    await page.keyboard.press('ControlOrMeta+End');
    for (const word of WORDS) {
      await page.keyboard.type(` ${word}`, { delay: KEY_GAP_MS });
      await page.waitForTimeout(WORD_PAUSE_MS);
    }
    const typed = WORDS.join(' ');
    // The preview follows (the last render may still be under way).
    const updated = await page
      .waitForFunction(
        (t) => document.querySelector('textarea[aria-label="Template preview"]')?.value.includes(t),
        typed,
        { timeout: 30_000 },
      )
      .then(
        () => true,
        () => false,
      );
    const { keys, tasks } = await page.evaluate(() => ({ keys: window.__keys, tasks: window.__tasks }));
    // The longest task that overlaps each keystroke's wait for its frame.
    const longest = keys.map((k) =>
      Math.max(0, ...tasks.filter((t) => t.end > k.at && t.start < k.at + k.frame).map((t) => t.end - t.start)),
    );
    return { frames: keys.map((k) => k.frame), longest, updated };
  } finally {
    await context.close();
  }
}

async function typingRow() {
  const root = join(here, '..', '..');
  const fx = await loadFixtures(join(here, 'fixtures.ts'), join(tmp, 'fixtures.mjs'));
  const given = arg('--ext', null);
  const exts = given ? given.split(',') : [argv.includes('--no-build') ? existingBuild(root) : buildExtension(root)];
  const out = exts.map(() => ({ frames: [], longest: [], updated: true }));
  const load = os.loadavg()[0];
  for (let i = 0; i < Math.max(1, Number(arg('--runs', 3))); i++) {
    for (let j = 0; j < exts.length; j++) {
      const k = (i + j) % exts.length; // alternating order
      const r = await typingOnce(exts[k], fx, `${i}-${k}`);
      out[k].frames.push(...r.frames);
      out[k].longest.push(...r.longest);
      out[k].updated &&= r.updated;
    }
  }
  console.log(
    `6-typing: ${WORDS.length} words into a talk template over 50 talks / 2,000 notes; load ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`,
  );
  exts.forEach((ext, k) => {
    const o = out[k];
    const f = (xs, q) => `${percentile(xs, q).toFixed(1)} ms`;
    console.log(
      `  ${ext}: ${o.frames.length} keys; keystroke → next frame p50 ${f(o.frames, 50)}, p95 ${f(o.frames, 95)}, max ${Math.max(...o.frames).toFixed(1)} ms; longest task during a key p95 ${f(o.longest, 95)}, max ${Math.max(...o.longest).toFixed(1)} ms; preview updated: ${o.updated}`,
    );
  });
}
