#!/usr/bin/env node
/**
 * Bench row 5 on its own (Sched extraction), for iterating on extraction speed without the
 * full `npm run bench` (which also builds the extension and measures the panel):
 *
 *   node scripts/bench/extract-row.mjs [--runs N] [--profile]
 *
 * Same fixture, bundle, page and measurement as row 5 (scripts/bench/benches/library.mjs).
 * Prints the median wall time, main-thread CPU time and warm (second call) time; with
 * --profile, one CPU profile's top modules and functions (self time).
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../find-chromium.mjs';
import { extraction, profileExtraction } from './benches/library.mjs';
import { bundleForBrowser, loadFixtures } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';
import { median } from './lib/stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const wantProfile = argv.includes('--profile');

const tmp = mkdtempSync(join(os.tmpdir(), 'talkmark-bench-extract-'));
const HERMETIC = [
  '--disable-quic',
  '--no-proxy-server',
  '--disable-gpu',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
try {
  const fx = await loadFixtures(join(here, 'fixtures.ts'), join(tmp, 'fixtures.mjs'));
  const bundle = await bundleForBrowser(join(here, 'browser', 'extract.ts'), join(tmp, 'extract.js'));
  const routes = new Map([['/sched/list/descriptions/', { body: fx.schedDescriptionsPage(600) }]]);
  const server = await startServer(routes);
  const browser = await chromium.launch({ executablePath: await findChromium(), headless: true, args: HERMETIC });
  const context = await browser.newContext();
  context.setDefaultNavigationTimeout(180_000); // a loaded machine loads the 600-session page slowly
  context.setDefaultTimeout(180_000);
  const load = os.loadavg()[0];
  const r = await extraction({ context, origin: server.origin, bundle, url: fx.SCHED_URL, runs });
  const f = (xs) => `${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`row 5, ${runs} runs, load ${load.toFixed(1)}`);
  console.log(`  wall ${f(r.samples)}`);
  console.log(`  cpu  ${f(r.cpu)}`);
  console.log(`  warm ${f(r.warm)}`);
  console.log(`  talks ${r.last.talks}, with description ${r.last.withDescription}`);
  if (wantProfile) {
    const p = await profileExtraction({ context, origin: server.origin, bundle, url: fx.SCHED_URL, top: 20 });
    const pct = (ms) => `${ms.toFixed(1)} ms (${((100 * ms) / p.total).toFixed(0)} %)`;
    console.log(`profile: ${p.total.toFixed(0)} ms sampled`);
    for (const m of p.modules) console.log(`  module ${m.name} ${pct(m.ms)}`);
    for (const fn of p.functions) console.log(`  fn ${fn.name} ${pct(fn.ms)}`);
  }
  await browser.close();
  server.close();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
