// Backup, restore and migration support. Validate with parseBackup before importBackup.
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BACKUP_TABLES,
  type BackupTable,
  type BackupData,
  type BackupFile,
  type TableImportSummary,
  type ImportSummary,
} from './format';
export { exportBackup, serializeBackup, backupFileName } from './export';
export { parseBackup, MAX_BACKUP_CHARS, type ParseBackupResult } from './parse';
export { importBackup } from './import';
export { restoreFromText, type RestoreResult } from './restore';
export { describeDropped, type DroppedValue } from './unsafe-values';
export { BACKUP_LIMITS } from './record-checks';
export { SCHEMA_HISTORY, openHistoricalSchema } from './schema-history';
export { seedDatabase, type SeedData } from './seed';
