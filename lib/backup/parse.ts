import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './format';
import { backupDataCheck } from './record-checks';
import { dropUnsafeValues, type DroppedValue } from './unsafe-values';
import { ValidationError, integer, isPlainObject } from '../validate';

export type ParseBackupResult =
  /** `dropped`: optional values left out because they were not safe (see unsafe-values.ts). */
  { ok: true; backup: BackupFile; dropped: DroppedValue[] } | { ok: false; error: string };

/** Far above any real backup (10,000 notes are a few MB), low enough to parse in a page. */
export const MAX_BACKUP_CHARS = 100 * 1024 * 1024;

const megabytes = (chars: number) => `${Math.ceil(chars / (1024 * 1024))} MB`;

/**
 * Reads and validates a whole backup file before anything is written. Every failure is one
 * sentence for the user: empty, too large, not JSON (truncated or corrupted), not a Talkmark
 * backup, made by a newer Talkmark, or damaged (with the path of the first bad value). Unsafe
 * optional values (a `javascript:` link, an unknown time zone) are left out and listed instead.
 */
export function parseBackup(text: string): ParseBackupResult {
  const failure = (error: string): ParseBackupResult => ({ ok: false, error });
  if (typeof text !== 'string' || text.trim() === '') return failure('The file is empty.');
  if (text.length > MAX_BACKUP_CHARS) {
    return failure(
      `The file is too large for a Talkmark backup (${megabytes(text.length)}; the limit is ${megabytes(MAX_BACKUP_CHARS)}).`,
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failure('The file is not valid JSON: it may be truncated or corrupted.');
  }

  if (!isPlainObject(json) || json.format !== BACKUP_FORMAT) return failure('This file is not a Talkmark backup.');
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return failure('This backup has an invalid format version.');
  }
  if (version > BACKUP_VERSION) {
    return failure(
      `This backup was made by a newer Talkmark (backup format ${version}; this one reads up to ${BACKUP_VERSION}). Update Talkmark, then import it again.`,
    );
  }

  try {
    const exportedAt = json.exportedAt;
    if (typeof exportedAt !== 'string' || exportedAt.length > 64 || Number.isNaN(Date.parse(exportedAt))) {
      throw new ValidationError('exportedAt should be a date');
    }
    const schemaVersion = integer(1, 1_000_000)(json.schemaVersion, 'schemaVersion');
    const { data, dropped } = dropUnsafeValues(backupDataCheck(json.data, 'data'));
    return {
      ok: true,
      backup: { format: BACKUP_FORMAT, version: version as BackupFile['version'], exportedAt, schemaVersion, data },
      dropped,
    };
  } catch (err) {
    if (err instanceof ValidationError) return failure(`The backup is damaged: ${err.message}.`);
    // E.g. a RangeError from absurdly deep nesting: still a file problem, still one line.
    return failure(`The backup could not be read: ${err instanceof Error ? err.message : String(err)}.`);
  }
}
