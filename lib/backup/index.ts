// Backup, restore and migration support. Validate with parseBackup before importBackup.
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BACKUP_TABLES,
  type BackupTable,
  type BackupData,
  type BackupFile,
  type BackupImage,
  type TableImportSummary,
  type ImportSummary,
} from './format';
export { exportBackup, exportBackupWithImages, exportBackupZip, serializeBackup, backupFileName } from './export';
export { parseBackup, MAX_BACKUP_CHARS, type ParseBackupResult } from './parse';
export { importBackup } from './import';
export {
  restoreFromFile,
  restoreFromText,
  type RestoreOptions,
  type RestoreResult,
  type StorageEstimate,
} from './restore';
export {
  BACKUP_JSON_NAME,
  MAX_BACKUP_IMAGE_BYTES,
  MAX_BACKUP_ZIP_BYTES,
  backupImagePath,
  backupThumbPath,
  buildBackupZip,
  looksLikeZip,
  parseBackupZip,
  type ParseBackupZipResult,
} from './zip';
export { describeDropped, type DroppedValue } from './unsafe-values';
export { BACKUP_LIMITS } from './record-checks';
export { SCHEMA_HISTORY, openHistoricalSchema } from './schema-history';
export { seedDatabase, type SeedData } from './seed';
