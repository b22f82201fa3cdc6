import type { TalkmarkDB } from './schema';

/** Known settings and their value types; anything else in the table is ignored. */
export interface Settings {
  /** The talk the user picked by hand in the Now view; null = follow the schedule. */
  pickedTalkId: string | null;
}

export const DEFAULT_SETTINGS: Settings = { pickedTalkId: null };

export async function getSetting<K extends keyof Settings>(db: TalkmarkDB, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row ? (row.value as Settings[K]) : DEFAULT_SETTINGS[key];
}

export async function setSetting<K extends keyof Settings>(db: TalkmarkDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
