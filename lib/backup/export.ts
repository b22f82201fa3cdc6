import type { TalkmarkDB } from '../db/schema';
import { isDeviceSetting } from '../db/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './format';

/** Everything the user made, read in one transaction so the snapshot is consistent. */
export async function exportBackup(db: TalkmarkDB, now = Date.now()): Promise<BackupFile> {
  const tables = [db.conferences, db.talks, db.notes, db.highlights, db.drafts, db.templates, db.settings];
  const data = await db.transaction('r', tables, async () => ({
    conferences: await db.conferences.toArray(),
    talks: await db.talks.toArray(),
    notes: await db.notes.toArray(),
    highlights: await db.highlights.toArray(),
    drafts: await db.drafts.toArray(),
    templates: await db.templates.toArray(),
    settings: (await db.settings.toArray()).filter((s) => !isDeviceSetting(s.key)),
  }));
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion: db.verno,
    data,
  };
}

/** The file's text: compact JSON (a backup of thousands of notes stays small), newline-terminated. */
export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup)}\n`;
}

/** `talkmark-backup-2025-09-09.json`, dated in UTC so the name does not depend on the viewer. */
export function backupFileName(now = Date.now()): string {
  return `talkmark-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
