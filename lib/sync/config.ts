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
  /**
   * When this browser and the server last agreed (the replicator idle, nothing waiting, no
   * error); null before the first time. Kept across every later state, so an offline or closed
   * runner still says how old this browser's copy is.
   */
  syncedAt: number | null;
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

export async function writeSyncStatus(
  db: TalkmarkDB,
  status: Omit<SyncStatus, 'at' | 'syncedAt'>,
  now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.syncMeta, async () => {
    const old = (await db.syncMeta.get('status'))?.value as Partial<SyncStatus> | undefined;
    const syncedAt = status.state === 'up-to-date' ? now : typeof old?.syncedAt === 'number' ? old.syncedAt : null;
    await db.syncMeta.put({ key: 'status', value: { ...status, at: now, syncedAt } });
  });
}

export async function readSyncStatus(db: TalkmarkDB): Promise<SyncStatus> {
  const row: SyncMeta | undefined = await db.syncMeta.get('status');
  const config = await readSyncConfig(db);
  if (!config?.enabled) return { state: 'off', waiting: 0, message: null, at: 0, syncedAt: null };
  const stored = row?.value as Partial<SyncStatus> | undefined;
  const status: SyncStatus = {
    state: stored?.state ?? 'syncing',
    waiting: stored?.waiting ?? 0,
    message: stored?.message ?? null,
    at: stored?.at ?? 0,
    syncedAt: typeof stored?.syncedAt === 'number' ? stored.syncedAt : null,
  };
  const outbox = await db.syncOutbox.count();
  return {
    ...status,
    waiting: status.waiting + outbox,
    state: status.state === 'up-to-date' && outbox > 0 ? 'waiting' : status.state,
  };
}
