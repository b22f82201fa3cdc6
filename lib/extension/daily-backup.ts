import { browser, type Browser } from 'wxt/browser';
import { DAILY_BACKUP_ALARM, DAILY_BACKUP_MINUTES, dailyBackupDownload, dailyBackupDue } from '../backup/daily';
import { exportBackup } from '../backup/export';
import type { TalkmarkDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';

const DOWNLOADS = { permissions: ['downloads'] as Browser.runtime.ManifestPermission[] };

/** The alarm that wakes the worker once a day (alarms survive the worker; creating is idempotent). */
export async function ensureDailyBackupAlarm(): Promise<void> {
  if (!(await browser.alarms.get(DAILY_BACKUP_ALARM))) {
    await browser.alarms.create(DAILY_BACKUP_ALARM, { periodInMinutes: DAILY_BACKUP_MINUTES, delayInMinutes: 1 });
  }
}

/**
 * Write today's backup to Downloads if the user asked for it, the browser allows it, and none
 * was written in the last day. Returns what happened, for the settings page.
 */
export async function runDailyBackup(db: TalkmarkDB, now = Date.now(), force = false): Promise<'written' | 'off' | 'not-allowed' | 'not-due'> {
  if (!(await getSetting(db, 'dailyBackup'))) return 'off';
  if (!(await browser.permissions.contains(DOWNLOADS))) return 'not-allowed';
  if (!force && !dailyBackupDue(await getSetting(db, 'lastAutoBackupAt'), now)) return 'not-due';
  const { url, filename } = dailyBackupDownload(await exportBackup(db, now), now);
  await browser.downloads.download({ url, filename, conflictAction: 'overwrite', saveAs: false });
  await setSetting(db, 'lastAutoBackupAt', now);
  return 'written';
}

/** Turn the daily backup on (asks for `downloads`, writes the first file now) or off. */
export async function setDailyBackup(db: TalkmarkDB, on: boolean): Promise<boolean> {
  if (on && !(await browser.permissions.request(DOWNLOADS).catch(() => false))) return false;
  await setSetting(db, 'dailyBackup', on);
  if (on) await runDailyBackup(db, Date.now(), true);
  else await browser.permissions.remove(DOWNLOADS).catch(() => false);
  return on;
}
