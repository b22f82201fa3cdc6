#!/usr/bin/env node
/**
 * `npm run bench`: what users feel, measured in the real browser (headless Chromium, Playwright)
 * against budgets and a peer approach. Prints one table and writes BENCHMARKS.md.
 *
 *   node scripts/bench/run.mjs [--no-build] [--runs N] [--rounds N] [--no-profile] [--out FILE]
 *   node scripts/bench/run.mjs --write-fixtures DIR   (only writes the generated fixtures)
 *   node scripts/bench/run.mjs --only images [--no-build] [--runs N]   (rows 11a–11d only, printed, BENCHMARKS.md untouched)
 *   node scripts/bench/run.mjs --only sync [--no-build] [--sync-runs N] [--profile-sync]   (rows 12a–12b only, printed)
 *   node scripts/bench/run.mjs --only agenda|search [--no-build] [--runs N]   (rows 10/10b or 8/9, both sizes, printed)
 *   node scripts/bench/run.mjs --only notes [--no-build] [--large]   (rows 3a–3c, with --large 3-large too: note writes, printed)
 *   node scripts/bench/run.mjs --only panel [--no-build] [--runs N]    (rows 2, 2-large, 11c only, printed, BENCHMARKS.md untouched)
 *   node scripts/bench/run.mjs --only extract [--runs N]   (row 5 only: wall, CPU, second call; no extension build)
 *
 * Not part of `npm test`: timings depend on the machine, so nothing here fails a build; the
 * exit code is 0 unless the benchmark itself could not run.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { findChromium } from '../find-chromium.mjs';
import { benchExtensionCopy, buildExtension, bundleForBrowser, existingBuild, loadFixtures } from './lib/build.mjs';
import { formatProfile } from './lib/profile.mjs';
import { startServer } from './lib/server.mjs';
import { median, percentile, summary } from './lib/stats.mjs';
import { pageLoad } from './benches/page-load.mjs';
import {
  agenda,
  idlePanel,
  noteWrites,
  panelFirstRender,
  profileNoteWrites,
  profilePanel,
  seedDatabase,
} from './benches/panel.mjs';
import {
  anchoring,
  extraction,
  highlighterParts,
  prepareAnchoring,
  profileAnchoring,
  profileExtraction,
  profileRecap,
  recap,
} from './benches/library.mjs';
import { libraryDb } from './benches/library-db.mjs';
import { imageBenches } from './benches/images.mjs';
import { sizes } from './benches/sizes.mjs';
import { syncFromEmpty, typingWhileSyncing } from './benches/sync.mjs';
import { renderMarkdown, renderTable } from './lib/report.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');

function parseArgs(argv) {
  const args = {
    build: true,
    runs: 7,
    rounds: 10,
    profile: true,
    out: join(ROOT, 'BENCHMARKS.md'),
    writeFixtures: null,
    only: null,
    syncRuns: 3,
    profileSync: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') args.build = false;
    else if (a === '--no-profile') args.profile = false;
    else if (a === '--runs') args.runs = Math.max(5, Number(argv[++i]));
    else if (a === '--rounds') args.rounds = Math.max(5, Number(argv[++i]));
    else if (a === '--out') args.out = resolve(argv[++i]);
    else if (a === '--write-fixtures') args.writeFixtures = resolve(argv[++i]);
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--sync-runs') args.syncRuns = Math.max(1, Number(argv[++i]));
    else if (a === '--profile-sync') args.profileSync = true;
    else if (a === '--large') args.large = true;
    else throw new Error(`Unknown option ${a}`);
  }
  return args;
}

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
/** Offline and steady: every host but loopback fails at once (fixture pages reference Sched's CDN, YouTube). */
const HERMETIC = [
  '--disable-quic',
  '--no-proxy-server',
  '--disable-gpu',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (x) => x.toFixed(3);
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

async function timed(label, fn) {
  const t0 = Date.now();
  log(`${label}…`);
  const out = await fn();
  log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

/** Which modules make up the injected highlighter (esbuild's view of the same sources, minified). */
async function highlighterComposition() {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'lib/extension/highlighter/controller.ts')],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'iife',
    platform: 'browser',
    external: ['wxt/*'],
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const total = output.bytes;
  const parts = Object.entries(output.inputs)
    .map(([file, v]) => ({ file: file.replace(/^.*?(lib|node_modules)\//, '$1/'), bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { total, parts };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const tmp = mkdtempSync(join(os.tmpdir(), 'talkmark-bench-'));
  const cleanups = [() => rmSync(tmp, { recursive: true, force: true })];
  try {
    const fx = await loadFixtures(join(here, 'fixtures.ts'), join(tmp, 'fixtures.mjs'));
    const article = fx.benchArticle();
    const schedPage = fx.schedDescriptionsPage(600);
    if (args.writeFixtures) {
      mkdirSync(args.writeFixtures, { recursive: true });
      writeFileSync(join(args.writeFixtures, 'article.html'), article);
      writeFileSync(join(args.writeFixtures, 'sched-list-descriptions-600.html'), schedPage);
      writeFileSync(join(args.writeFixtures, 'panel-data.json'), JSON.stringify(fx.panelData()));
      writeFileSync(join(args.writeFixtures, 'recap-day.json'), JSON.stringify(fx.recapDay()));
      log(`fixtures written to ${args.writeFixtures}`);
      return;
    }

    const chromiumPath = await findChromium();
    if (!chromiumPath) throw new Error('No Chromium: set CHROMIUM_PATH or run `node scripts/ensure-chromium.mjs`.');
    if (args.only === 'extract') {
      // Row 5 alone, measured as the full run does (fresh page per run, plain Chromium); no extension build.
      const bundle = await bundleForBrowser(join(here, 'browser', 'extract.ts'), join(tmp, 'extract.js'));
      const server = await startServer(new Map([['/sched/list/descriptions/', { body: schedPage }]]));
      cleanups.unshift(() => server.close());
      const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: HERMETIC });
      cleanups.unshift(() => browser.close());
      const context = await browser.newContext();
      context.setDefaultNavigationTimeout(180_000); // the 600-session page loads slowly on a loaded machine
      const r = await extraction({ context, origin: server.origin, bundle, url: fx.SCHED_URL, runs: args.runs });
      const f = (xs) => `${ms(median(xs))} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
      process.stdout.write(
        `5 extractTalks, ${r.last.talks} talks, ${args.runs} cold runs: wall ${f(r.samples)}; CPU ${f(r.cpu)}; second call ${f(r.warm)}; load ${os.loadavg()[0].toFixed(1)}\n`,
      );
      return;
    }
    const buildDir = args.build ? await timed('wxt build', () => buildExtension(ROOT)) : existingBuild(ROOT);
    const extDir = benchExtensionCopy(buildDir, join(tmp, 'extension'));
    const bundles = {};
    for (const name of ['anchoring', 'extract', 'recap', 'highlighter-parts', 'library-db'])
      bundles[name] = await bundleForBrowser(join(here, 'browser', `${name}.ts`), join(tmp, `${name}.js`));

    const routes = new Map([
      ['/article.html', { body: article }],
      ['/sched/list/descriptions/', { body: schedPage }],
      ['/blank.html', { body: '<!doctype html><html><head><title>bench</title></head><body></body></html>' }],
    ]);
    const server = await startServer(routes);
    cleanups.unshift(() => server.close());

    const results = {};
    const profiles = {};
    const runImages = () =>
      timed('pictures: backup and day .zip, side panel with 200 pictures, slide capture', () =>
        imageBenches({
          root: ROOT,
          buildDir,
          tmp,
          chromiumPath,
          hermetic: HERMETIC,
          fx,
          origin: server.origin,
          routes,
          runs: args.runs,
          captures: 20,
        }),
      );
    if (args.only === 'images') {
      const rows = imageRows(await runImages());
      process.stdout.write(`${renderTable(rows)}\n${rows.map((r) => `${r.id}: ${r.detail}`).join('\n')}\n`);
      return;
    }
    const runSync = async () => {
      const common = { extDir, chromiumPath, hermetic: HERMETIC, root: ROOT };
      const fromEmpty = await timed(`sync: 10,000 notes from empty (${args.syncRuns} runs)`, () =>
        syncFromEmpty({ ...common, runs: args.syncRuns, profile: args.profileSync }),
      );
      const typing = await timed('sync: typing while 10,000 notes replicate', () => typingWhileSyncing(common));
      return { fromEmpty, typing };
    };
    if (args.only === 'sync') {
      const r = await runSync();
      const rows = syncRows(r);
      process.stdout.write(`${renderTable(rows)}\n${rows.map((row) => `${row.id}: ${row.detail}`).join('\n')}\n`);
      for (const s of r.fromEmpty.samples) if (s.profile) process.stdout.write(`${formatProfile(s.profile)}\n`);
      process.stdout.write(
        `load ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}\n`,
      );
      return;
    }
    if (args.only === 'panel') {
      const rows = await panelOnly({ fx, extDir, buildDir, tmp, chromiumPath, server, routes, runs: args.runs });
      process.stdout.write(`${renderTable(rows)}\n${rows.map((r) => `${r.id}: ${r.detail}`).join('\n')}\n`);
      return;
    }
    if (args.only === 'agenda' || args.only === 'search') {
      const rows =
        args.only === 'agenda'
          ? await onlyAgenda(args, fx, tmp, chromiumPath, extDir)
          : await onlySearch(args, bundles, server, chromiumPath);
      process.stdout.write(`${renderTable(rows)}\n${rows.map((r) => `${r.id}: ${r.detail ?? ''}`).join('\n')}\n`);
      return;
    }
    if (args.only && args.only !== 'notes') throw new Error(`Unknown --only ${args.only}`);

    // ---- In the extension: page load, side panel, composer --------------------------------
    const profileDir = join(tmp, 'profile');
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(
      join(profileDir, 'Default/Preferences'),
      JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
    );
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...HERMETIC],
    });
    cleanups.unshift(() => context.close());
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await new Promise((r) => setTimeout(r, 1000)); // let the worker finish its install-time work

    if (args.only !== 'notes')
      results.pageLoad = await timed(`page load, with / without / control (${args.rounds} rounds)`, () =>
        pageLoad({ context, worker, origin: server.origin, triples: args.rounds }),
      );
    const panel = fx.panelData();
    results.seeded = await timed('seeding 500 talks / 10,000 notes', () =>
      seedDatabase(context, extensionId, fx.storedRows(panel)),
    );
    if (args.only === 'notes') {
      const n = await timed('note writes (100 notes) and continuous typing', () =>
        noteWrites({ context, extensionId, seededRandom: fx.seededRandom }),
      );
      const p = (xs, q) => ms(percentile(xs, q));
      process.stdout.write(
        `3a/3b note write (Enter → stored, ${n.writes.length} notes, ${results.seeded.notes}+ present): p50 ${p(n.writes, 50)}, p90 ${p(n.writes, 90)}, p95 ${p(n.writes, 95)}, max ${ms(Math.max(...n.writes))}; control p50 ${p(n.controlWrites, 50)}, p95 ${p(n.controlWrites, 95)}; 3c keystroke → durable p95 ${p(n.durable, 95)}; load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}\n`,
      );
      if (!args.large) return;
      const large = fx.panelData({ talks: 4500, notes: 90_000, seed: fx.SEED + 7 });
      large.conference = panel.conference;
      for (const t of large.talks) t.conferenceId = panel.conference.id;
      const seededLarge = await timed('seeding up to 5,000 talks / 100,000 notes', () =>
        seedDatabase(context, extensionId, fx.storedRows(large)),
      );
      const nl = await timed('note writes (100 notes), large library', () =>
        noteWrites({ context, extensionId, seededRandom: fx.seededRandom, controlNotes: 0, continuousChars: 0 }),
      );
      const row = largeWriteRow(nl, seededLarge);
      process.stdout.write(`${row.id} ${row.what}: ${row.figure}; ${row.detail}\n`);
      return;
    }
    results.panel = await timed('side panel first render', () =>
      panelFirstRender({ context, extensionId, runs: args.runs }),
    );
    results.idle = await timed('idle side panel', () => idlePanel({ context, extensionId }));
    results.agenda = await timed('Agenda first paint and scrolling', () =>
      agenda({ context, extensionId, runs: args.runs }),
    );
    results.notes = await timed('note writes (100 notes) and continuous typing', () =>
      noteWrites({ context, extensionId, seededRandom: fx.seededRandom }),
    );
    const panelOver = median(results.panel.samples) > 150;
    if (args.profile && panelOver)
      profiles.panel = await timed('profiling the side panel', () =>
        profilePanel({ context, extensionId, extensionDir: extDir }),
      );
    if (args.profile && percentile(results.notes.writes, 95) > 20) {
      profiles.notes = await timed('profiling note writes', () =>
        profileNoteWrites({ context, extensionId, extensionDir: extDir, seededRandom: fx.seededRandom }),
      );
    }
    // The same first render with a library of ten conferences: 4,500 talks / 90,000 notes more
    // (another seed, so new ids) make 5,000 / 100,000; the pick moves to one of the new talks.
    const large = fx.panelData({ talks: 4500, notes: 90_000, seed: fx.SEED + 7 });
    // One conference record per key (the table's unique index): the new talks join the first's.
    large.conference = panel.conference;
    for (const t of large.talks) t.conferenceId = panel.conference.id;
    results.seededLarge = await timed('seeding up to 5,000 talks / 100,000 notes', () =>
      seedDatabase(context, extensionId, fx.storedRows(large)),
    );
    results.notesLarge = await timed('note writes (100 notes), large library', () =>
      noteWrites({ context, extensionId, seededRandom: fx.seededRandom, controlNotes: 0, continuousChars: 0 }),
    );
    results.panelLarge = await timed('side panel first render, large library', () =>
      panelFirstRender({ context, extensionId, runs: args.runs }),
    );
    results.idleLarge = await timed('idle side panel, large library', () => idlePanel({ context, extensionId }));
    results.agendaLarge = await timed('Agenda first paint and scrolling, large library', () =>
      agenda({ context, extensionId, runs: args.runs }),
    );
    await context.close();
    cleanups.shift();
    results.images = await runImages();
    results.sync = await runSync();

    // ---- The libraries, in a plain page ----------------------------------------------------
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: HERMETIC });
    cleanups.unshift(() => browser.close());
    const chromiumVersion = browser.version();
    const plain = await browser.newContext();
    results.parts = await timed('highlighter start-up steps, one by one', () =>
      highlighterParts({ context: plain, origin: server.origin, bundle: bundles['highlighter-parts'], runs: 5 }),
    );
    const prepared = await timed('anchoring fixture', () =>
      prepareAnchoring({ context: plain, origin: server.origin, bundle: bundles.anchoring }),
    );
    routes.set('/article-edited.html', { body: prepared.html });
    results.anchoring = await timed(`re-anchoring, ours and peer (${args.runs} runs)`, () =>
      anchoring({ context: plain, origin: server.origin, bundle: bundles.anchoring, prepared, runs: args.runs }),
    );
    results.extraction = await timed('Sched extraction', () =>
      extraction({
        context: plain,
        origin: server.origin,
        bundle: bundles.extract,
        url: fx.SCHED_URL,
        runs: args.runs,
      }),
    );
    results.recap = await timed('recap rendering', () =>
      recap({
        context: plain,
        origin: server.origin,
        bundle: bundles.recap,
        presets: ['narrative', 'bulleted', 'structured', 'user-template'],
        runs: args.runs,
      }),
    );
    results.libraryDb = await timed('search and a 200-talk day export, both library sizes', () =>
      libraryDb({ context: plain, origin: server.origin, bundle: bundles['library-db'], runs: args.runs }),
    );
    if (args.profile) {
      const oursTotal = median(results.anchoring.ours.map((r) => r.total));
      const oursSlice = median(results.anchoring.ours.map((r) => r.longestSlice));
      if (oursTotal > 100 || oursSlice > 50)
        profiles.anchoring = await profileAnchoring({
          context: plain,
          origin: server.origin,
          bundle: bundles.anchoring,
          prepared,
        });
      if (median(results.extraction.samples) > 120)
        profiles.extraction = await profileExtraction({
          context: plain,
          origin: server.origin,
          bundle: bundles.extract,
          url: fx.SCHED_URL,
        });
      for (const [preset, r] of Object.entries(results.recap))
        if (median(r.samples) > 50)
          profiles[`recap-${preset}`] = await profileRecap({
            context: plain,
            origin: server.origin,
            bundle: bundles.recap,
            preset,
          });
    }
    await browser.close();
    cleanups.shift();

    results.sizes = sizes(buildDir);
    const composition = await highlighterComposition();

    // ---- Report ----------------------------------------------------------------------------
    const machine = {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
      memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      os: `${os.type()} ${os.release()}`,
      chromium: chromiumVersion,
      node: process.version,
      date: new Date().toISOString(),
      commit: gitCommit(),
      seconds: 0,
      load: `${loadBefore.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`,
    };
    const rows = buildRows(results, args, profiles, composition);
    machine.seconds = Math.round((Date.now() - started) / 1000);
    process.stdout.write(`${renderTable(rows)}\n`);
    const markdown = renderMarkdown({ rows, results, machine, args, composition });
    writeFileSync(args.out, markdown);
    log(`wrote ${args.out} (${machine.seconds} s)`);
  } finally {
    for (const c of cleanups) {
      try {
        await c();
      } catch {
        /* already closed */
      }
    }
  }
}

/** `--only agenda`: rows 10 and 10b, seeding the same two libraries as the full run. */
async function onlyAgenda(args, fx, tmp, chromiumPath, extDir) {
  const profileDir = join(tmp, 'profile');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...HERMETIC],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await new Promise((r) => setTimeout(r, 1000));
    const panel = fx.panelData();
    await timed('seeding 500 talks / 10,000 notes', () => seedDatabase(context, extensionId, fx.storedRows(panel)));
    const results = {};
    results.agenda = await timed('Agenda, small', () => agenda({ context, extensionId, runs: args.runs }));
    const large = fx.panelData({ talks: 4500, notes: 90_000, seed: fx.SEED + 7 });
    large.conference = panel.conference;
    for (const t of large.talks) t.conferenceId = panel.conference.id;
    await timed('seeding up to 5,000 talks / 100,000 notes', () =>
      seedDatabase(context, extensionId, fx.storedRows(large)),
    );
    results.agendaLarge = await timed('Agenda, large', () => agenda({ context, extensionId, runs: args.runs }));
    return agendaRows(results);
  } finally {
    await context.close();
  }
}

/** `--only search`: rows 8 and 9 at both sizes, in a plain page. */
async function onlySearch(args, bundles, server, chromiumPath) {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: HERMETIC });
  try {
    const plain = await browser.newContext();
    const libraryDbResults = await timed('search and day export, both sizes', () =>
      libraryDb({ context: plain, origin: server.origin, bundle: bundles['library-db'], runs: args.runs }),
    );
    return libraryDbRows({ libraryDb: libraryDbResults });
  } finally {
    await browser.close();
  }
}

/**
 * `--only panel`: the first-render rows alone (2, 2-large, 11c), measured as the full run does
 * them, without the rows in between. So 2-large's library holds 100,000 notes, not the full
 * run's 100,140 (the full run's note-write rows add 140 first).
 */
async function panelOnly({ fx, extDir, buildDir, tmp, chromiumPath, server, routes, runs }) {
  const profileDir = join(tmp, 'profile');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...HERMETIC],
  });
  const r = {};
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await new Promise((res) => setTimeout(res, 1000));
    const panel = fx.panelData();
    r.seeded = await timed('seeding 500 talks / 10,000 notes', () =>
      seedDatabase(context, extensionId, fx.storedRows(panel)),
    );
    r.panel = await timed('side panel first render', () => panelFirstRender({ context, extensionId, runs }));
    const large = fx.panelData({ talks: 4500, notes: 90_000, seed: fx.SEED + 7 });
    large.conference = panel.conference;
    for (const t of large.talks) t.conferenceId = panel.conference.id;
    r.seededLarge = await timed('seeding up to 5,000 talks / 100,000 notes', () =>
      seedDatabase(context, extensionId, fx.storedRows(large)),
    );
    r.panelLarge = await timed('side panel first render, large library', () =>
      panelFirstRender({ context, extensionId, runs }),
    );
  } finally {
    await context.close();
  }
  const images = await timed('side panel with 200 pictures', () =>
    imageBenches({
      root: ROOT,
      buildDir,
      tmp,
      chromiumPath,
      hermetic: HERMETIC,
      fx,
      origin: server.origin,
      routes,
      runs,
      captures: 0,
      panelOnly: true,
    }),
  );
  const row = (id, what, samples, cpu) => {
    const s = summary(samples);
    return {
      id,
      what,
      figure: ms(s.median),
      range: `${s.min.toFixed(1)}–${s.max.toFixed(1)}`,
      runs: `${s.n} opens`,
      budget: '≤ 150 ms',
      pass: s.median <= 150,
      detail: `main-thread CPU ${ms(median(cpu))} (${cpu.map((x) => x.toFixed(0)).join(', ')}); wall ${samples.map((x) => x.toFixed(0)).join(', ')}; load ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    };
  };
  return [
    row(
      '2',
      `Side panel first render, ${r.seeded.talks} talks / ${r.seeded.notes} notes`,
      r.panel.samples,
      r.panel.cpu,
    ),
    row(
      '2-large',
      `Side panel first render, ${r.seededLarge.talks} talks / ${r.seededLarge.notes} notes`,
      r.panelLarge.samples,
      r.panelLarge.cpu,
    ),
    row(
      '11c',
      'Side panel first render, the Now talk holding 200 picture notes',
      images.panel.samples,
      images.panel.cpu,
    ),
  ];
}

function gitCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'lib', 'components', 'entrypoints', 'wxt.config.ts', 'package.json'],
      { cwd: ROOT, encoding: 'utf8' },
    ).trim();
    return dirty ? `${head} + uncommitted changes in the measured sources` : head;
  } catch {
    return 'unknown';
  }
}

/** Row 3b at the large library size (#19): the same writes, no control, no continuous typing. */
function largeWriteRow(n, seeded) {
  const w = n.writes;
  return {
    id: '3-large',
    what: `Note write p95 (Enter → stored), ${w.length} notes typed with ${seeded.notes.toLocaleString('en-US')}+ notes present`,
    figure: ms(percentile(w, 95)),
    range: `${Math.min(...w).toFixed(1)}–${Math.max(...w).toFixed(1)}`,
    runs: `${w.length} writes`,
    budget: '≤ 20 ms (as row 3b)',
    pass: percentile(w, 95) <= 20,
    detail: `p50 ${ms(percentile(w, 50))}`,
  };
}

/** Rows 12a–12b: sync (#18). */
function syncRows(r) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const s = (x) => `${(x / 1000).toFixed(1)} s`;
  const all = r.fromEmpty.samples.map((x) => x.ms);
  const mirror = r.fromEmpty.samples.map((x) => x.mirrorMs ?? Number.NaN);
  const complete = r.fromEmpty.samples.every((x) => x.notes >= r.fromEmpty.n);
  const busy = percentile(r.typing.busy, 95);
  const quiet = percentile(r.typing.quiet, 95);
  return [
    {
      id: '12a',
      what: `Sync: ${r.fromEmpty.n.toLocaleString('en-US')} notes replicate from empty (sync turned on → all in Talkmark's Dexie; server on loopback)`,
      figure: s(median(all)),
      range: `${s(Math.min(...all))}–${s(Math.max(...all))}`,
      runs: `${all.length} runs`,
      budget: '≤ 30 s',
      pass: complete && median(all) <= 30_000,
      detail: `in the mirror (PouchDB) after ${s(median(mirror))}, the rest is the last mirror pass into Dexie${complete ? '' : `; INCOMPLETE: ${r.fromEmpty.samples.map((x) => x.notes).join(', ')} notes`}`,
    },
    {
      id: '12b',
      what: `Keystroke → durable p95 in the side panel while it replicates ${r.fromEmpty.n.toLocaleString('en-US')} notes (~${Math.round(r.typing.charsPerSecond)} chars/s)`,
      figure: ms(busy),
      range: `${ms(Math.min(...r.typing.busy))}–${ms(Math.max(...r.typing.busy))}`,
      runs: `${r.typing.busy.length} draft writes`,
      budget: '≤ 300 ms (as row 3c)',
      pass: busy <= 300,
      detail: `row 3c's measure; the same typing in the same panel before sync is on (control): p95 ${ms(quiet)}, median ${ms(median(r.typing.quiet))}; while syncing median ${ms(median(r.typing.busy))}; ${Math.round(r.typing.syncedDuring).toLocaleString('en-US')} notes arrived during each typing round on average`,
    },
  ];
}

/** Rows 10 and 10b at both library sizes (`r.agenda`, `r.agendaLarge`). */
function agendaRows(r) {
  const rows = [];
  const within = (value, budget) => value <= budget;
  // 10. Agenda, both library sizes
  for (const [id, a, label] of [
    ['10', r.agenda, '500 talks / 10,000 notes'],
    ['10-large', r.agendaLarge, '5,000 talks / 100,000 notes'],
  ]) {
    const s = summary(a.samples);
    rows.push({
      id,
      what: `Agenda: click → first card painted, ${label}`,
      figure: ms(s.median),
      range: `${s.min.toFixed(1)}–${s.max.toFixed(1)}`,
      runs: `${s.n} runs`,
      budget: '≤ 150 ms',
      pass: within(s.median, 150),
      detail: `main-thread CPU time click → paint ${a.cpu?.length ? ms(median(a.cpu)) : '—'}; then ${a.screens} screens scrolled (one a frame, ${a.cards} cards drawn by the end): long tasks per run ${a.longTasks.join(', ')}, longest ${ms(Math.max(...a.longest))}`,
    });
    rows.push({
      id: `${id}b`,
      what: `Agenda: long tasks while scrolling ${a.screens} screens, ${label}`,
      figure: String(median(a.longTasks)),
      range: `${Math.min(...a.longTasks)}–${Math.max(...a.longTasks)}`,
      runs: `${a.longTasks.length} runs`,
      budget: '0',
      pass: median(a.longTasks) === 0,
    });
  }

  return rows;
}

/** Rows 8 and 9 at both library sizes (`r.libraryDb`). */
function libraryDbRows(r) {
  const rows = [];
  const within = (value, budget) => value <= budget;
  // 8–9. Search and a day export against the product's database, at both library sizes
  for (const [size, lib] of Object.entries(r.libraryDb)) {
    const label = `${lib.seeded.talks.toLocaleString('en-US')} talks / ${lib.seeded.notes.toLocaleString('en-US')} notes`;
    for (const [query, runs] of Object.entries(lib.search)) {
      const s = summary(runs.map((x) => x.toResults));
      rows.push({
        id: `8-${size}-${query.replace(/\s+/g, '_')}`,
        what: `Search “${query}”, last keystroke → results (40 ms debounce + searchAll on the words index), ${label} (${runs[0].notes.toLocaleString('en-US')} notes, ${runs[0].talks} talks match)`,
        figure: ms(s.median),
        range: `${s.min.toFixed(1)}–${s.max.toFixed(1)}`,
        runs: `${s.n} runs`,
        budget: '≤ 100 ms',
        pass: within(s.median, 100),
        detail: `searchAll alone ${ms(median(runs.map((x) => x.ms)))}${runs[0].firstMs !== undefined ? `, first page shown at ${ms(median(runs.map((x) => x.firstMs)))}` : ''}; main-thread CPU time (reopening the database included) ${runs[0].cpu !== undefined ? ms(median(runs.map((x) => x.cpu))) : '—'}`,
      });
    }
    const ex = summary(lib.exportDay.map((x) => x.ms));
    rows.push({
      id: `9-${size}`,
      what: `Day export of ${lib.exportDay[0].talks} talks (${lib.exportDay[0].notes.toLocaleString('en-US')} notes): loadRecapInput + renderRecap narrative, ${label}`,
      figure: ms(ex.median),
      range: `${ex.min.toFixed(1)}–${ex.max.toFixed(1)}`,
      runs: `${ex.n} runs`,
      budget: '≤ 300 ms',
      pass: within(ex.median, 300),
      detail: `of which reading: ${ms(median(lib.exportDay.map((x) => x.read)))}`,
    });
  }

  return rows;
}

/** Rows 11a–11d: pictures (#17). */
function imageRows(r) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  const range = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  const backup = r.backup.map((x) => x.ms);
  const day = r.day.map((x) => x.ms);
  const panel = r.panel.samples;
  const cap = r.captures.map((x) => x.ms);
  const before = r.capturesBefore.map((x) => x.ms);
  const p95 = percentile(cap, 95);
  return [
    {
      id: '11a',
      what: `Backup .zip with ${r.backup[0].images} pictures (settings page “Download backup”: one read transaction + zip)`,
      figure: ms(median(backup)),
      range: range(backup),
      runs: `${backup.length} runs`,
      budget: '≤ 2,000 ms',
      pass: median(backup) <= 2000,
      detail: `${mb(r.backup[0].bytes)} zip; pictures stored ${mb(r.seeded.bytes)} (100 pictures, 1920×1080 WebP + thumbnails)`,
    },
    {
      id: '11b',
      what: 'Day post .zip with 100 pictures (Export “Download as .zip”, one talk, Hugo bundle)',
      figure: ms(median(day)),
      range: range(day),
      runs: `${day.length} runs`,
      budget: '≤ 2,000 ms',
      pass: median(day) <= 2000,
      detail: `${mb(r.day[0].bytes)} zip`,
    },
    {
      id: '11c',
      what: 'Side panel first render, the Now talk holding 200 picture notes (navigation start → talkmark:panel-ready)',
      figure: ms(median(panel)),
      range: range(panel),
      runs: `${panel.length} opens`,
      budget: '≤ 150 ms',
      pass: median(panel) <= 150,
      detail: `thumbnails drawn at the mark: ${r.thumbs.atReady} of ${r.thumbs.boxes} boxes; 1 s later ${r.thumbs.later} (lazy, near the viewport); main-thread CPU ${ms(median(r.panel.cpu))}`,
    },
    {
      id: '11d',
      what: 'Slide capture: captureVisibleTab → picture note written (the command’s path after the key press), p95',
      figure: ms(p95),
      range: range(cap),
      runs: `${cap.length} captures`,
      budget: '≤ 500 ms p95',
      pass: p95 <= 500,
      detail: `median ${ms(median(cap))}: capture ${ms(median(r.captures.map((x) => x.captureMs)))}, prepare + write ${ms(median(r.captures.map((x) => x.storeMs)))}; stored ${r.captures[0].mime}, ${Math.round(median(r.captures.map((x) => x.bytes)) / 1000)} kB; duplicates ${r.captures.filter((x) => x.duplicate).length}`,
    },
    {
      id: '11d-png',
      what: 'Slide capture, peer arm: the same path with the PNG capture of before (interleaved with 11d), p95',
      figure: ms(percentile(before, 95)),
      range: range(before),
      runs: `${before.length} captures`,
      budget: '≤ 500 ms p95',
      pass: percentile(before, 95) <= 500,
      detail: `median ${ms(median(before))}: capture ${ms(median(r.capturesBefore.map((x) => x.captureMs)))}, prepare + write ${ms(median(r.capturesBefore.map((x) => x.storeMs)))}`,
    },
  ];
}

/** One row per figure: what, figure, min–max, runs, budget, pass (null = no budget). */
function buildRows(r, args, profiles, composition) {
  const rows = [];
  const add = (row) => rows.push(row);
  const within = (value, budget) => value <= budget;

  // 1. Page load
  const pl = r.pageLoad;
  const S = (xs) => summary(xs);
  const loadR = S(pl.ratios.load);
  const busyR = S(pl.ratios.busy);
  const rounds = `${args.rounds} rounds`;
  add({
    id: '1a',
    what: `Page load with highlighter ÷ without, navigation start → load event (${(pl.htmlBytes / 1e6).toFixed(2)} MB article, no highlights)`,
    figure: ratio(loadR.median),
    range: `${ratio(loadR.min)}–${ratio(loadR.max)}`,
    runs: rounds,
    budget: '≤ 1.02',
    pass: within(loadR.median, 1.02),
    detail: `load event ${ms(pl.with.load)} with, ${ms(pl.without.load)} without; first contentful paint ${ms(pl.with.fcp)} with, ${ms(pl.without.fcp)} without (medians)`,
  });
  add({
    id: '1b',
    what: 'Page load: main-thread busy time with ÷ without, commit → settled (CDP TaskDuration, thread time) — the steadier measure',
    figure: ratio(busyR.median),
    range: `${ratio(busyR.min)}–${ratio(busyR.max)}`,
    runs: rounds,
    budget: '≤ 1.02',
    pass: within(busyR.median, 1.02),
    detail: `busy ${ms(pl.with.busy)} with, ${ms(pl.without.busy)} without; per-round difference median ${ms(median(pl.busyDeltas))}`,
  });
  const ownLoad = S(pl.ratios.ownLoad);
  const ownBusy = S(pl.ratios.ownBusy);
  add({
    id: '1c',
    what: 'Page load, control: highlighter ÷ an empty content script registered the same way (load event · busy time)',
    figure: `${ratio(ownLoad.median)} · ${ratio(ownBusy.median)}`,
    range: `${ratio(ownLoad.min)}–${ratio(ownLoad.max)} · ${ratio(ownBusy.min)}–${ratio(ownBusy.max)}`,
    runs: rounds,
    budget: '—',
    pass: null,
    detail: `empty script ÷ without: load event ${ratio(median(pl.ratios.emptyLoad))}, busy ${ratio(median(pl.ratios.emptyBusy))}`,
  });
  const hl = r.sizes.files.find((f) => f.file === 'content-scripts/highlight.js');
  add({
    id: '1d',
    what: 'Injected bytes: content-scripts/highlight.js (raw / gzip -9)',
    figure: `${kB(hl.raw)} / ${kB(hl.gzip)}`,
    range: '—',
    runs: 'build',
    budget: '≤ 30 kB raw (30,000 B)',
    pass: within(hl.raw, 30_000),
    detail: `${hl.raw.toLocaleString('en-US')} B raw, ${hl.gzip.toLocaleString('en-US')} B gzip`,
  });

  // 2. Side panel
  const p = summary(r.panel.samples);
  add({
    id: '2',
    what: `Side panel first render, ${r.seeded.talks} talks / ${r.seeded.notes.toLocaleString('en-US')} notes (navigation start → talkmark:panel-ready)`,
    figure: ms(p.median),
    range: `${p.min.toFixed(1)}–${p.max.toFixed(1)}`,
    runs: `${p.n} opens`,
    budget: '≤ 150 ms',
    pass: within(p.median, 150),
    detail: `main-thread CPU time to the same mark (reloads): ${ms(median(r.panel.cpu))}`,
  });

  const big = summary(r.panelLarge.samples);
  add({
    id: '2-large',
    what: `Side panel first render, ${r.seededLarge.talks.toLocaleString('en-US')} talks / ${r.seededLarge.notes.toLocaleString('en-US')} notes (the same mark)`,
    figure: ms(big.median),
    range: `${big.min.toFixed(1)}–${big.max.toFixed(1)}`,
    runs: `${big.n} opens`,
    budget: '≤ 150 ms',
    pass: within(big.median, 150),
    detail: `main-thread CPU time to the same mark (reloads): ${ms(median(r.panelLarge.cpu))}`,
  });

  add({
    id: '2b',
    what: `Side panel left open, nobody typing (${r.seeded.talks} talks): main-thread CPU time per second`,
    figure: ms(r.idle.perSecond),
    range: '—',
    runs: `${r.idle.seconds} s`,
    budget: '—',
    pass: null,
  });
  add({
    id: '2b-large',
    what: `Side panel left open, nobody typing (${r.seededLarge.talks} talks): main-thread CPU time per second`,
    figure: ms(r.idleLarge.perSecond),
    range: '—',
    runs: `${r.idleLarge.seconds} s`,
    budget: '—',
    pass: null,
  });

  // 3. Composer
  const w = r.notes.writes;
  add({
    id: '3a',
    what: `Note write p50 (Enter → stored), ${w.length} notes typed with ${(r.seeded.notes).toLocaleString('en-US')}+ notes present`,
    figure: ms(percentile(w, 50)),
    range: `${Math.min(...w).toFixed(1)}–${Math.max(...w).toFixed(1)}`,
    runs: `${w.length} writes`,
    budget: '—',
    pass: null,
  });
  add({
    id: '3b',
    what: 'Note write p95',
    figure: ms(percentile(w, 95)),
    range: `${Math.min(...w).toFixed(1)}–${Math.max(...w).toFixed(1)}`,
    runs: `${w.length} writes`,
    budget: '≤ 20 ms',
    pass: within(percentile(w, 95), 20),
    detail: `control, the same write after a script-dispatched keydown (no input-event scheduling): p50 ${ms(percentile(r.notes.controlWrites, 50))}, p95 ${ms(percentile(r.notes.controlWrites, 95))}`,
  });
  const d = r.notes.durable;
  add({
    id: '3c',
    what: `Keystroke → durable p95, typing continuously (~${Math.round(r.notes.continuousCharsPerSecond)} chars/s)`,
    figure: ms(percentile(d, 95)),
    range: `${Math.min(...d).toFixed(1)}–${Math.max(...d).toFixed(1)}`,
    runs: `${d.length} writes`,
    budget: '≤ 300 ms',
    pass: within(percentile(d, 95), 300),
  });
  if (r.notesLarge) add(largeWriteRow(r.notesLarge, r.seededLarge));

  // 4. Re-anchoring
  const ours = r.anchoring.ours;
  const peer = r.anchoring.peer;
  const oT = summary(ours.map((x) => x.total));
  const oS = summary(ours.map((x) => x.longestSlice));
  const pT = summary(peer.map((x) => x.total));
  const pS = summary(peer.map((x) => x.longestHighlight));
  add({
    id: '4a',
    what: `Re-anchor 100 highlights, 20 % edited, 1 MB article — ours (anchorAllChunked), total; ${ours.at(-1).correct}/100 correct`,
    figure: ms(oT.median),
    range: `${oT.min.toFixed(1)}–${oT.max.toFixed(1)}`,
    runs: `${oT.n} runs`,
    budget: '≤ 100 ms',
    pass: within(oT.median, 100),
    detail: `main-thread CPU time of the whole call, correctness check included: ${ms(median(ours.map((x) => x.cpu)))}`,
  });
  add({
    id: '4b',
    what: 'Re-anchor — ours, longest main-thread task (slice between yields)',
    figure: ms(oS.median),
    range: `${oS.min.toFixed(1)}–${oS.max.toFixed(1)}`,
    runs: `${oS.n} runs`,
    budget: '≤ 50 ms',
    pass: within(oS.median, 50),
    detail: `longtask observer saw ${ours.map((x) => x.longTasks.length).join('/')} tasks > 50 ms per run`,
  });
  add({
    id: '4c',
    what: `Re-anchor — peer: Hypothesis's matching order (verbatim occurrences first, else approx-string-match over the whole text; scored 50/20/20/2), total; ${peer.at(-1).correct}/100 correct`,
    figure: ms(pT.median),
    range: `${pT.min.toFixed(1)}–${pT.max.toFixed(1)}`,
    runs: `${pT.n} runs`,
    budget: '≤ 100 ms',
    pass: within(pT.median, 100),
    detail: `main-thread CPU time of the whole call: ${ms(median(peer.map((x) => x.cpu)))}; ${pT.median >= oT.median ? `${(pT.median / oT.median).toFixed(1)}× ours` : `ours is ${(oT.median / pT.median).toFixed(1)}× the peer`} (wall)`,
  });
  add({
    id: '4d',
    what: 'Re-anchor — peer, longest task (one highlight per task, its most generous split)',
    figure: ms(pS.median),
    range: `${pS.min.toFixed(1)}–${pS.max.toFixed(1)}`,
    runs: `${pS.n} runs`,
    budget: '≤ 50 ms',
    pass: within(pS.median, 50),
  });

  // 5. Extraction
  const e = summary(r.extraction.samples);
  add({
    id: '5',
    what: `extractTalks on a 600-session Sched /list/descriptions/ page (${r.extraction.last.talks} talks read)`,
    figure: ms(e.median),
    range: `${e.min.toFixed(1)}–${e.max.toFixed(1)}`,
    runs: `${e.n} runs`,
    budget: '≤ 120 ms',
    pass: within(e.median, 120),
    detail: `cold (first call in a fresh page), main-thread CPU time ${ms(median(r.extraction.cpu))}; a second call in the same page: ${ms(median(r.extraction.warm))}`,
  });

  // 6. Recap
  for (const [preset, res] of Object.entries(r.recap)) {
    const s = summary(res.samples);
    // A user's Liquid template with snippets has the issue's own budget (issue 16).
    const budget = preset === 'user-template' ? 40 : 50;
    add({
      id: `6-${preset}`,
      what: `renderRecap, day of ${res.last.talks} talks / ${res.last.notes.toLocaleString('en-US')} notes, ${preset === 'user-template' ? 'a user template with two snippets' : `preset ${preset}`} (cold)`,
      figure: ms(s.median),
      range: `${s.min.toFixed(1)}–${s.max.toFixed(1)}`,
      runs: `${s.n} runs`,
      budget: `≤ ${budget} ms`,
      pass: within(s.median, budget),
      detail: `cold, main-thread CPU time ${ms(median(res.cpu))}; warm (same page, best of 3 more): ${ms(median(res.warm))}`,
    });
  }

  for (const row of agendaRows(r)) add(row);
  for (const row of libraryDbRows(r)) add(row);

  // 7. Sizes (the table in BENCHMARKS.md has every entry)
  add({
    id: '7',
    what: `Built size of the Chrome build, every file (${r.sizes.files.length}; per entry point below)`,
    figure: `${kB(r.sizes.total.raw)} / ${kB(r.sizes.total.gzip)}`,
    range: '—',
    runs: 'build',
    budget: '—',
    pass: null,
  });

  // Diagnoses for figures over budget.
  for (const row of rows) {
    if (row.pass !== false) continue;
    row.diagnosis = diagnose(row, r, profiles, composition);
  }
  if (r.images) for (const row of imageRows(r.images)) add(row);
  if (r.sync) for (const row of syncRows(r.sync)) add(row);
  return rows;
}

/** What the profiles of the panel say, read for a person (only when the profile shows it). */
let panelReadingShownAt = null;
function panelReading(profiles, r, id) {
  const top = [profiles.panel, profiles.notes].filter(Boolean).flatMap((p) => p.functions.slice(0, 2));
  if (!top.some((f) => f.name.includes('new Intl.DateTimeFormat'))) return '';
  if (panelReadingShownAt)
    return ` The side panel's main thread is busy for the reason read under ${panelReadingShownAt}.`;
  panelReadingShownAt = id;
  return ` Reading: the top function is formatTime (lib/time/zones.ts), which constructs a new Intl.DateTimeFormat on every call; the TalkPicker formats all ${r.seeded.talks} talks' start times on every render, and SidePanel re-renders the whole panel every second (\`useNow()\`, 1,000 ms) — an idle panel spends ${ms(r.idle.perSecond)} of main-thread time per second. Caching formatters per (locale, zone), as partsFormatter already does, and keeping the picker out of the clock's re-render (memo, or \`now\` only where it is shown) would remove most of it; a note write or keystroke that lands on a tick waits for it.`;
}

/** Wall time against CPU time: was the page slow, or waiting for a CPU? */
function cpuReading(_wall, cpu, budget) {
  if (!(cpu <= budget)) return '';
  return ` The page's main-thread CPU time for the same call is ${ms(cpu)}, within budget: the rest of the wall time is waiting for a CPU on a loaded machine (see the load average above); on an idle machine expect the figure near the CPU time.`;
}

function diagnose(row, r, profiles, composition) {
  const pl = r.pageLoad;
  switch (row.id) {
    case '1a':
      return `Not our script's work: in this Chromium the load event waits until \`document_idle\` scripts have run, and they run only once the page's first style and layout pass is done — which, without a content script, happens after the load event. The control arm shows it: an empty content script registered the same way gives ${ratio(median(pl.ratios.emptyLoad))} (load event ${ms(pl.empty.load)}), and the highlighter ÷ the empty script is ${ratio(median(pl.ratios.ownLoad))}. ${median(pl.ratios.fcp) <= 1.1 ? `First contentful paint is not later (with ÷ without ${ratio(median(pl.ratios.fcp))}): the page shows as soon.` : `First contentful paint is later too (${ratio(median(pl.ratios.fcp))}), far less than the load event.`} What the user sees is the tab's spinner stopping later and page \`onload\` handlers running later; the fix is not in our code but in when we run: \`runAt: 'document_idle'\` is the latest Chrome offers, so the levers are registering it for as few pages as possible (the product registers it only for sites the user allowed) and keeping its own start-up small (1b).`;
    case '1b': {
      const d = (k) => ms(pl.with[k] - pl.without[k]);
      const c = (k) => ms(pl.with[k] - pl.empty[k]);
      const parts = r.parts;
      const base = median(parts.none);
      return `Medians with − without: busy ${d('busy')}, of which script ${d('script')}, style recalc ${d('style')}, layout ${d('layout')}; with − empty content script: busy ${c('busy')} (the empty script itself costs nothing measurable). On this page (no highlights) the highlighter adds nothing to the DOM: its <style> and its shadow host are added only when first needed, because done one by one on the loaded article (main-thread CPU time, medians of 5, baseline ${ms(base)} subtracted) appending the <style> (HIGHLIGHT_CSS) to <head> would cost ${ms(median(parts.style) - base)} and mounting the shadow host on <html> ${ms(median(parts.host) - base)}. What is left is the script itself: parsing and compiling ~30 kB, WXT's context (location watcher, listeners) and the one message asking the worker for this page's highlights. The ratio sits within a few ms of the budget, where run-to-run noise on a shared machine decides pass or fail (see min–max); levers left: a smaller script (1d) or skipping the highlights request on sites that have none stored.`;
    }
    case '1d': {
      const top = composition.parts
        .slice(0, 6)
        .map((p) => `${p.file} ${(p.bytes / 1000).toFixed(1)} kB`)
        .join(', ');
      const hl = r.sizes.files.find((f) => f.file === 'content-scripts/highlight.js');
      return `${(hl.raw - 30_000).toLocaleString('en-US')} B over. Composition (esbuild, minified, of the same sources without WXT's runtime: ${(composition.total / 1000).toFixed(1)} kB): ${top}. The rest of the shipped file (~${((hl.raw - composition.total) / 1000).toFixed(1)} kB) is WXT's content-script runtime (ContentScriptContext, location watcher) and Vite's wrapper. Candidates: the painter's <mark> fallback (Custom Highlight API exists in every supported browser), and the fuzzy matcher, which could be loaded only when an exact pass leaves highlights unsettled.`;
    }
    case '2-large':
      return `The first render reads the pick and the talks around now through the startAt index (lib/talks/nearby.ts), so it grows with the talks of the day, not the library.${cpuReading(median(r.panelLarge.samples), median(r.panelLarge.cpu), 150)}`;
    case '2':
      return `${profiles.panel ? `CPU profile of one open: ${formatProfile(profiles.panel)}.` : 'No profile taken (--no-profile).'}${panelReading(profiles, r, row.id)}${cpuReading(median(r.panel.samples), median(r.panel.cpu), 150)}`;
    case '3b': {
      const c50 = ms(percentile(r.notes.controlWrites, 50));
      const c95 = ms(percentile(r.notes.controlWrites, 95));
      return `The write itself is not the slow part: started by a keydown dispatched from script, the same Enter → stored takes p50 ${c50}, p95 ${c95}. After a real key event Chrome's renderer draws a frame before it runs other tasks, and the IndexedDB completion the measure waits for is one of them: the median write pays ${ms(percentile(r.notes.writes, 50) - percentile(r.notes.controlWrites, 50))} more than the control, about one frame at 60 Hz (16.7 ms), so the p50 (${ms(percentile(r.notes.writes, 50))}) sits on the budget and any hiccup (garbage collection, the NoteList re-query and re-render the previous write set off, other processes on a loaded machine) pushes the tail over. The note is committed in the browser's IndexedDB backend long before the panel hears of it, so the measure overstates the risk to the note; it still is what \`talkmark:note-write\` reports. Distribution: p50 ${ms(percentile(r.notes.writes, 50))}, p90 ${ms(percentile(r.notes.writes, 90))}, max ${ms(Math.max(...r.notes.writes))}. ${profiles.notes ? `CPU profile of the panel while 20 notes are added: ${formatProfile(profiles.notes)}.` : ''}${panelReading(profiles, r, row.id)}`;
    }
    case '3c':
      return `The figure is the 200 ms max-wait timer plus the IndexedDB write; anything above ~205 ms is the timer or the write's completion waiting behind other work on the panel's main thread (max ${ms(Math.max(...r.notes.durable))}).${panelReading(profiles, r, row.id)}`;
    case '4a':
    case '4b':
      return profiles.anchoring
        ? `CPU profile of one run (self time): ${formatProfile(profiles.anchoring)}.`
        : 'No profile taken.';
    case '4d':
      return `The peer's longest single search is an edited quote's whole-text approximate search; as the longest of 100 wall-clock times it is the figure most inflated when other processes take the CPU (its total: ${ms(median(r.anchoring.peer.map((x) => x.total)))} wall for ${ms(median(r.anchoring.peer.map((x) => x.cpu)))} CPU). The peer is reported for comparison, see 4c.`;
    case '4c':
      return "The peer, reported for comparison, is Hypothesis's matching order: for each highlight every verbatim occurrence of the quote is a candidate (indexOf over the ~1 M characters), and only a quote with no verbatim occurrence pays for approx-string-match (Myers bit-parallel, O(text × quote / 32)) over the whole text; prefix and suffix are compared the same way. So on the 80 unchanged highlights it pays one indexOf scan each (where ours checks the stored, shifted position first and scans nothing), and on the 20 edited ones a whole-text approximate search each (where ours searches a window around the expected place first). Where the peer leads: a page with few highlights and quotes that occur once, where one indexOf beats building our text index; where it trails: many highlights on a long page and every edited quote.";
    case '5':
      return `${profiles.extraction ? `CPU profile of one run: ${formatProfile(profiles.extraction)}.` : 'No profile taken.'} Reading: the page's descriptions are sanitized by one allowlist copy into an inert document (lib/schedule/allowlist-copy.ts, no DOMPurify pass) and converted by one Turndown pass for the whole list; zone offsets come from Temporal (no Intl.DateTimeFormat to build) and are memoized per day; each printed date line is parsed once. What is left is Turndown's walk over ~590 descriptions (its rule lookup per node), the zone resolution (every zone "EDT" may mean, over the event's dates), the per-session DOM reads (speakers, titles, URL parsing in absoluteUrl) and the garbage they make. Left: conversion on demand (when a talk is shown or exported) instead of at clip time, which would change what a clip stores.${cpuReading(median(r.extraction.samples), median(r.extraction.cpu), 120)}`;
    default:
      if (row.id.startsWith('6-')) {
        const preset = row.id.slice(2);
        const p = profiles[`recap-${preset}`];
        const res = r.recap[preset];
        return `${p ? `CPU profile of one run: ${formatProfile(p)}.` : 'No profile taken.'} Reading: the cold call pays for compiling the recap code and for the first Intl formatters (warm, the same render takes ${ms(median(res.warm))}); in the profile, compareTalks leads — talks in parallel rooms share start, end and clip time, so the sort falls through to \`title.localeCompare\`, whose first call builds an ICU collator (a shared Intl.Collator would pay that once) — then the Intl-based time labels (timeLabel, partsFormatter).${cpuReading(median(res.samples), median(res.cpu), 50)}`;
      }
      return '';
  }
}

main().catch((err) => {
  process.stderr.write(`[bench] failed: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
