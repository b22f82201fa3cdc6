import type { ExportChoices } from '../recap-ui/export-choices';
import type { TalkmarkDB } from './schema';

/** Known settings and their value types; anything else in the table is ignored. */
export interface Settings {
  /** The talk the user picked by hand in the Now view; null = follow the schedule. */
  pickedTalkId: string | null;
  /** When the pick was made: a talk that starts later takes over again. */
  pickedAt: number | null;
  /** Write a backup file to the Downloads folder once a day (needs the optional `downloads` permission). */
  dailyBackup: boolean;
  /** When the last automatic backup was written. */
  lastAutoBackupAt: number | null;
  /** The Export view's last choices and when they were written; cleaned on read (a restore may bring anything). */
  recapExport: (ExportChoices & { savedAt: number }) | null;
}

export const DEFAULT_SETTINGS: Settings = { pickedTalkId: null, pickedAt: null, dailyBackup: false, lastAutoBackupAt: null, recapExport: null };

export async function getSetting<K extends keyof Settings>(db: TalkmarkDB, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row ? (row.value as Settings[K]) : DEFAULT_SETTINGS[key];
}

export async function setSetting<K extends keyof Settings>(db: TalkmarkDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
