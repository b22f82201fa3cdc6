#!/usr/bin/env node
/**
 * Bench rows 6-* on their own (recap rendering, cold), for iterating on recap speed without the
 * full `npm run bench`:
 *
 *   node scripts/bench/recap-row.mjs [--runs N] [--profile] [--only narrative,user-template]
 *
 * Same fixture, bundle, page and measurement as rows 6-* (scripts/bench/benches/library.mjs).
 * Prints per style the median wall time, main-thread CPU time and warm time; with --profile,
 * one CPU profile's top modules and functions (self time) per style.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { profileRecap, recap } from './benches/library.mjs';
import { bundleForBrowser } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';
import { median } from './lib/stats.mjs';

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
