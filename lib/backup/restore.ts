import type { TalkmarkDB } from '../db/schema';
import { classifyStorageError, type StorageErrorKind } from '../db/storage-errors';
import type { ImportSummary } from './format';
import { importBackup } from './import';
import { parseBackup } from './parse';
import type { DroppedValue } from './unsafe-values';

export type RestoreResult =
  /** `dropped`: values of the file left out as unsafe, for the user to read. */
  | { ok: true; summary: ImportSummary; dropped: DroppedValue[] }
  /** `file`: the file was rejected before anything was written; otherwise the storage failure. */
  | { ok: false; kind: 'file' | StorageErrorKind; error: string };

/**
 * The whole "Import backup…" action for the UI: validate the text, then merge it. Never throws;
 * a rejected file or a failed transaction leaves the database exactly as it was.
 */
export async function restoreFromText(db: TalkmarkDB, text: string): Promise<RestoreResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, kind: 'file', error: parsed.error };
  try {
    return { ok: true, summary: await importBackup(db, parsed.backup), dropped: parsed.dropped };
  } catch (err) {
    const failure = classifyStorageError(err);
    return { ok: false, kind: failure.kind, error: failure.message };
  }
}
