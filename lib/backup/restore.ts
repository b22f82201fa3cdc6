import type { TalkmarkDB } from '../db/schema';
import { classifyStorageError, type StorageErrorKind } from '../db/storage-errors';
import type { NoteImage } from '../model';
import type { BackupFile, ImportSummary } from './format';
import { importBackup } from './import';
import { parseBackup } from './parse';
import type { DroppedValue } from './unsafe-values';
import { looksLikeZip, parseBackupZip } from './zip';

export type RestoreResult =
  /** `dropped`: values of the file left out as unsafe, for the user to read. */
  | { ok: true; summary: ImportSummary; dropped: DroppedValue[] }
  /** `file`: the file was rejected before anything was written; otherwise the storage failure. */
  | { ok: false; kind: 'file' | StorageErrorKind; error: string };

/** How much the origin may still store (`navigator.storage.estimate`); null where unknown. */
export type StorageEstimate = () => Promise<{ usage?: number; quota?: number } | null>;

export interface RestoreOptions {
  /** Defaults to the browser's `navigator.storage.estimate`, where there is one. */
  estimate?: StorageEstimate;
}

const browserEstimate: StorageEstimate = async () =>
  typeof navigator !== 'undefined' && navigator.storage?.estimate ? navigator.storage.estimate() : null;

const mb = (bytes: number) => `${Math.max(1, Math.ceil(bytes / (1024 * 1024)))} MB`;

/**
 * The whole "Restore from file…" action for the UI: a backup .zip (records and pictures) or an
 * older JSON-only backup, told apart by its first bytes. Validate everything, make sure the
 * browser has room, then merge in one transaction. Never throws; a rejected file or a failed
 * transaction (a full disk included) leaves the database exactly as it was.
 */
export async function restoreFromFile(
  db: TalkmarkDB,
  bytes: Uint8Array,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  if (looksLikeZip(bytes)) {
    const parsed = parseBackupZip(bytes);
    if (!parsed.ok) return { ok: false, kind: 'file', error: parsed.error };
    const needed = parsed.images.reduce((sum, i) => sum + i.bytes.byteLength + i.thumb.byteLength, 0);
    const short = await storageShortBy(options.estimate ?? browserEstimate, needed);
    if (short) return { ok: false, kind: 'quota', error: short };
    return write(db, parsed.backup, parsed.images, parsed.dropped);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, kind: 'file', error: 'This file is not a Talkmark backup (neither a .zip nor JSON text).' };
  }
  return restoreFromText(db, text);
}

/** An older JSON-only backup (format 1), or the JSON of one without pictures. */
export async function restoreFromText(db: TalkmarkDB, text: string): Promise<RestoreResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, kind: 'file', error: parsed.error };
  if (parsed.backup.data.images?.length)
    return {
      ok: false,
      kind: 'file',
      error:
        'This is the list of records from inside a backup .zip; its pictures are in the .zip. Restore the .zip file.',
    };
  return write(db, parsed.backup, [], parsed.dropped);
}

async function write(
  db: TalkmarkDB,
  backup: BackupFile,
  images: readonly NoteImage[],
  dropped: DroppedValue[],
): Promise<RestoreResult> {
  try {
    return { ok: true, summary: await importBackup(db, backup, images), dropped };
  } catch (err) {
    const failure = classifyStorageError(err);
    const error =
      failure.kind === 'quota'
        ? 'Browser storage is full, so nothing was restored. Free some disk space, then restore again.'
        : failure.message;
    return { ok: false, kind: failure.kind, error };
  }
}

/** A sentence when the browser says it has less room than the pictures need (with a margin), else null. */
async function storageShortBy(estimate: StorageEstimate, needed: number): Promise<string | null> {
  if (needed === 0) return null;
  const found = await estimate().catch(() => null);
  if (!found || typeof found.quota !== 'number' || typeof found.usage !== 'number') return null;
  const free = Math.max(0, found.quota - found.usage);
  const wanted = Math.ceil(needed * 1.1);
  return free >= wanted
    ? null
    : `Browser storage is too short for this backup: its pictures need about ${mb(wanted)}, and ${mb(free)} is free. Free some disk space, then restore again. Nothing was changed.`;
}
