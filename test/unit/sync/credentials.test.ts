/**
 * #18: "Credentials stay in extension storage": the sync account lives in `syncMeta` (the
 * extension's own IndexedDB) and never travels in a backup file, the daily one included.
 */
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { exportBackupZip, serializeBackup } from '../../../lib/backup/export';
import { BACKUP_JSON_NAME } from '../../../lib/backup/zip';
import { TalkmarkDB } from '../../../lib/db/schema';
import { readSyncConfig, writeSyncConfig } from '../../../lib/sync/config';
import { aNote, aTalk } from './records';

it('a backup carries the notes but not the sync account (server, user, password)', async () => {
  const db = new TalkmarkDB(`credentials-${crypto.randomUUID()}`);
  await db.talks.put(aTalk({ id: 'ta' }));
  await db.notes.add(aNote({ talkId: 'ta', text: 'kept in the backup' }));
  const config = {
    server: 'https://couch.secret-host.example',
    database: 'team',
    user: 'ada-the-user',
    password: 'hunter2-password',
    enabled: true,
  };
  await writeSyncConfig(db, config);
  expect(await readSyncConfig(db)).toMatchObject({ password: config.password }); // stored, so the test means something

  const { zip, backup } = await exportBackupZip(db);
  const json = new TextDecoder().decode(unzipSync(zip)[BACKUP_JSON_NAME]);
  expect(json).toContain('kept in the backup');
  for (const text of [json, serializeBackup(backup)])
    for (const secret of [config.password, config.user, 'secret-host']) expect(text).not.toContain(secret);
});
