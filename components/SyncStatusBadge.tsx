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

/**
 * How old this browser's copy is: sync runs only while the side panel or the settings page is
 * open, so after a night closed the user sees "Last synced 9 h ago" until the runner catches up.
 */
export function lastSyncedLabel(syncedAt: number | null, now = Date.now(), locale?: string): string {
  if (syncedAt === null) return 'Not synced with the server yet';
  const minutes = Math.floor(Math.max(0, now - syncedAt) / 60_000);
  if (minutes < 1) return 'Last synced just now';
  if (minutes < 60) return `Last synced ${minutes} min ago`;
  if (minutes < 24 * 60) return `Last synced ${Math.floor(minutes / 60)} h ago`;
  const when = new Date(syncedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return `Last synced ${when}`;
}

export function SyncStatusBadge() {
  const db = useDb();
  const status = useLiveQuery(() => readSyncStatus(db), []);
  if (status.status !== 'ready') return null;
  const label = syncStatusLabel(status.value);
  if (label === null) return null;
  const age = status.value.state === 'up-to-date' ? null : lastSyncedLabel(status.value.syncedAt);
  const more = [status.value.message, age].filter(Boolean).join('. ');
  return (
    <span
      class={`sync-status sync-${status.value.state}`}
      role="status"
      title={more || label}
      aria-label={`Sync: ${label}${more ? `. ${more}` : ''}`}
    >
      {label}
    </span>
  );
}
