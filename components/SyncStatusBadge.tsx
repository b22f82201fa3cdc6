import { readSyncStatus, type SyncStatus } from '../lib/sync/config';
import { useDb } from './services';
import { useLiveQuery } from './useLiveQuery';

/** What the side panel says about sync, small, beside the title; nothing when sync is off. */
export function syncStatusLabel(status: SyncStatus): string | null {
  switch (status.state) {
    case 'off':
      return null;
    case 'up-to-date':
      return 'Synced';
    case 'syncing':
      return status.waiting > 0 ? `Syncing, ${status.waiting} waiting` : 'Syncing…';
    case 'waiting':
      return `${status.waiting} waiting to sync`;
    case 'offline':
      return status.waiting > 0 ? `Offline, ${status.waiting} waiting` : 'Offline';
    case 'error':
      return 'Sync error';
  }
}

export function SyncStatusBadge() {
  const db = useDb();
  const status = useLiveQuery(() => readSyncStatus(db), []);
  if (status.status !== 'ready') return null;
  const label = syncStatusLabel(status.value);
  if (label === null) return null;
  return (
    <span
      class={`sync-status sync-${status.value.state}`}
      role="status"
      title={status.value.message ?? label}
      aria-label={`Sync: ${label}${status.value.message ? `. ${status.value.message}` : ''}`}
    >
      {label}
    </span>
  );
}
