/**
 * What became of the automatic backup, kept in settings for the settings page. The download's
 * id is stored when it starts: the worker (or page) that started it may be gone before it ends,
 * so whoever runs next — the next alarm, the settings page — looks it up and records the end.
 */
import type { TalkmarkDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { interruptionText } from './daily';

/** A download as `downloads.search` describes it; null when the browser no longer lists it. */
export type DownloadEnd = { state: 'in_progress' } | { state: 'complete' } | { state: 'interrupted'; error?: string };

export type SettleOutcome = 'none' | 'complete' | 'interrupted' | 'in-progress' | 'gone';

export async function recordDailyBackupFailure(db: TalkmarkDB, at: number, message: string): Promise<void> {
  await setSetting(db, 'lastAutoBackupError', { at, message });
}

export async function recordDailyBackupStarted(db: TalkmarkDB, downloadId: number, at: number): Promise<void> {
  await setSetting(db, 'pendingAutoBackup', { downloadId, at });
}

/**
 * Records the end of the pending download, if it has ended: complete → the backup's time and no
 * error; interrupted → the error, in words. A download the browser forgot (history cleared) is
 * dropped without a verdict: the backup stays due, so the next run writes one again.
 */
export async function settleDailyBackup(
  db: TalkmarkDB,
  lookup: (downloadId: number) => Promise<DownloadEnd | null>,
): Promise<SettleOutcome> {
  const pending = cleanPending(await getSetting(db, 'pendingAutoBackup'));
  if (!pending) return 'none';
  const end = await lookup(pending.downloadId);
  if (end?.state === 'in_progress') return 'in-progress';
  // Written only if nobody settled it or started another download meanwhile (a page and the worker may both look).
  return db.transaction('rw', db.settings, async () => {
    const now = cleanPending(await getSetting(db, 'pendingAutoBackup'));
    if (now?.downloadId !== pending.downloadId) return 'none';
    await setSetting(db, 'pendingAutoBackup', null);
    if (!end) return 'gone';
    if (end.state !== 'interrupted') {
      await setSetting(db, 'lastAutoBackupAt', pending.at);
      await setSetting(db, 'lastAutoBackupError', null);
      return 'complete';
    }
    await setSetting(db, 'lastAutoBackupError', { at: pending.at, message: interruptionText(end.error) });
    return 'interrupted';
  });
}

/** The setting as written by `recordDailyBackupStarted`, or null for anything else. */
function cleanPending(v: unknown): { downloadId: number; at: number } | null {
  if (!v || typeof v !== 'object') return null;
  const { downloadId, at } = v as Record<string, unknown>;
  return Number.isSafeInteger(downloadId) && Number.isFinite(at)
    ? { downloadId: downloadId as number, at: at as number }
    : null;
}

/** What a run records when Talkmark may not save to Downloads (the permission was taken away). */
export const NOT_ALLOWED =
  'Talkmark may no longer save files to Downloads (the permission was removed); turn the daily backup off and on again to allow it';

/** The settings page's answer when the browser's permission prompt was refused or dismissed. */
export const NEEDS_PERMISSION = 'The daily backup needs permission to save files to Downloads.';

export interface DailyBackupState {
  on: boolean;
  /** Whether Talkmark may save to Downloads now; null until the browser says. */
  permitted: boolean | null;
  error: { at: number; message: string } | null;
}

export type DailyBackupNotice = { kind: 'not-permitted'; text: string } | { kind: 'failed'; text: string };

/**
 * What the settings page says under the daily backup box, from what is true now: a backup that is
 * on without the permission says so (whenever it was taken away), and a failure recorded because
 * the permission was missing is not shown once it is back — it no longer holds.
 */
export function dailyBackupNotice(
  state: DailyBackupState,
  formatTime: (at: number) => string,
): DailyBackupNotice | null {
  if (!state.on) return null;
  if (state.permitted === false) {
    return {
      kind: 'not-permitted',
      text: 'The daily backup is on, but Talkmark may not save files to Downloads: the permission was removed. No backup is written until you allow it again.',
    };
  }
  if (state.error && !(state.permitted && state.error.message === NOT_ALLOWED)) {
    const line = dailyBackupFailureLine(state.error, formatTime);
    return line ? { kind: 'failed', text: line } : null;
  }
  return null;
}

/** The settings page's line when the last attempt failed, else null. */
export function dailyBackupFailureLine(
  error: { at: number; message: string } | null,
  formatTime: (at: number) => string,
): string | null {
  if (!error) return null;
  const reason = error.message.replace(/[.\s]+$/, '');
  return `The daily backup failed on ${formatTime(error.at)}: ${reason}. Use “Download backup” now.`;
}
