import type { TalkmarkDB } from '../db/schema';
import type { SyncMeta } from '../db/sync-journal';

/**
 * Sync settings, in the extension's own IndexedDB (`syncMeta`): content scripts cannot read it
 * (unlike `storage.local`), no page ever receives it, and backups leave the sync tables out.
 */
export interface SyncConfig {
  /** `https://couch.example.org` (or http on loopback), no path. */
  server: string;
  database: string;
  user: string;
  password: string;
  enabled: boolean;
}

export type SyncState = 'off' | 'syncing' | 'up-to-date' | 'waiting' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Local changes not yet in the mirror plus documents the replicator still has to send. */
  waiting: number;
  message: string | null;
  at: number;
}

export async function readSyncConfig(db: TalkmarkDB): Promise<SyncConfig | null> {
  const row: SyncMeta | undefined = await db.syncMeta.get('config');
  const v = row?.value as Partial<SyncConfig> | undefined;
  if (!v || typeof v.server !== 'string' || typeof v.database !== 'string') return null;
  return {
    server: v.server,
    database: v.database,
    user: typeof v.user === 'string' ? v.user : '',
    password: typeof v.password === 'string' ? v.password : '',
    enabled: v.enabled === true,
  };
}

export async function writeSyncConfig(db: TalkmarkDB, config: SyncConfig): Promise<void> {
  await db.syncMeta.put({ key: 'config', value: config });
}

export async function writeSyncStatus(db: TalkmarkDB, status: Omit<SyncStatus, 'at'>): Promise<void> {
  await db.syncMeta.put({ key: 'status', value: { ...status, at: Date.now() } });
}

export async function readSyncStatus(db: TalkmarkDB): Promise<SyncStatus> {
  const row: SyncMeta | undefined = await db.syncMeta.get('status');
  const config = await readSyncConfig(db);
  if (!config?.enabled) return { state: 'off', waiting: 0, message: null, at: 0 };
  const status = (row?.value as SyncStatus | undefined) ?? { state: 'syncing', waiting: 0, message: null, at: 0 };
  const outbox = await db.syncOutbox.count();
  return {
    ...status,
    waiting: status.waiting + outbox,
    state: status.state === 'up-to-date' && outbox > 0 ? 'waiting' : status.state,
  };
}
