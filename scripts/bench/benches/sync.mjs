/**
 * 12. Sync (#18), in the built extension against a CouchDB-compatible server on loopback
 * (express-pouchdb over PouchDB's memory adapter, in this process: the server's CPU is counted
 * in the same machine's load, as a user's own CouchDB on the same laptop would be).
 *
 * 12a. 10,000 notes replicate from empty: sync turned on (the config written as Settings → Sync
 *      writes it) in a profile with no data → all 10,000 notes in Talkmark's Dexie. Sampled every
 *      100 ms: when the mirror (PouchDB's own IndexedDB) holds them all, and when Dexie does.
 * 12b. Keystroke → durable p95 while a big replication runs: row 3c's measure in the side panel
 *      (the page that runs sync) while it receives 10,000 notes; the same typing in the same
 *      panel before sync is turned on is the control arm.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionSnippets, profileTop } from '../lib/profile.mjs';
import { typeContinuously } from './panel.mjs';

let pouch = null;
let couch = null;

/**
 * One server for the whole bench process: express-pouchdb keeps state of its own per PouchDB
 * class, and a second app over the same class could not create databases. Unref'd, so it never
 * keeps the process alive.
 */
export function startCouch(root) {
  couch ??= makeCouch(root);
  return couch;
}

async function makeCouch(root) {
  const require = createRequire(join(root, 'package.json'));
  const express = require('express');
  pouch ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const PouchDB = pouch;
  const Mem = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  app.use(require('express-pouchdb')(Mem, { mode: 'minimumForPouchDB', logPath: '/dev/null' }));
  const srv = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  srv.unref();
  const url = `http://127.0.0.1:${srv.address().port}`;
  return {
    url,
    /** A database on the server holding one talk and `n` notes of it, as another machine's push leaves them. */
    async seed(name, n) {
      const remote = new PouchDB(`${url}/${name}`);
      const docs = [benchTalkDoc(), ...Array.from({ length: n }, (_, i) => benchNoteDoc(i))];
      for (let i = 0; i < docs.length; i += 1000) await remote.bulkDocs(docs.slice(i, i + 1000));
      await remote.close();
    },
    close: async () => {},
  };
}

const NOW = Date.UTC(2026, 11, 7, 9, 0);

// A plain .mjs script cannot import the TypeScript test factories: the document is written out.
function benchTalkDoc() {
  return {
    _id: 'talk:bench-talk',
    type: 'talk',
    schema: 1,
    key: 'bench-talk',
    source: 'manual',
    url: '',
    externalId: null,
    title: 'Bench',
    start: null,
    end: null,
    timeZone: null,
    room: null,
    tracks: [],
    customFields: {},
    speakers: [],
    descriptionHtml: null,
    description: null,
    files: [],
    videoUrl: null,
    startAt: NOW,
    endAt: null,
    links: [],
    clippedAt: NOW,
    updatedAt: NOW,
    conferenceKey: null,
  };
}

function benchNoteDoc(i) {
  return {
    _id: `note:${i.toString().padStart(6, '0')}`,
    type: 'note',
    schema: 1,
    talkKey: 'bench-talk',
    kind: 'plain',
    text: `Note number ${i} about partitions and consumers`,
    createdAt: NOW + i,
    updatedAt: NOW + i,
  };
}

async function launch(extDir, chromiumPath, hermetic) {
  const profileDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    join(profileDir, 'Default/Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...hermetic],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await new Promise((r) => setTimeout(r, 1000));
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Writes the sync config straight into `syncMeta` (what Settings → Sync stores after its Test). */
const writeConfig = (page, server, database, enabled) =>
  page.evaluate(
    async ({ server, database, enabled }) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('talkmark');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise((resolve) => {
        const tx = db.transaction('syncMeta', 'readwrite');
        tx.objectStore('syncMeta').put({ key: 'config', value: { server, database, user: '', password: '', enabled } });
        tx.oncomplete = resolve;
      });
      db.close();
    },
    { server, database, enabled },
  );

/** Notes in Dexie, and documents in the sync mirror (PouchDB's idb adapter: `_pouch_<name>`). */
const counts = (page) =>
  page.evaluate(async () => {
    const count = (name, store) =>
      new Promise((resolve) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            return resolve(0);
          }
          const r = db.transaction(store).objectStore(store).count();
          r.onsuccess = () => {
            resolve(r.result);
            db.close();
          };
        };
      });
    const mirror = (await indexedDB.databases()).find((d) => d.name?.startsWith('_pouch_talkmark-sync-'));
    return {
      notes: await count('talkmark', 'notes'),
      mirror: mirror ? await count(mirror.name, 'document-store') : 0,
    };
  });

/** 12a: one run. */
async function fromEmpty({ extDir, chromiumPath, hermetic, couch, n, profile }) {
  const database = `bench-${Math.random().toString(36).slice(2, 10)}`;
  await couch.seed(database, n);
  const browser = await launch(extDir, chromiumPath, hermetic);
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByRole('region', { name: 'Sync' }).waitFor();
    // The clock starts as the config is stored; the reload stands for the click (a raw IndexedDB
    // write is not seen by the page's Dexie liveQuery, the form's own write would be).
    const t0 = Date.now();
    await writeConfig(page, couch.url, database, true);
    await page.reload();
    let mirrorMs = null;
    let last = { notes: 0, mirror: 0 };
    const cdp = profile ? await browser.context.newCDPSession(page) : null;
    const debug = process.env.BENCH_SYNC_DEBUG;
    if (debug) page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
    let shown = 0;
    const wait = async () => {
      while (last.notes < n && Date.now() - t0 < 300_000) {
        await new Promise((r) => setTimeout(r, 100));
        last = await counts(page);
        if (debug && Date.now() - shown > 3000) {
          shown = Date.now();
          const status = await page.evaluate(
            () => document.querySelector('[aria-labelledby="sync-heading"]')?.textContent,
          );
          process.stderr.write(`[sync] ${Date.now() - t0} ms ${JSON.stringify(last)} ${status?.slice(-200)}\n`);
        }
        if (mirrorMs === null && last.mirror >= n + 1) mirrorMs = Date.now() - t0;
      }
    };
    const top = cdp
      ? await profileTop(cdp, wait, { top: 12, snippet: extensionSnippets(extDir) })
      : (await wait(), null);
    return { ms: Date.now() - t0, mirrorMs, notes: last.notes, profile: top };
  } finally {
    await browser.close();
  }
}

export async function syncFromEmpty({
  extDir,
  chromiumPath,
  hermetic,
  root,
  runs = 3,
  n = Number(process.env.BENCH_SYNC_N ?? 10_000),
  profile = false,
}) {
  const couch = await startCouch(root);
  try {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await fromEmpty({ extDir, chromiumPath, hermetic, couch, n, profile }));
    return { n, samples };
  } finally {
    await couch.close();
  }
}

const TYPED =
  'consumer lag grows when the partition count is lower than the number of consumers in the group so keep them equal ';

/** The panel with the bench talk picked (raw writes: the server has the talk too), its note box focused. */
async function panelOnBenchTalk(browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 700 });
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const { _id, type, schema, conferenceKey, ...talk } = benchTalkDoc();
  await page.evaluate(
    async (talk) => {
      const db = await new Promise((resolve) => {
        const open = indexedDB.open('talkmark');
        open.onsuccess = () => resolve(open.result);
      });
      await new Promise((resolve) => {
        const tx = db.transaction(['talks', 'settings'], 'readwrite');
        tx.objectStore('talks').put(talk);
        tx.objectStore('settings').put({ key: 'pickedTalkId', value: talk.id });
        tx.oncomplete = resolve;
      });
      db.close();
    },
    { ...talk, id: 'bench-talk-id', conferenceId: null },
  );
  await reopen(page);
  return page;
}

async function reopen(page) {
  await page.reload();
  const box = page.getByRole('textbox', { name: 'Note' });
  await box.waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => !document.querySelector('textarea[aria-label="Note"]')?.placeholder.startsWith('Loading'),
  );
  await box.click();
}

/**
 * 12b: row 3c's measure (typeContinuously: the same 300 characters' worth of real keys 25 ms
 * apart, the same draft-write clock) in a panel that pulls 10,000 notes meanwhile. Each round
 * is a fresh profile, so every round replicates all of them (the same ids a second time would
 * arrive as no change) and nothing of one round runs on into the next: first the control arm,
 * sync never on; then sync is turned on (config written, the panel reopened, which is when the
 * runner reads it) and typing starts once notes arrive.
 */
export async function typingWhileSyncing({
  extDir,
  chromiumPath,
  hermetic,
  root,
  n = 10_000,
  rounds = 3,
  chars = 300,
  delay = 25,
}) {
  const couch = await startCouch(root);
  const text = TYPED.repeat(Math.ceil(chars / TYPED.length)).slice(0, chars);
  const quiet = [];
  const busy = [];
  const arrived = [];
  const rates = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const database = `typing-${round}-${Math.random().toString(36).slice(2, 8)}`;
      await couch.seed(database, n);
      const browser = await launch(extDir, chromiumPath, hermetic);
      try {
        const page = await panelOnBenchTalk(browser);
        await page.waitForTimeout(400);
        const control = await typeContinuously(page, text, delay);
        quiet.push(...control.durable);
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
        await writeConfig(page, couch.url, database, true);
        await reopen(page);
        // Typing starts once the replication is under way (notes arriving in Dexie).
        const t0 = Date.now();
        while ((await counts(page)).notes <= 200 && Date.now() - t0 < 120_000) await page.waitForTimeout(100);
        const before = (await counts(page)).notes;
        const during = await typeContinuously(page, text, delay);
        busy.push(...during.durable);
        rates.push(during.charsPerSecond);
        arrived.push((await counts(page)).notes - before);
      } finally {
        await browser.close();
      }
    }
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { quiet, busy, syncedDuring: mean(arrived), charsPerSecond: mean(rates) };
  } finally {
    await couch.close();
  }
}
