/**
 * The automatic daily backup: one file a day in the Downloads folder (Talkmark backups/…),
 * written on an alarm when the user turned it on and granted `downloads`. The file goes to the
 * downloads API as a Blob URL: a data: URL would be capped at Chrome's 2 MB URL limit.
 */
import type { TalkmarkDB } from '../db/schema';
import { backupFileName, exportBackupZip } from './export';

export const DAILY_BACKUP_ALARM = 'talkmark-daily-backup';
export const DAILY_BACKUP_MINUTES = 24 * 60;
/** A sub-folder of Downloads, so daily files do not litter it. */
export const DAILY_BACKUP_FOLDER = 'Talkmark backups';

/** Due when never written, or when the last one is at least ~a day old (alarms drift). */
export function dailyBackupDue(lastAt: number | null, now: number): boolean {
  return lastAt === null || now - lastAt >= (DAILY_BACKUP_MINUTES - 30) * 60_000;
}

/** The path under Downloads, dated like a manual backup. */
export function dailyBackupPath(now: number): string {
  return `${DAILY_BACKUP_FOLDER}/${backupFileName(now)}`;
}

/** Today's backup .zip (records and pictures), read in one transaction. Wherever a Blob URL can be made of it. */
export async function dailyBackupBlob(db: TalkmarkDB, now: number): Promise<Blob> {
  const { zip } = await exportBackupZip(db, now);
  return new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/**
 * Why a download ended `interrupted`, for a person: `downloads.InterruptReason` codes (Chrome
 * and Firefox share them) mapped to words; anything else is named by its code.
 */
export function interruptionText(reason: string | undefined): string {
  switch (reason) {
    case 'FILE_NO_SPACE':
      return 'the disk is full';
    case 'FILE_ACCESS_DENIED':
      return 'the Downloads folder could not be written to';
    case 'FILE_NAME_TOO_LONG':
      return 'the file name is too long for the Downloads folder';
    case 'FILE_TOO_LARGE':
      return 'the file is too large for the Downloads folder';
    case 'FILE_BLOCKED':
    case 'FILE_SECURITY_CHECK_FAILED':
    case 'FILE_VIRUS_INFECTED':
      return 'the browser or the system blocked the file';
    case 'USER_CANCELED':
      return 'the download was cancelled';
    case 'USER_SHUTDOWN':
    case 'CRASH':
      return 'the browser closed before the file was saved';
    default:
      return reason ? `the download stopped (${reason})` : 'the download stopped';
  }
}

/** An error as one line: its message (not its stack), never empty. */
export function failureText(err: unknown): string {
  const text = (err instanceof Error ? err.message : String(err ?? '')).split('\n')[0]!.trim();
  return (text || 'unknown error').slice(0, 300);
}
