import type { DBCore, DBCoreMutateRequest } from 'dexie';

/** The tables that replicate (issue #18). Drafts, settings, images and the sync tables never do. */
export const SYNCED_TABLES = ['conferences', 'talks', 'notes', 'highlights', 'templates'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export function isSyncedTable(name: string): name is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(name);
}

/** `notes:<id>`: the one way a synced record is named in the sync tables. */
export function journalKey(table: SyncedTable, id: string): string {
  return `${table}:${id}`;
}

export function parseJournalKey(key: string): { table: SyncedTable; id: string } | null {
  const at = key.indexOf(':');
  const table = key.slice(0, at);
  return at > 0 && isSyncedTable(table) ? { table, id: key.slice(at + 1) } : null;
}

/** A deleted synced record (schema v4). Its `key` is `journalKey(table, id)`. */
export interface Tombstone {
  key: string;
  table: SyncedTable;
  id: string;
  deletedAt: number;
}

/** A synced record changed (written or deleted) since the sync runner last looked. */
export interface SyncOutboxEntry {
  key: string;
  table: SyncedTable;
  id: string;
  changedAt: number;
}

/** The CouchDB revision a local record stands on (the one last pushed or applied). */
export interface SyncRev {
  key: string;
  rev: string;
}

/** Sync settings, checkpoint and status, one row per name. */
export interface SyncMeta {
  key: string;
  value: unknown;
}

/** A losing version of a record after a concurrent edit: its fields as validated, for the user to pick. */
export interface SyncConflict {
  key: string;
  table: SyncedTable;
  id: string;
  losers: Array<{ rev: string; text: string; kind: string; author?: string; updatedAt: number }>;
  /** Revisions the user has dismissed: the runner removes them from the mirror, then drops the row. */
  resolvedRevs?: string[];
}

const JOURNAL_TABLES = ['tombstones', 'syncOutbox'];

/**
 * Every write to a synced table, by any path (notes, talk deletes, highlight and template
 * deletes, backup import, Undo), also writes the outbox, and every delete writes a tombstone, in
 * the same IndexedDB transaction: a crash between the two cannot happen, deletes made while
 * sync is off still replicate, and a record written again (Undo) loses its tombstone.
 * Transactions over a synced table are widened to the two journal tables for this.
 */
export const withSyncJournal = {
  stack: 'dbcore' as const,
  name: 'syncJournal',
  create(down: DBCore): DBCore {
    const hasJournal = JOURNAL_TABLES.every((t) => down.schema.tables.some((s) => s.name === t));
    if (!hasJournal) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some(isSyncedTable) ? [...new Set([...stores, ...JOURNAL_TABLES])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name: string) {
        const table = down.table(name);
        if (!isSyncedTable(name)) return table;
        const outbox = down.table('syncOutbox');
        const tombstones = down.table('tombstones');
        return {
          ...table,
          // No `async`/`await` here: Dexie's promises carry its zone (the running transaction)
          // through `.then`, a native `await` drops it and the layers below lose the transaction.
          mutate(req: DBCoreMutateRequest) {
            const run = (deleted: unknown[]) =>
              table.mutate(req).then((result) => {
                const written =
                  req.type === 'add' || req.type === 'put'
                    ? req.values.map((v: { id?: unknown }, i) => req.keys?.[i] ?? v?.id)
                    : [];
                const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
                const kept = written.filter((k, i): k is string => typeof k === 'string' && !failed.has(i));
                const gone = deleted.filter((k): k is string => typeof k === 'string');
                if (kept.length === 0 && gone.length === 0) return result;
                const now = Date.now();
                const entry = (id: string) => ({ key: journalKey(name, id), table: name, id });
                const trans = req.trans;
                return outbox
                  .mutate({
                    type: 'put',
                    trans,
                    values: [...kept, ...gone].map((id) => ({ ...entry(id), changedAt: now })),
                  })
                  .then(() =>
                    kept.length
                      ? tombstones.mutate({ type: 'delete', trans, keys: kept.map((id) => journalKey(name, id)) })
                      : null,
                  )
                  .then(() =>
                    gone.length
                      ? tombstones.mutate({
                          type: 'put',
                          trans,
                          values: gone.map((id) => ({ ...entry(id), deletedAt: now })),
                        })
                      : null,
                  )
                  .then(() => result);
              });
            if (req.type !== 'deleteRange') return run(req.type === 'delete' ? req.keys : []);
            return table
              .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
              .then((found) => run(found.result));
          },
        };
      },
    };
  },
};
