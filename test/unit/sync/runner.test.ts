// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { readSyncStatus, writeSyncConfig } from '../../../lib/sync/config';
import { checkAddress, guardedFetch, testConnection } from '../../../lib/sync/connection';
import { startSync } from '../../../lib/sync/runner';
import { ServerPouch, type SyncServer, startSyncServer } from '../../sync-server';
import { aNote, aTalk } from './records';

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer();
});
afterAll(async () => {
  await server.close();
});

const config = (over = {}) => ({
  server: server.url,
  database: 'team',
  user: 'ada',
  password: 'pw',
  enabled: true,
  ...over,
});

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('the live runner', () => {
  it('a note written in A reaches B while both run, and the status says up to date', async () => {
    await server.create('team');
    const a = new TalkmarkDB(`run-a-${crypto.randomUUID()}`);
    const b = new TalkmarkDB(`run-b-${crypto.randomUUID()}`);
    await a.talks.put(aTalk({ id: 'old', key: 'before-sync', url: 'https://example.com/old' }));
    await a.syncOutbox.clear(); // as a database from before schema v4 would be
    await writeSyncConfig(a, config());
    await writeSyncConfig(b, { ...config(), password: 'pw' });
    // Distinct mirrors per profile: the memory adapter shares names within one process.
    const runA = (await startSync(a, ServerPouch, { adapter: 'memory', mirror: `a-${crypto.randomUUID()}` }))!;
    const runB = (await startSync(b, ServerPouch, { adapter: 'memory', mirror: `b-${crypto.randomUUID()}` }))!;
    await Promise.all([runA.settled, runB.settled]);
    await a.talks.put(aTalk({ id: 'ta' }));
    await a.notes.add(aNote({ talkId: 'ta', text: 'typed in A' }));
    await until(async () => (await b.notes.count()) === 1);
    expect((await b.talks.toArray()).map((t) => t.key).sort()).toEqual(['before-sync', 'conf.sched.com/aaaa']);
    expect((await b.notes.toArray())[0]!.text).toBe('typed in A');
    await until(async () => (await readSyncStatus(a)).state === 'up-to-date');
    runA.stop();
    runB.stop();
  });
});

describe('Settings → Sync: the connection test names what is wrong', () => {
  it('refuses plain http except on this computer, and addresses with credentials', () => {
    expect(checkAddress({ server: 'http://couch.example.org', database: 'team' })).toMatchObject({
      problem: 'insecure',
    });
    expect(checkAddress({ server: 'https://a:b@couch.example.org', database: 'team' })).toMatchObject({
      problem: 'bad-url',
    });
    expect(checkAddress({ server: 'couch', database: 'team' })).toMatchObject({ problem: 'bad-url' });
    expect(checkAddress({ server: 'https://couch.example.org', database: 'Team' })).toMatchObject({
      problem: 'bad-database',
    });
    expect(checkAddress({ server: 'http://localhost:5984/', database: 'team' })).toEqual({
      ok: true,
      origin: 'http://localhost:5984',
      url: 'http://localhost:5984/team',
    });
  });

  it('against a real server: ok, no such database, unreachable', async () => {
    await server.create('team');
    expect(await testConnection(config())).toMatchObject({ ok: true });
    expect(await testConnection(config({ database: 'nosuch' }))).toMatchObject({ problem: 'no-database' });
    expect(await testConnection(config({ server: 'http://127.0.0.1:9' }))).toMatchObject({ problem: 'unreachable' });
  });

  it('401 and 403 from the server', async () => {
    const couch = (dbStatus: number): typeof fetch =>
      (async (url: string) =>
        url.endsWith('/')
          ? new Response(JSON.stringify({ couchdb: 'Welcome' }))
          : new Response('{}', { status: dbStatus })) as typeof fetch;
    expect(await testConnection(config(), couch(401))).toMatchObject({ problem: 'unauthorized' });
    expect(await testConnection(config(), couch(403))).toMatchObject({ problem: 'forbidden' });
    const tls: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = await testConnection(config({ server: 'https://couch.example.org' }), tls);
    expect(result).toMatchObject({ problem: 'unreachable' });
    expect(!result.ok && result.message).toMatch(/certificate/);
  });

  it('the Test itself asks only the server’s root and the database, never following a redirect or sending cookies', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const spy = (async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return url.endsWith('/') ? Response.json({ couchdb: 'Welcome' }) : Response.json({ db_name: 'team' });
    }) as typeof fetch;
    expect(await testConnection(config({ server: 'https://couch.example.org' }), spy)).toMatchObject({ ok: true });
    expect(seen.map(([url]) => url)).toEqual(['https://couch.example.org/', 'https://couch.example.org/team']);
    for (const [, init] of seen) expect([init?.redirect, init?.credentials]).toEqual(['error', 'omit']);
  });

  it('PouchDB’s fetch reaches only the database, with the account, never following redirects', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const spy = (async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return new Response('{}');
    }) as typeof fetch;
    const f = guardedFetch('https://couch.example.org/team', 'ada', 'pw', spy);
    await f('https://couch.example.org/team/_changes?since=0');
    await expect(f('https://evil.example.com/x')).rejects.toThrow(/outside its database/);
    await expect(f('https://couch.example.org/teamx/_all_docs')).rejects.toThrow(/outside/);
    expect(seen).toHaveLength(1);
    expect(new Headers(seen[0]![1]!.headers).get('authorization')).toBe(`Basic ${btoa('ada:pw')}`);
    expect(seen[0]![1]!.redirect).toBe('error');
    expect(seen[0]![1]!.credentials).toBe('omit');
  });
});

describe('the live runner without its server', () => {
  it('says offline, with the notes waiting, while the server is down; up to date once it is back', async () => {
    const db = new TalkmarkDB(`run-off-${crypto.randomUUID()}`);
    await server.create('alone');
    await writeSyncConfig(db, config({ database: 'alone' }));
    const run = (await startSync(db, ServerPouch, { adapter: 'memory', mirror: `off-${crypto.randomUUID()}` }))!;
    await run.settled;
    await until(async () => (await readSyncStatus(db)).state === 'up-to-date');
    await server.stop();
    await db.talks.put(aTalk({ id: 'ta' }));
    await db.notes.add(aNote({ talkId: 'ta' }));
    await until(async () => (await readSyncStatus(db)).state === 'offline');
    expect((await readSyncStatus(db)).waiting).toBeGreaterThan(0);
    await server.start();
    await until(async () => (await readSyncStatus(db)).state === 'up-to-date', 40_000);
    run.stop();
  });
});

describe('a new machine: the first pull into an empty mirror', () => {
  it('fills Dexie without offering the pulled documents back to the server, and a note typed meanwhile still reaches it', async () => {
    const name = `first-${crypto.randomUUID().slice(0, 8)}`;
    await server.create(name);
    const a = new TalkmarkDB(`first-a-${crypto.randomUUID()}`);
    await a.talks.put(aTalk({ id: 'ta' }));
    await a.notes.bulkAdd(Array.from({ length: 1200 }, (_, i) => aNote({ id: `n${i}`, talkId: 'ta', text: `n ${i}` })));
    await writeSyncConfig(a, config({ database: name }));
    const runA = (await startSync(a, ServerPouch, { adapter: 'memory', mirror: `fa-${crypto.randomUUID()}` }))!;
    await runA.settled;
    const serverDb = server.db(name);
    await until(async () => (await serverDb.info()).doc_count === 1201, 60_000);
    runA.stop();

    const b = new TalkmarkDB(`first-b-${crypto.randomUUID()}`);
    await writeSyncConfig(b, config({ database: name }));
    let offered = 0;
    const counting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/_revs_diff') && typeof init?.body === 'string')
        offered += Object.keys(JSON.parse(init.body) as object).length;
      return fetch(input, init);
    }) as typeof fetch;
    const runB = (await startSync(b, ServerPouch, {
      adapter: 'memory',
      mirror: `fb-${crypto.randomUUID()}`,
      fetch: counting,
    }))!;
    // Typed on B while its first pull runs: waits in the outbox, then goes out.
    await until(async () => (await b.talks.count()) === 1);
    const talkB = (await b.talks.toArray())[0]!;
    await b.notes.add(aNote({ id: 'typed-on-b', talkId: talkB.id, text: 'typed during the first pull' }));
    await runB.settled;
    await until(async () => (await b.notes.count()) === 1201, 60_000);
    await until(async () => (await serverDb.info()).doc_count === 1202, 30_000);
    expect((await serverDb.get('note:typed-on-b')).text).toBe('typed during the first pull');
    expect(offered).toBeLessThan(10); // only B's own note, not the 1,201 documents it pulled
    runB.stop();
  });
});
