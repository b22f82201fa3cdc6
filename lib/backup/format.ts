import type { Conference, Draft, Highlight, Note, NoteImage, Setting, Talk, Template } from '../model';

/** The file's `format` marker: anything else is not ours. */
export const BACKUP_FORMAT = 'talkmark-backup';
/**
 * The backup file format version (not the database schema version). Bump it only when an older
 * Talkmark could misread a newer file; `parseBackup` refuses versions above the one it knows.
 * 1: one JSON file. 2: a .zip holding that JSON (with `data.images`, the pictures' records
 * without their bytes) and each picture's bytes by id (lib/backup/zip.ts); v1 files still read.
 */
export const BACKUP_VERSION = 2;

/** Every table a backup carries, in the order they are written and imported. */
export const BACKUP_TABLES = [
  'conferences',
  'talks',
  'notes',
  'highlights',
  'drafts',
  'templates',
  'settings',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupData {
  conferences: Conference[];
  talks: Talk[];
  notes: Note[];
  highlights: Highlight[];
  /** Unsent composer text: included because it is the user's writing too. */
  drafts: Draft[];
  templates: Template[];
  settings: Setting[];
  /**
   * A note picture's record without its bytes (format 2, inside a .zip only): the bytes are the
   * zip's `images/<id>.<ext>` and `thumbs/<id>.<ext>`. Absent in JSON-only backups.
   */
  images?: BackupImage[];
}

/** A stored picture as the backup's JSON lists it: everything but the bytes. */
export type BackupImage = Omit<NoteImage, 'bytes' | 'thumb'>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  /** 1 (JSON only) or 2 (the JSON of a .zip with pictures); what this Talkmark writes is BACKUP_VERSION. */
  version: 1 | typeof BACKUP_VERSION;
  /** ISO 8601 instant, for people reading the file. */
  exportedAt: string;
  /** The Dexie schema version (`db.verno`) of the exporting database; informational. */
  schemaVersion: number;
  data: BackupData;
}

export interface TableImportSummary {
  added: number;
  updated: number;
  /** Already present and not older than the incoming record (or, for settings, kept local). */
  unchanged: number;
}

export type ImportSummary = Record<BackupTable, TableImportSummary> & {
  images: TableImportSummary;
  /** Incoming records merged into an existing one with another id but the same unique `key`. */
  mergedByKey: { conferences: number; talks: number };
};
