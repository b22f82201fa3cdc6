import { liveQuery } from 'dexie';
import type { TalkmarkDB } from '../db/schema';
import type { SyncConfig } from '../sync/config';

/**
 * Where sync runs: in an open extension page (the side panel, else the settings page), never as
 * state in the service worker (MV3 ends an idle worker after 30 s, and a live `_changes` request
 * with it). A Web Lock makes exactly one open page the runner; when it closes, the next page in
 * the queue takes over, resuming from the checkpoints in IndexedDB. The replicator and PouchDB
 * are imported here, on demand, so no page's first render carries them.
 */
export function hostSync(db: TalkmarkDB): void {
  if (!navigator.locks) return;
  void navigator.locks.request('talkmark-sync', () => runWhileOpen(db));
}

function runWhileOpen(db: TalkmarkDB): Promise<never> {
  return new Promise<never>(() => {
    let current: { stop(): void } | null = null;
    let lastConfig = '';
    let generation = 0;
    liveQuery(() => db.syncMeta.get('config')).subscribe({
      next: async (row) => {
        const value = row?.value as SyncConfig | undefined;
        const text = JSON.stringify(value ?? null);
        if (text === lastConfig) return;
        lastConfig = text;
        const mine = ++generation;
        current?.stop();
        current = null;
        if (!value?.enabled) return;
        const [{ PouchDB }, { startSync }] = await Promise.all([import('../sync/pouch'), import('../sync/runner')]);
        if (mine !== generation) return;
        current = await startSync(db, PouchDB);
      },
      error: () => undefined,
    });
  });
}
