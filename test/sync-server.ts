import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

/**
 * A CouchDB-compatible server on loopback, in the test's own process (express-pouchdb over
 * PouchDB's memory adapter). Its databases live in this process, so `stop()` then `start()`
 * is a server restart that keeps the data, and a test can write any document into a database
 * (`db(name)`), as a hostile server would serve it.
 */
export interface SyncServer {
  url: string;
  port: number;
  /** Creates a database; its URL. */
  create(name: string): Promise<string>;
  /** A client of one of its databases over HTTP (to write documents a hostile server would send). */
  db(name: string): PouchDBHandle;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: untyped library
type PouchDBHandle = any;

/** PouchDB for tests: a URL goes over HTTP, anything else needs `MemoryPouch`. */
export const ServerPouch = PouchDB.plugin(memory).plugin(http).plugin(replication);
/** A database in this process's memory (the server's own, or a test's local mirror). */
export const MemoryPouch = ServerPouch.defaults({ adapter: 'memory' });

export async function startSyncServer(): Promise<SyncServer> {
  const app = express();
  // express-pouchdb crashes the process on an unauthenticated `PUT /<db>` once an admin exists
  // (docs/sync-design.md): answer 401 before it gets there.
  app.use((req: IncomingMessage & { path: string }, res: ServerResponse, next: () => void) => {
    if (req.method === 'PUT' && /^\/[^/_][^/]*\/?$/.test(req.path) && !req.headers.authorization) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' }));
      return;
    }
    next();
  });
  app.use(expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', logPath: '/dev/null' }));
  let server: Server | null = null;
  let port = 0;
  const handles = new Map<string, PouchDBHandle>();
  const sockets = new Set<import('node:net').Socket>();
  const start = () =>
    new Promise<void>((resolve) => {
      const listening: Server = app.listen(port, '127.0.0.1', () => {
        port = (listening.address() as AddressInfo).port;
        resolve();
      });
      server = listening;
      listening.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
      server = null;
    });
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    async create(name) {
      const res = await fetch(`http://127.0.0.1:${port}/${name}`, {
        method: 'PUT',
        headers: { authorization: `Basic ${btoa('admin:admin')}` },
      });
      if (!res.ok && res.status !== 412) throw new Error(`creating ${name}: ${res.status}`);
      return `http://127.0.0.1:${port}/${name}`;
    },
    db(name) {
      let h = handles.get(name);
      if (!h) {
        h = new ServerPouch(`http://127.0.0.1:${port}/${name}`, { skip_setup: true });
        handles.set(name, h);
      }
      return h;
    },
    stop,
    start,
    async close() {
      await stop();
      for (const h of handles.values()) await h.close();
    },
  };
}
