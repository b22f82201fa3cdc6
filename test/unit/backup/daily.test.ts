import { describe, expect, it } from 'vitest';
import { dailyBackupDownload, dailyBackupDue } from '../../../lib/backup/daily';
import { parseBackup } from '../../../lib/backup/parse';
import { exportBackup } from '../../../lib/backup/export';
import { TalkmarkDB } from '../../../lib/db/schema';

describe('daily backup', () => {
  it('is due when never written or a day has passed', () => {
    const day = 24 * 3600_000;
    expect(dailyBackupDue(null, 0)).toBe(true);
    expect(dailyBackupDue(0, day - 3600_000)).toBe(false);
    expect(dailyBackupDue(0, day - 10 * 60_000)).toBe(true);
  });

  it('writes the whole backup, non-ASCII included, into a dated file in its own folder', async () => {
    const db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
    await db.drafts.put({ key: 'none', text: 'Zürich — “notes” 🚀', updatedAt: 1 });
    const backup = await exportBackup(db, Date.UTC(2025, 8, 9));
    const file = dailyBackupDownload(backup, Date.UTC(2025, 8, 9, 12));
    expect(file.filename).toMatch(/^Talkmark backups\/talkmark-backup-2025-09-09.*\.json$/);
    const text = new TextDecoder().decode(Uint8Array.from(atob(file.url.split(',')[1]!), (c) => c.charCodeAt(0)));
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.data.drafts[0]?.text).toBe('Zürich — “notes” 🚀');
  });
});
