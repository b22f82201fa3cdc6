import { useEffect, useState } from 'preact/hooks';
import {
  backupFileName,
  describeDropped,
  exportBackupZip,
  MAX_BACKUP_ZIP_BYTES,
  restoreFromFile,
  type DroppedValue,
  type ImportSummary,
} from '../lib/backup';
import { NEEDS_PERMISSION, dailyBackupNotice } from '../lib/backup/daily-status';
import { getSetting } from '../lib/db/settings';
import { useDb, useExtensionIo } from './services';
import { useLiveQuery } from './useLiveQuery';

function describeSummary(summary: ImportSummary, dropped: readonly DroppedValue[]): string {
  const parts = (['talks', 'notes', 'highlights', 'templates'] as const).map((table) => {
    const s = summary[table];
    return `${table}: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged`;
  });
  const images = summary.images;
  if (images.added + images.unchanged > 0) parts.push(`pictures: ${images.added} added, ${images.unchanged} unchanged`);
  return [`Restored. ${parts.join('; ')}.`, describeDropped(dropped)].filter(Boolean).join(' ');
}

const formatTime = (at: number) => new Date(at).toLocaleString();

/** Everything in one .zip (records and pictures), and back: a restore checks the whole file before writing anything. */
export function BackupSection() {
  const db = useDb();
  const extension = useExtensionIo();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const daily = useLiveQuery(async () => ({
    on: await getSetting(db, 'dailyBackup'),
    lastAt: await getSetting(db, 'lastAutoBackupAt'),
    error: await getSetting(db, 'lastAutoBackupError'),
  }));
  const [permitted, setPermitted] = useState<boolean | null>(null);
  // A download the worker started may have ended (or failed) after the worker stopped.
  useEffect(() => {
    extension.dailyBackup
      .settlePending()
      .catch((err: unknown) => console.warn('Talkmark: could not check the last daily backup', err));
  }, []);
  // Granted or taken away anywhere (another page, the browser's settings): what this page says follows.
  useEffect(
    () =>
      extension.dailyBackup.watchPermission((granted) => {
        setPermitted(granted);
        if (granted) setStatus((s) => (s?.text === NEEDS_PERMISSION ? null : s));
      }),
    [],
  );

  const toggleDaily = async (on: boolean) => {
    try {
      const now = await extension.dailyBackup.set(on);
      // An answer to this click replaces whatever an earlier one said.
      setStatus(on && !now ? { ok: false, text: NEEDS_PERMISSION } : null);
    } catch (err) {
      setStatus({
        ok: false,
        text: `The daily backup could not be changed: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  };

  const backup = async () => {
    setBusy(true);
    try {
      const { zip, backup: file, images } = await exportBackupZip(db);
      extension.saveBytes(backupFileName(), zip, 'application/zip');
      const d = file.data;
      setStatus({
        ok: true,
        text: `Backup saved: ${d.talks.length} talks, ${d.notes.length} notes, ${images} pictures, ${d.highlights.length} highlights.`,
      });
    } catch (err) {
      setStatus({ ok: false, text: `The backup failed: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_ZIP_BYTES) {
      setStatus({
        ok: false,
        text: `Nothing was changed: the file is too large for a Talkmark backup (${Math.ceil(file.size / 1024 / 1024)} MB).`,
      });
      return;
    }
    setBusy(true);
    try {
      const result = await restoreFromFile(db, new Uint8Array(await file.arrayBuffer()));
      setStatus(
        result.ok
          ? { ok: true, text: describeSummary(result.summary, result.dropped) }
          : { ok: false, text: `Nothing was changed: ${result.error}` },
      );
    } finally {
      setBusy(false);
    }
  };

  const notice = daily.status === 'ready' ? dailyBackupNotice({ ...daily.value, permitted }, formatTime) : null;
  return (
    <section aria-labelledby="backup-heading" class="card">
      <h2 id="backup-heading">Backup and restore</h2>
      <p class="muted">
        One .zip with every talk, note, picture, highlight, template and setting. Restoring checks the whole file, then
        merges it in; nothing you have is deleted. Older .json backups restore too.
      </p>
      <p style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
        <button type="button" onClick={() => void backup()} disabled={busy}>
          Download backup
        </button>
        <label class="file-button">
          Restore from file…
          <input
            type="file"
            accept=".zip,.json,application/zip,application/json"
            aria-label="Restore from backup file"
            disabled={busy}
            onChange={(e) => void restore(e.target as HTMLInputElement)}
          />
        </label>
      </p>
      {daily.status === 'ready' && (
        <p class="meta">
          <label>
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={daily.value.on}
              onChange={(e) => void toggleDaily((e.target as HTMLInputElement).checked)}
            />{' '}
            Also save a backup every day to Downloads/Talkmark backups
          </label>
          {daily.value.on && daily.value.lastAt && (
            <span class="muted"> · last on {formatTime(daily.value.lastAt)}</span>
          )}
        </p>
      )}
      {notice && (
        <p class="error" role="alert">
          {notice.text}
          {notice.kind === 'not-permitted' && (
            <>
              {' '}
              <button type="button" class="secondary" onClick={() => void toggleDaily(true)}>
                Allow saving to Downloads
              </button>
            </>
          )}
        </p>
      )}
      {status && (
        <p role="status" class={status.ok ? 'ok' : 'error'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
