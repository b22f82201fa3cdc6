import { beforeEach, describe, expect, it } from 'vitest';
import {
  dailyBackupBlob,
  dailyBackupDue,
  dailyBackupPath,
  failureText,
  interruptionText,
} from '../../../lib/backup/daily';
import {
  NOT_ALLOWED,
  dailyBackupFailureLine,
  dailyBackupNotice,
  recordDailyBackupStarted,
  settleDailyBackup,
  type DownloadEnd,
} from '../../../lib/backup/daily-status';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { parseBackupZip } from '../../../lib/backup/zip';
import { importBackup } from '../../../lib/backup/import';
import { parseBackup } from '../../../lib/backup/parse';
import { TalkmarkDB } from '../../../lib/db/schema';
import { getSetting, setSetting } from '../../../lib/db/settings';
import { makeNote, makeTalk } from '../notes/factories';
import { backupOf } from './fixtures';

let db: TalkmarkDB;
beforeEach(() => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
});

const DAY = 24 * 3600_000;
const NOON = Date.UTC(2025, 8, 9, 12);

describe('daily backup file', () => {
  it('is due when never written or a day has passed', () => {
    expect(dailyBackupDue(null, 0)).toBe(true);
    expect(dailyBackupDue(0, DAY - 3600_000)).toBe(false);
    expect(dailyBackupDue(0, DAY - 10 * 60_000)).toBe(true);
  });

  it('is a dated file in its own folder', () => {
    expect(dailyBackupPath(NOON)).toBe('Talkmark backups/talkmark-backup-2025-09-09.zip');
  });

  it('is the backup .zip with the whole backup, non-ASCII included', async () => {
    await db.drafts.put({ key: 'none', text: 'Zürich — “notes” 🚀', updatedAt: 1 });
    const blob = await dailyBackupBlob(db, NOON);
    expect(blob.type).toBe('application/zip');
    const parsed = parseBackupZip(new Uint8Array(await blob.arrayBuffer()));
    expect(parsed.ok && parsed.backup.data.drafts[0]?.text).toBe('Zürich — “notes” 🚀');
  });

  it('is not bounded by the 2 MB a data: URL could carry', async () => {
    await db.talks.add(makeTalk({ id: 't' }));
    await db.notes.bulkAdd(
      Array.from({ length: 600 }, (_, i) => makeNote({ id: `n${i}`, talkId: 't', text: `${i} ${'x'.repeat(5_000)}` })),
    );
    const blob = await dailyBackupBlob(db, NOON);
    const parsed = parseBackupZip(new Uint8Array(await blob.arrayBuffer()));
    expect(JSON.stringify(parsed.ok && parsed.backup).length).toBeGreaterThan(3_000_000);
    expect(parsed.ok && parsed.backup.data.notes).toHaveLength(600);
  });
});

describe('daily backup failures in words', () => {
  it('names why a download was interrupted', () => {
    expect(interruptionText('FILE_NO_SPACE')).toBe('the disk is full');
    expect(interruptionText('USER_CANCELED')).toBe('the download was cancelled');
    expect(interruptionText('FILE_ACCESS_DENIED')).toMatch(/could not be written/);
    expect(interruptionText('SERVER_FORBIDDEN')).toBe('the download stopped (SERVER_FORBIDDEN)');
    expect(interruptionText(undefined)).toBe('the download stopped');
  });

  it('gives one line for any error', () => {
    expect(failureText(new Error('Quota exceeded\n    at x.js:1'))).toBe('Quota exceeded');
    expect(failureText('plain')).toBe('plain');
    expect(failureText(new Error(''))).toBe('unknown error');
    expect(failureText(undefined)).toBe('unknown error');
  });

  it('is one sentence on the settings page, pointing at the manual backup', () => {
    const line = dailyBackupFailureLine({ at: NOON, message: 'the disk is full.' }, () => '9/9/2025, 2:00:00 PM');
    expect(line).toBe('The daily backup failed on 9/9/2025, 2:00:00 PM: the disk is full. Use “Download backup” now.');
    expect(dailyBackupFailureLine(null, String)).toBeNull();
  });
});

describe('settleDailyBackup', () => {
  const lookup = (end: DownloadEnd | null) => async () => end;
  const state = async () => ({
    lastAt: await getSetting(db, 'lastAutoBackupAt'),
    error: await getSetting(db, 'lastAutoBackupError'),
    pending: await getSetting(db, 'pendingAutoBackup'),
  });

  it('does nothing when no download is pending', async () => {
    expect(await settleDailyBackup(db, lookup({ state: 'complete' }))).toBe('none');
    expect(await state()).toEqual({ lastAt: null, error: null, pending: null });
  });

  it('records a completed download as the last backup and clears an earlier failure', async () => {
    await setSetting(db, 'lastAutoBackupError', { at: NOON - DAY, message: 'the disk is full' });
    await recordDailyBackupStarted(db, 7, NOON);
    const asked: number[] = [];
    expect(await settleDailyBackup(db, async (id) => (asked.push(id), { state: 'complete' }))).toBe('complete');
    expect(asked).toEqual([7]);
    expect(await state()).toEqual({ lastAt: NOON, error: null, pending: null });
  });

  it('records an interrupted download as a failure, in words, and keeps the last good time', async () => {
    await setSetting(db, 'lastAutoBackupAt', NOON - DAY);
    await recordDailyBackupStarted(db, 8, NOON);
    expect(await settleDailyBackup(db, lookup({ state: 'interrupted', error: 'FILE_NO_SPACE' }))).toBe('interrupted');
    expect(await state()).toEqual({
      lastAt: NOON - DAY,
      error: { at: NOON, message: 'the disk is full' },
      pending: null,
    });
  });

  it('leaves a running download pending, and drops one the browser forgot without a verdict', async () => {
    await recordDailyBackupStarted(db, 9, NOON);
    expect(await settleDailyBackup(db, lookup({ state: 'in_progress' }))).toBe('in-progress');
    expect((await state()).pending).toEqual({ downloadId: 9, at: NOON });
    expect(await settleDailyBackup(db, lookup(null))).toBe('gone');
    expect(await state()).toEqual({ lastAt: null, error: null, pending: null });
  });

  it('does not settle a download another run replaced meanwhile', async () => {
    await recordDailyBackupStarted(db, 1, NOON);
    const outcome = await settleDailyBackup(db, async () => {
      await recordDailyBackupStarted(db, 2, NOON + 1);
      return { state: 'interrupted', error: 'USER_CANCELED' };
    });
    expect(outcome).toBe('none');
    expect(await state()).toEqual({ lastAt: null, error: null, pending: { downloadId: 2, at: NOON + 1 } });
  });

  it('ignores a malformed pending value', async () => {
    await db.settings.put({ key: 'pendingAutoBackup', value: { downloadId: 'x', at: NOON } });
    expect(await settleDailyBackup(db, lookup({ state: 'complete' }))).toBe('none');
  });
});

describe('daily backup bookkeeping and backup files', () => {
  it('is neither written to a backup nor taken from one: it describes this browser', async () => {
    await setSetting(db, 'dailyBackup', true);
    await setSetting(db, 'lastAutoBackupAt', NOON);
    await setSetting(db, 'lastAutoBackupError', { at: NOON, message: 'the disk is full' });
    await recordDailyBackupStarted(db, 3, NOON);
    const exported = await exportBackup(db, NOON);
    expect(exported.data.settings.map((s) => s.key)).toEqual(['dailyBackup']);

    const other = new TalkmarkDB(`test-${crypto.randomUUID()}`);
    const file = backupOf({
      ...exported.data,
      settings: [
        { key: 'pendingAutoBackup', value: { downloadId: 1, at: 1 } },
        { key: 'lastAutoBackupAt', value: 1 },
      ],
    });
    const parsed = parseBackup(serializeBackup(file));
    if (!parsed.ok) throw new Error(parsed.error);
    await importBackup(other, parsed.backup);
    expect(await other.settings.toArray()).toEqual([]);
  });
});

describe('dailyBackupNotice: what the settings page says follows the permission as it is now', () => {
  const time = () => '9/9/2025, 2:00:00 PM';
  const permissionFailure = { at: NOON, message: NOT_ALLOWED };
  const diskFull = { at: NOON, message: 'the disk is full' };

  it('says nothing while the backup is off, whatever was recorded', () => {
    expect(dailyBackupNotice({ on: false, permitted: false, error: diskFull }, time)).toBeNull();
  });

  it('says so when the permission is taken away, before any run fails', () => {
    expect(dailyBackupNotice({ on: true, permitted: false, error: null }, time)).toMatchObject({
      kind: 'not-permitted',
      text: expect.stringMatching(/permission was removed/),
    });
    expect(dailyBackupNotice({ on: true, permitted: false, error: permissionFailure }, time)?.kind).toBe(
      'not-permitted',
    );
  });

  it('drops a failure that was about the permission once it is granted again; keeps any other', () => {
    expect(dailyBackupNotice({ on: true, permitted: true, error: permissionFailure }, time)).toBeNull();
    expect(dailyBackupNotice({ on: true, permitted: true, error: diskFull }, time)).toEqual({
      kind: 'failed',
      text: 'The daily backup failed on 9/9/2025, 2:00:00 PM: the disk is full. Use “Download backup” now.',
    });
    // Until the browser answers, a recorded failure is shown as it is.
    expect(dailyBackupNotice({ on: true, permitted: null, error: permissionFailure }, time)?.kind).toBe('failed');
    expect(dailyBackupNotice({ on: true, permitted: true, error: null }, time)).toBeNull();
  });
});
