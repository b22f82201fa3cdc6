import { attemptWrite, type StorageResult } from '../db/storage-errors';
import { mergeChoices } from './choices-merge';
import { cleanExportChoices, type ExportChoices } from './export-choices';
import type { TalkmarkDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';

export interface StoredExportChoices {
  /** Cleaned; the defaults when nothing is stored. */
  choices: ExportChoices;
  /** When they were written (compared with the localStorage mirror), null if never. */
  savedAt: number | null;
}

export async function loadExportChoices(db: TalkmarkDB): Promise<StoredExportChoices> {
  const raw: unknown = await getSetting(db, 'recapExport');
  const savedAt =
    typeof raw === 'object' && raw !== null && typeof (raw as { savedAt?: unknown }).savedAt === 'number'
      ? (raw as { savedAt: number }).savedAt
      : null;
  return { choices: cleanExportChoices(raw), savedAt };
}

export function saveExportChoices(
  db: TalkmarkDB,
  choices: ExportChoices,
  now = Date.now(),
): Promise<StorageResult<void>> {
  return attemptWrite(() => setSetting(db, 'recapExport', { ...cleanExportChoices(choices), savedAt: now }));
}

/**
 * Writes only `paths` of `choices` (changedPaths) over what is stored now, in one transaction:
 * another page's newer write to anything else (a template import's rows) is kept.
 */
export function saveExportChanges(
  db: TalkmarkDB,
  choices: ExportChoices,
  paths: readonly string[],
  now = Date.now(),
): Promise<StorageResult<void>> {
  return attemptWrite(() =>
    db.transaction('rw', db.settings, async () => {
      const stored = await loadExportChoices(db);
      await setSetting(db, 'recapExport', {
        ...cleanExportChoices(mergeChoices(stored.choices, choices, paths)),
        savedAt: now,
      });
    }),
  );
}
