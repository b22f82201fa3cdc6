import { liveQuery } from 'dexie';
import type { TalkmarkDB } from '../db/schema';
import { readSyncConfig, type SyncConfig, writeSyncStatus } from './config';
import { checkAddress, guardedFetch } from './connection';
import { BATCH, mirrorOnce, pullMirror, queueEverythingOnce } from './mirror';
import { setPulling } from './activity';
import { observeInfoFailures } from './observe-info';
import type { PouchLike } from './pouch-types';

/**
 * Live sync for as long as the page that runs it is open (the side panel, or the settings page):
 * the replicator (PouchDB's, CouchDB's protocol) between the local mirror and the server, and
 * the mirror passes between Dexie and the local mirror, run one at a time whenever either side
 * changes. Nothing lives only in memory: the outbox, the mirror, both checkpoints and the status
 * are in IndexedDB, so a page closed at any moment loses nothing and the next runner resumes.
 */
export interface PouchFactory {
  // biome-ignore lint/suspicious/noExplicitAny: PouchDB is untyped; narrowed to PouchLike here
  new (name: string, options?: Record<string, unknown>): any;
}

export interface Running {
  stop(): void;
  /** Resolves after the first full pass (both loops caught up once): for tests and the bench. */
  settled: Promise<void>;
}

/** The local mirror's name: one per server, database and account, so switching never mixes them. */
export function mirrorName(config: SyncConfig): string {
  let h = 0;
  for (const c of `${config.server}|${config.database}|${config.user}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return `talkmark-sync-${(h >>> 0).toString(36)}`;
}

export async function startSync(
  db: TalkmarkDB,
  PouchDB: PouchFactory,
  options: { fetch?: typeof fetch; adapter?: string; mirror?: string } = {},
): Promise<Running | null> {
  const config = await readSyncConfig(db);
  if (!config?.enabled) return null;
  const address = checkAddress(config);
  if (!address.ok) {
    await writeSyncStatus(db, { state: 'error', waiting: 0, message: address.message });
    return null;
  }
  const mirror = options.mirror ?? mirrorName(config);
  await queueEverythingOnce(db, mirror);
  const local = observeInfoFailures(new PouchDB(mirror, options.adapter ? { adapter: options.adapter } : {}));
  const remote = observeInfoFailures(
    new PouchDB(address.url, {
      fetch: guardedFetch(address.url, config.user, config.password, options.fetch),
      skip_setup: true,
    }),
  );
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let pending = 0;
  // Written to the mirror and not yet confirmed sent: counted until the replicator is idle with no error.
  let unsent = 0;
  let replicationState: 'active' | 'paused' | 'offline' | 'error' = 'active';
  let lastError: string | null = null;

  const report = () => {
    if (stopped) return Promise.resolve();
    const state =
      replicationState === 'error'
        ? 'error'
        : replicationState === 'offline'
          ? 'offline'
          : replicationState === 'active' || running !== null
            ? 'syncing'
            : pending + unsent > 0
              ? 'waiting'
              : 'up-to-date';
    return writeSyncStatus(db, { state, waiting: pending + unsent, message: lastError }).catch(() => undefined);
  };

  const pass = (): Promise<void> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const result = await mirrorOnce(db, local as PouchLike);
          unsent += result.pushed;
          if (result.rejected.length)
            lastError = `${result.rejected.length} document(s) from the server were refused (not valid Talkmark data).`;
        } catch (error) {
          lastError = `Sync could not update this browser’s copy: ${String(error)}`;
        }
      } while (again && !stopped);
      running = null;
      setPulling('pass', false);
      await report();
    })();
    return running;
  };

  // biome-ignore lint/suspicious/noExplicitAny: PouchDB's replication handle is untyped
  let replication: any = null;
  let outbox: { unsubscribe(): void } | null = null;
  const begin = async (): Promise<void> => {
    // The first pull into an empty mirror (see firstPull), with pull-only mirror passes behind it.
    void report();
    // Views coalesce their live queries while records arrive (activity.ts).
    setPulling('first', true);
    let pulling: Promise<void> | null = null;
    const pullPass = () => {
      pulling ??= (async () => {
        try {
          await pullMirror(db, local as PouchLike);
        } catch {
          /* the next batch or the full pass tries again */
        }
        pulling = null;
      })();
      return pulling;
    };
    const pushSince = await firstPull(
      local,
      () => local.replicate.from(remote, { batch_size: FIRST_PULL_BATCH, batches_limit: 4 }),
      () => void pullPass(),
      () => stopped,
      (r) => {
        current = r;
      },
    );
    await pulling;
    setPulling('first', false);
    if (stopped) return;
    replication = local.sync(remote, {
      live: true,
      retry: true,
      batch_size: BATCH,
      ...(pushSince !== undefined ? { push: { since: pushSince } } : {}),
      batches_limit: 4,
      // Back after a dropped connection within seconds (conference Wi-Fi), never more than 30 s.
      back_off_function: (delay: number) => Math.min(Math.max(delay * 2, 1_000), 30_000),
    });
    // The two-way object's 'paused' drops the error: read each direction's own (set before it fires).
    const failed = { push: null as unknown, pull: null as unknown };
    for (const direction of ['push', 'pull'] as const) {
      replication[direction]?.on('paused', (err: unknown) => {
        failed[direction] = err ?? null;
      });
      replication[direction]?.on('active', () => {
        failed[direction] = null;
      });
    }
    replication
      .on('change', (info: { direction: string; change: { pending?: number; docs_written?: number } }) => {
        pending = info.change.pending ?? 0;
        if (info.direction === 'push') unsent = Math.max(0, unsent - (info.change.docs_written ?? 0));
        if (info.direction === 'pull') {
          setPulling('pass', true);
          void pass();
        }
      })
      .on('active', () => {
        replicationState = 'active';
        void report();
      })
      .on('paused', (err: unknown) => {
        err = err ?? failed.push ?? failed.pull;
        replicationState = err ? 'offline' : 'paused';
        if (!err) {
          pending = 0;
          unsent = 0;
          lastError = null;
        }
        void report();
      })
      .on('denied', (err: { reason?: string }) => {
        lastError = `The server refused a document: ${err?.reason ?? 'no rights'}`;
      })
      .on('error', (err: { status?: number; message?: string }) => {
        replicationState = 'error';
        lastError =
          err?.status === 401
            ? 'The server refused the user name or password (401).'
            : err?.status === 403
              ? 'This account has no rights on the database.'
              : `Sync stopped: ${err?.message ?? String(err)}`;
        void report();
      });
    // Local writes land in the outbox (any page, the worker): a pass moves them to the mirror.
    outbox = liveQuery(() => db.syncOutbox.count()).subscribe({
      next: (n) => {
        if (n > 0) void pass();
      },
      error: () => undefined,
    });
    await pass();
  };
  // biome-ignore lint/suspicious/noExplicitAny: PouchDB's replication handle is untyped
  let current: any = null;
  const settled = begin();
  return {
    settled,
    stop() {
      stopped = true;
      setPulling('first', false);
      setPulling('pass', false);
      current?.cancel();
      outbox?.unsubscribe();
      replication?.cancel();
    },
  };
}

/** Documents per request in the first pull into an empty mirror (small notes: ~0.5 MB a batch). */
export const FIRST_PULL_BATCH = 1_000;

/**
 * A mirror that is still empty (sync just turned on, or a new machine) is first filled by a
 * one-way pull, with the mirror passes into Dexie following it batch by batch and nothing pushed
 * meanwhile. The live two-way sync then starts its push after what the pull wrote: a two-way
 * sync from the start would offer every pulled document straight back to the server
 * (`_revs_diff` for all of them) while they are still arriving, and took a third of the time.
 * Local changes made meanwhile wait in the outbox; they reach the mirror after the pull, so the
 * push sends them. Resolves with the push's starting sequence, or undefined when nothing was done.
 */
async function firstPull(
  local: PouchLike & { info(): Promise<{ doc_count: number; update_seq: number | string }> },
  // biome-ignore lint/suspicious/noExplicitAny: PouchDB's replication handle is untyped
  replicateFrom: () => any,
  onBatch: () => void,
  isStopped: () => boolean,
  // biome-ignore lint/suspicious/noExplicitAny: as above
  hold: (r: any) => void,
): Promise<number | string | undefined> {
  const info = await local.info().catch(() => null);
  if (!info || info.doc_count !== 0 || (info.update_seq !== 0 && info.update_seq !== '0') || isStopped())
    return undefined;
  const pull = replicateFrom();
  hold(pull);
  pull.on('change', onBatch);
  try {
    await pull;
  } catch {
    return undefined; // offline or refused: the live sync reports it and retries
  }
  if (isStopped()) return undefined;
  return (await local.info()).update_seq;
}
