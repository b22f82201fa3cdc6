import type { TalkmarkDB } from '../db/schema';
import { isDeviceSetting } from '../db/settings';
import type { NoteImage } from '../model';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './format';
import { buildBackupZip } from './zip';

/** Everything the user made, read in one transaction so the snapshot is consistent. */
export async function exportBackup(db: TalkmarkDB, now = Date.now()): Promise<BackupFile> {
  return (await readBackup(db, now, false)).backup;
}

/** The records and the pictures, from one transaction: the pictures match the notes exactly. */
export async function exportBackupWithImages(
  db: TalkmarkDB,
  now = Date.now(),
): Promise<{ backup: BackupFile; images: NoteImage[] }> {
  return readBackup(db, now, true);
}

/** The backup .zip (format 2): the records' JSON and every picture by id (lib/backup/zip.ts). */
export async function exportBackupZip(
  db: TalkmarkDB,
  now = Date.now(),
): Promise<{ zip: Uint8Array; backup: BackupFile; images: number }> {
  const { backup, images } = await readBackup(db, now, true);
  return { zip: buildBackupZip(backup, images), backup, images: images.length };
}

async function readBackup(
  db: TalkmarkDB,
  now: number,
  withImages: boolean,
): Promise<{ backup: BackupFile; images: NoteImage[] }> {
  const tables = [db.conferences, db.talks, db.notes, db.highlights, db.drafts, db.templates, db.settings, db.images];
  const { data, images } = await db.transaction('r', tables, async () => ({
    data: {
      conferences: await db.conferences.toArray(),
      talks: await db.talks.toArray(),
      notes: await db.notes.toArray(),
      highlights: await db.highlights.toArray(),
      drafts: await db.drafts.toArray(),
      templates: await db.templates.toArray(),
      settings: (await db.settings.toArray()).filter((s) => !isDeviceSetting(s.key)),
    },
    images: withImages ? await db.images.toArray() : [],
  }));
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    schemaVersion: db.verno,
    data,
  };
  return { backup, images };
}

/** The file's text: compact JSON (a backup of thousands of notes stays small), newline-terminated. */
export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup)}\n`;
}

/** `talkmark-backup-2025-09-09.zip`, dated in UTC so the name does not depend on the viewer. */
export function backupFileName(now = Date.now(), extension: 'zip' | 'json' = 'zip'): string {
  return `talkmark-backup-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}
