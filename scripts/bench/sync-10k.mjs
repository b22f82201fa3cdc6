// Sync bench (issue #18), not yet a row of run.mjs: 10,000 notes replicate from empty into the
// built extension's Dexie (headless Chromium, PouchDB idb adapter), from express-pouchdb on
// loopback in this process (CORS headers stand in for the host permission a user grants).
//   npm run build && N=10000 node scripts/bench/sync-10k.mjs      budget: ≤ 30 s
import { chromium } from '@playwright/test';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'package.json'));
const express = require('express');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));
const Mem = PouchDB.defaults({ adapter: 'memory' });
const app = express();
app.use((req, res, next) => {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-allow-headers', 'authorization, content-type, accept');
  res.setHeader('access-control-allow-methods', 'GET, PUT, POST, DELETE, HEAD');
  if (req.method === 'OPTIONS') return res.end();
  next();
});
app.use(require('express-pouchdb')(Mem, { mode: 'minimumForPouchDB', logPath: '/dev/null' }));
const srv = await new Promise((r) => {
  const s = app.listen(0, '127.0.0.1', () => r(s));
});
const url = `http://127.0.0.1:${srv.address().port}`;
const N = Number(process.env.N ?? 10000);
const remote = new PouchDB(`${url}/bench`);
const now = Date.now();
const talk = {
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
  startAt: now,
  endAt: null,
  links: [],
  clippedAt: now,
  updatedAt: now,
  conferenceKey: null,
};
const docs = [
  talk,
  ...Array.from({ length: N }, (_, i) => ({
    _id: `note:${i.toString().padStart(6, '0')}`,
    type: 'note',
    schema: 1,
    talkKey: 'bench-talk',
    kind: 'plain',
    text: `Note number ${i} about partitions and consumers`,
    createdAt: now + i,
    updatedAt: now + i,
  })),
];
for (let i = 0; i < docs.length; i += 1000) await remote.bulkDocs(docs.slice(i, i + 1000));
const ext = join(ROOT, '.output/chrome-mv3');
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bench-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-proxy-server', '--disable-gpu'],
});
const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const id = new URL(sw.url()).host;
const page = await ctx.newPage();
await page.goto(`chrome-extension://${id}/options.html`);
await page.waitForTimeout(1000);
const t0 = Date.now();
await page.evaluate(async (server) => {
  const db = await new Promise((r) => {
    const o = indexedDB.open('talkmark');
    o.onsuccess = () => r(o.result);
  });
  await new Promise((r) => {
    const tx = db.transaction('syncMeta', 'readwrite');
    tx.objectStore('syncMeta').put({
      key: 'config',
      value: { server, database: 'bench', user: '', password: '', enabled: true },
    });
    tx.oncomplete = r;
  });
  db.close();
}, url);
await page.reload();
const count = () =>
  page.evaluate(
    () =>
      new Promise((r) => {
        const o = indexedDB.open('talkmark');
        o.onsuccess = () => {
          const q = o.result.transaction('notes').objectStore('notes').count();
          q.onsuccess = () => {
            r(q.result);
            o.result.close();
          };
        };
      }),
  );
let n = 0;
while (n < N && Date.now() - t0 < 200_000) {
  await new Promise((r) => setTimeout(r, 250));
  n = await count();
}
console.log(JSON.stringify({ notes: n, ms: Date.now() - t0, load: (await import('node:os')).loadavg() }));
await ctx.close();
srv.close();
process.exit(0);
