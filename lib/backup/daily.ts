/**
 * The automatic daily backup: one file a day in the Downloads folder (Talkmark/…), written by
 * the worker on an alarm when the user turned it on and granted `downloads`. The worker has no
 * Blob URLs, so the file travels as a data: URL.
 */
import { backupFileName, serializeBackup } from './export';
import type { BackupFile } from './format';

export const DAILY_BACKUP_ALARM = 'talkmark-daily-backup';
export const DAILY_BACKUP_MINUTES = 24 * 60;
/** A sub-folder of Downloads, so daily files do not litter it. */
export const DAILY_BACKUP_FOLDER = 'Talkmark backups';

/** Due when never written, or when the last one is at least ~a day old (alarms drift). */
export function dailyBackupDue(lastAt: number | null, now: number): boolean {
  return lastAt === null || now - lastAt >= (DAILY_BACKUP_MINUTES - 30) * 60_000;
}

export function dailyBackupDownload(backup: BackupFile, now: number): { url: string; filename: string } {
  const bytes = new TextEncoder().encode(serializeBackup(backup));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { url: `data:application/json;base64,${btoa(binary)}`, filename: `${DAILY_BACKUP_FOLDER}/${backupFileName(now)}` };
}
