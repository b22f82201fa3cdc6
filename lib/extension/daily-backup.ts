import { browser, type Browser } from 'wxt/browser';
import {
  DAILY_BACKUP_ALARM,
  DAILY_BACKUP_MINUTES,
  dailyBackupDue,
  dailyBackupPath,
  failureText,
} from '../backup/daily';
import {
  NOT_ALLOWED,
  recordDailyBackupFailure,
  recordDailyBackupStarted,
  settleDailyBackup,
  type DownloadEnd,
} from '../backup/daily-status';
import type { TalkmarkDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { openBackupBlobUrl, releaseLeftoverBlobUrls, type BackupBlobUrl } from './backup-blob-url';

const DOWNLOADS = { permissions: ['downloads'] as Browser.runtime.ManifestPermission[] };
/** How long a run waits for its download to end; past that, the next run or the settings page settles it. */
const DOWNLOAD_WAIT_MS = 120_000;

export type DailyBackupOutcome = 'written' | 'off' | 'not-due' | 'failed' | 'still-downloading';

/** The alarm that wakes the worker once a day (alarms survive the worker; creating is idempotent). */
export async function ensureDailyBackupAlarm(): Promise<void> {
  if (!(await browser.alarms.get(DAILY_BACKUP_ALARM))) {
    await browser.alarms.create(DAILY_BACKUP_ALARM, { periodInMinutes: DAILY_BACKUP_MINUTES, delayInMinutes: 1 });
  }
}

/**
 * Write today's backup to Downloads if the user asked for it and none was written in the last
 * day, and wait for the download to end. Every failure — no permission, a database error, a
 * download refused or interrupted (disk full) — is recorded for the settings page, not thrown.
 * Rejects only when even recording fails (the database is gone).
 */
export async function runDailyBackup(db: TalkmarkDB, now = Date.now(), force = false): Promise<DailyBackupOutcome> {
  if (!(await getSetting(db, 'dailyBackup'))) return 'off';
  if (!(await browser.permissions.contains(DOWNLOADS))) {
    await recordDailyBackupFailure(db, now, NOT_ALLOWED);
    return 'failed';
  }
  // A download started by a run that did not live to see its end. One at a time: a second run
  // would replace the first's record and free the URL it is still reading from.
  const earlier = await settleDailyBackup(db, findDownload);
  if (earlier === 'in-progress') return 'still-downloading';
  if (earlier !== 'none')
    await releaseLeftoverBlobUrls().catch((err: unknown) =>
      console.warn('Talkmark: could not close the backup helper page', err),
    );
  if (!force && !dailyBackupDue(await getSetting(db, 'lastAutoBackupAt'), now)) return 'not-due';

  let file: BackupBlobUrl | null = null;
  try {
    file = await openBackupBlobUrl(db, now);
    const downloadId = await browser.downloads.download({
      url: file.url,
      filename: dailyBackupPath(now),
      conflictAction: 'overwrite',
      saveAs: false,
    });
    await recordDailyBackupStarted(db, downloadId, now);
    const end = await waitForDownloadEnd(downloadId, DOWNLOAD_WAIT_MS);
    const outcome = await settleDailyBackup(db, async () => end);
    // Still running: the URL must outlive the download; the next run's offscreen document is this one.
    if (outcome !== 'in-progress') await release(file);
    switch (outcome) {
      case 'complete':
        return 'written';
      case 'in-progress':
        return 'still-downloading';
      case 'gone':
        await recordDailyBackupFailure(
          db,
          now,
          'the browser no longer lists the download (was the download list cleared?)',
        );
        return 'failed';
      case 'none': // the settings page settled it first: what it recorded stands
        return (await getSetting(db, 'lastAutoBackupAt')) === now ? 'written' : 'failed';
      default:
        return 'failed';
    }
  } catch (err) {
    if (file) await release(file);
    await recordDailyBackupFailure(db, now, failureText(err));
    return 'failed';
  }
}

/** Freeing the URL is housekeeping, not the backup: a failure there is logged, and the backup's outcome stands. */
async function release(file: BackupBlobUrl): Promise<void> {
  await file.release().catch((err: unknown) => console.warn('Talkmark: could not free the backup file URL', err));
}

/** The settings page looks too: a page or worker that started a download may be gone. */
export async function settlePendingDailyBackup(db: TalkmarkDB): Promise<void> {
  if (await browser.permissions.contains(DOWNLOADS)) await settleDailyBackup(db, findDownload);
}

async function findDownload(downloadId: number): Promise<DownloadEnd | null> {
  const [item] = await browser.downloads.search({ id: downloadId });
  if (!item) return null;
  return item.state === 'interrupted'
    ? { state: 'interrupted', error: item.error }
    : { state: item.state === 'complete' ? 'complete' : 'in_progress' };
}

/**
 * The download's end state (null: the browser no longer lists it), or `in_progress` after
 * `timeoutMs`. Listens first, then looks, so a change in between is not missed.
 */
function waitForDownloadEnd(downloadId: number, timeoutMs: number): Promise<DownloadEnd | null> {
  return new Promise((resolve, reject) => {
    let done = false;
    const stop = () => {
      done = true;
      clearTimeout(timer);
      browser.downloads.onChanged.removeListener(onChanged);
    };
    const check = () =>
      findDownload(downloadId).then(
        (end) => {
          if (done || end?.state === 'in_progress') return;
          stop();
          resolve(end);
        },
        (err: unknown) => {
          if (done) return;
          stop();
          reject(err);
        },
      );
    const onChanged = (delta: Browser.downloads.DownloadDelta) => {
      if (delta.id === downloadId && delta.state) void check();
    };
    const timer = setTimeout(() => {
      stop();
      resolve({ state: 'in_progress' });
    }, timeoutMs);
    browser.downloads.onChanged.addListener(onChanged);
    void check();
  });
}

/**
 * Calls `onChange` with whether Talkmark may save to Downloads: now, and whenever the permission is
 * granted or taken away (from any page, the browser's extension settings, or the worker).
 * Returns the function that stops listening.
 */
export function watchDownloadsPermission(onChange: (granted: boolean) => void): () => void {
  let live = true;
  const recheck = () => {
    browser.permissions.contains(DOWNLOADS).then(
      (granted) => live && onChange(granted),
      () => undefined,
    );
  };
  const changed = (p: Browser.permissions.Permissions) => {
    if (p.permissions?.includes('downloads')) recheck();
  };
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  recheck();
  return () => {
    live = false;
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}

/** Turn the daily backup on (asks for `downloads`, writes the first file now) or off. */
export async function setDailyBackup(db: TalkmarkDB, on: boolean): Promise<boolean> {
  if (on && !(await browser.permissions.request(DOWNLOADS).catch(() => false))) return false;
  await setSetting(db, 'dailyBackup', on);
  if (on) await runDailyBackup(db, Date.now(), true);
  else {
    await setSetting(db, 'lastAutoBackupError', null);
    await browser.permissions.remove(DOWNLOADS).catch(() => false);
  }
  return on;
}
