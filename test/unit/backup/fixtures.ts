import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupData, type BackupFile } from '../../../lib/backup/format';
import type { SeedData } from '../../../lib/backup/seed';
import { OWN_FIXTURES } from '../helpers';

export const BACKUP_FIXTURES = resolve(OWN_FIXTURES, 'backup');

export interface DatabaseFixture {
  file: string;
  /** The schema version the data was stored under. */
  schemaVersion: number;
  about: string;
  data: SeedData;
  /** What the data must look like after upgrading to the current schema; `data` when absent. */
  expectedAfterUpgrade?: SeedData;
}

/** Every `v<N>-database.json`, oldest first. */
export function databaseFixtures(): DatabaseFixture[] {
  return readdirSync(BACKUP_FIXTURES)
    .filter((f) => /^v\d+-database\.json$/.test(f))
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(resolve(BACKUP_FIXTURES, file), 'utf8')) as Omit<DatabaseFixture, 'file'>),
    }))
    .sort((a, b) => a.schemaVersion - b.schemaVersion);
}

/** The v1 dataset as a backup file's data (deep copy, so tests may mutate it). */
export function v1Data(): BackupData {
  const v1 = databaseFixtures().find((f) => f.schemaVersion === 1);
  if (!v1) throw new Error('v1-database.json is missing');
  return structuredClone(v1.data) as unknown as BackupData;
}

export function backupOf(data: BackupData, over: Partial<BackupFile> = {}): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2025-09-10T12:00:00.000Z',
    schemaVersion: 1,
    data,
    ...over,
  };
}
