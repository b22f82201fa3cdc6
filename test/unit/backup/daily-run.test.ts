// runDailyBackup against a fake downloads API: what a run records for each way it can end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { getSetting, setSetting } from '../../../lib/db/settings';

type Item = { id: number; state: 'in_progress' | 'complete' | 'interrupted'; error?: string };
type Delta = { id: number; state?: { current: string } };

const fake = vi.hoisted(() => ({
  permitted: true,
  items: new Map<number, Item>(),
  listeners: new Set<(d: Delta) => void>(),
  /** What the next download does once started: its end, or an error thrown by download(). */
  next: {
    end: 'complete' as 'complete' | 'interrupted' | 'stays',
    error: undefined as string | undefined,
    refuse: null as string | null,
  },
  calls: [] as Array<{ url: string; filename: string }>,
}));

vi.mock('wxt/browser', () => ({
  browser: {
    permissions: {
      contains: async () => fake.permitted,
      request: async () => fake.permitted,
      remove: async () => true,
    },
    downloads: {
      download: async (options: { url: string; filename: string }) => {
        if (fake.next.refuse) throw new Error(fake.next.refuse);
        fake.calls.push(options);
        const id = fake.items.size + 1;
        fake.items.set(id, { id, state: 'in_progress' });
        // The state changes after download() resolves, as in a browser.
        if (fake.next.end !== 'stays') {
          setTimeout(() => {
            fake.items.set(id, { id, state: fake.next.end as Item['state'], error: fake.next.error });
            for (const l of fake.listeners) l({ id, state: { current: fake.next.end } });
          }, 5);
        }
        return id;
      },
      search: async ({ id }: { id: number }) => (fake.items.has(id) ? [fake.items.get(id)] : []),
      onChanged: {
        addListener: (l: (d: Delta) => void) => fake.listeners.add(l),
        removeListener: (l: (d: Delta) => void) => fake.listeners.delete(l),
      },
    },
  },
}));

const { runDailyBackup, setDailyBackup } = await import('../../../lib/extension/daily-backup');

const NOON = Date.UTC(2025, 8, 9, 12);
let db: TalkmarkDB;
const revoked: string[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await setSetting(db, 'dailyBackup', true);
  Object.assign(fake, {
    permitted: true,
    items: new Map(),
    listeners: new Set(),
    calls: [],
    next: { end: 'complete', error: undefined, refuse: null },
  });
  revoked.length = 0;
  // jsdom has a document but no Blob URLs: give it some, so the run takes the page path.
  let n = 0;
  URL.createObjectURL = () => `blob:chrome-extension://test/${++n}`;
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
});
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

const state = async () => ({
  lastAt: await getSetting(db, 'lastAutoBackupAt'),
  error: await getSetting(db, 'lastAutoBackupError'),
  pending: await getSetting(db, 'pendingAutoBackup'),
});

describe('runDailyBackup', () => {
  it('saves the file from a Blob URL, waits for the download, records the time and frees the URL', async () => {
    await setSetting(db, 'lastAutoBackupError', { at: NOON - 1, message: 'the disk is full' });
    expect(await runDailyBackup(db, NOON)).toBe('written');
    expect(fake.calls).toEqual([
      expect.objectContaining({
        url: 'blob:chrome-extension://test/1',
        filename: 'Talkmark backups/talkmark-backup-2025-09-09.zip',
      }),
    ]);
    expect(await state()).toEqual({ lastAt: NOON, error: null, pending: null });
    expect(revoked).toEqual(['blob:chrome-extension://test/1']);
    expect(fake.listeners.size).toBe(0);
  });

  it('records an interrupted download (disk full) as a failure', async () => {
    await setSetting(db, 'lastAutoBackupAt', NOON - 2 * 86_400_000);
    fake.next = { end: 'interrupted', error: 'FILE_NO_SPACE', refuse: null };
    expect(await runDailyBackup(db, NOON)).toBe('failed');
    expect(await state()).toEqual({
      lastAt: NOON - 2 * 86_400_000,
      error: { at: NOON, message: 'the disk is full' },
      pending: null,
    });
    expect(revoked).toHaveLength(1);
  });

  it('records a download the browser refused, and frees the URL', async () => {
    fake.next = { end: 'complete', error: undefined, refuse: 'Invalid filename' };
    expect(await runDailyBackup(db, NOON)).toBe('failed');
    expect(await state()).toEqual({ lastAt: null, error: { at: NOON, message: 'Invalid filename' }, pending: null });
    expect(revoked).toEqual(['blob:chrome-extension://test/1']);
  });

  it('records a lost permission instead of skipping silently', async () => {
    fake.permitted = false;
    expect(await runDailyBackup(db, NOON)).toBe('failed');
    expect((await state()).error).toEqual({
      at: NOON,
      message: expect.stringMatching(/no longer save files to Downloads/),
    });
    expect(fake.calls).toEqual([]);
  });

  it('does nothing when off, or when a backup was written less than a day ago', async () => {
    await setSetting(db, 'lastAutoBackupAt', NOON - 3600_000);
    expect(await runDailyBackup(db, NOON)).toBe('not-due');
    await setSetting(db, 'dailyBackup', false);
    expect(await runDailyBackup(db, NOON)).toBe('off');
    expect(fake.calls).toEqual([]);
    expect((await state()).error).toBeNull();
  });

  it('settles a download an earlier run did not see end, and keeps the URL of one still running', async () => {
    fake.next = { end: 'stays', error: undefined, refuse: null };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const run = runDailyBackup(db, NOON);
      await vi.waitFor(() => expect(fake.listeners.size).toBe(1));
      await vi.advanceTimersByTimeAsync(120_000);
      expect(await run).toBe('still-downloading');
    } finally {
      vi.useRealTimers();
    }
    expect(revoked).toEqual([]);
    expect((await state()).pending).toEqual({ downloadId: 1, at: NOON });

    // It completes while nobody watches; the next run (a day later) records it first.
    fake.items.set(1, { id: 1, state: 'complete' });
    fake.next = { end: 'complete', error: undefined, refuse: null };
    expect(await runDailyBackup(db, NOON + 3600_000)).toBe('not-due');
    expect(await state()).toEqual({ lastAt: NOON, error: null, pending: null });
  });

  it('starts no second download while the first is still running, however due', async () => {
    await setSetting(db, 'pendingAutoBackup', { downloadId: 7, at: NOON - 86_400_000 });
    fake.items.set(7, { id: 7, state: 'in_progress' });
    expect(await runDailyBackup(db, NOON, true)).toBe('still-downloading');
    expect(fake.calls).toEqual([]);
    expect((await state()).pending).toEqual({ downloadId: 7, at: NOON - 86_400_000 });
  });

  it('says so when the browser forgets the download before it is seen to end', async () => {
    const forget = () => fake.items.clear();
    fake.next = { end: 'stays', error: undefined, refuse: null };
    // The download vanishes from the list (history cleared) right after it starts.
    const download = (await import('wxt/browser')).browser.downloads.download;
    const spy = vi.spyOn((await import('wxt/browser')).browser.downloads, 'download').mockImplementation(async (o) => {
      const id = await download(o);
      forget();
      return id;
    });
    try {
      expect(await runDailyBackup(db, NOON)).toBe('failed');
    } finally {
      spy.mockRestore();
    }
    expect((await state()).error).toEqual({ at: NOON, message: expect.stringMatching(/no longer lists the download/) });
  });

  it('rejects when even recording the failure is impossible: nothing is swallowed', async () => {
    db.close();
    await expect(runDailyBackup(db, NOON)).rejects.toThrow();
  });
});

describe('setDailyBackup', () => {
  it('writes the first file at once when turned on, and forgets the last failure when turned off', async () => {
    await setSetting(db, 'dailyBackup', false);
    expect(await setDailyBackup(db, true)).toBe(true);
    expect(fake.calls).toHaveLength(1);
    await setSetting(db, 'lastAutoBackupError', { at: NOON, message: 'the disk is full' });
    expect(await setDailyBackup(db, false)).toBe(false);
    expect(await getSetting(db, 'lastAutoBackupError')).toBeNull();
    expect(await getSetting(db, 'dailyBackup')).toBe(false);
  });

  it('stays off when the permission is refused', async () => {
    await setSetting(db, 'dailyBackup', false);
    fake.permitted = false;
    expect(await setDailyBackup(db, true)).toBe(false);
    expect(await getSetting(db, 'dailyBackup')).toBe(false);
  });
});
