import { cleanAuthorName, MAX_AUTHOR_CHARS } from '../validate/rules';
import type { TalkmarkDB } from './schema';

/** Known settings and their value types; anything else in the table is ignored. */
export interface Settings {
  /** The talk the user picked by hand in the Now view; null = follow the schedule. */
  pickedTalkId: string | null;
  /** When the pick was made: a talk that starts later takes over again. */
  pickedAt: number | null;
  /** Write a backup file to the Downloads folder once a day (needs the optional `downloads` permission). */
  dailyBackup: boolean;
  /** When the last automatic backup was written and its download completed. */
  lastAutoBackupAt: number | null;
  /** The last automatic backup failed (cleared by the next success): shown on the settings page. */
  lastAutoBackupError: { at: number; message: string } | null;
  /**
   * The automatic backup's download not yet seen to end: the page or worker that started it may
   * be gone before it does, so whoever runs next looks it up by id (`downloads.search`).
   */
  pendingAutoBackup: { downloadId: number; at: number } | null;
  /**
   * The Export view's last choices and when they were written. Stored as plain data and cleaned
   * on read by `lib/export/export-settings.ts` (a restore may bring anything), so the database
   * does not depend on the export room's types.
   */
  recapExport: { readonly savedAt: number } | null;
  /**
   * The popup asks the side panel to open a talk in the editor (a thin clip to complete), with
   * what the clip could not read. The panel opens it and clears the request.
   */
  editTalkRequest: { talkId: string; notice: string | null; at: number } | null;
  /**
   * Longest side, in pixels, of a picture as stored (captures and photos); chosen on the settings
   * page. Read through `imageMaxSideOf` (lib/images/fit.ts), which admits only its choices.
   */
  imageMaxSide: number;
  /**
   * "Your name": the author every new note and highlight carries, so a team sharing one
   * database tells its notes apart. Null: not set (new records carry no author, and read as
   * the user's own).
   */
  authorName: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  pickedTalkId: null,
  pickedAt: null,
  dailyBackup: false,
  lastAutoBackupAt: null,
  lastAutoBackupError: null,
  pendingAutoBackup: null,
  recapExport: null,
  editTalkRequest: null,
  imageMaxSide: 1920, // DEFAULT_MAX_SIDE (lib/images/fit.ts; this room cannot import it)
  authorName: null,
};

/**
 * Facts about this browser, not the user's data: a backup neither carries nor restores them (a
 * download id from another machine names some other download here, and another machine's
 * backup time or error is not this one's; a pending "open in the editor" is a moment's UI).
 */
const DEVICE_SETTINGS: ReadonlySet<string> = new Set<keyof Settings>([
  'lastAutoBackupAt',
  'lastAutoBackupError',
  'pendingAutoBackup',
  'editTalkRequest',
  // A person's name, not the data's: restoring Ada's backup (or, with sync, sharing her
  // database) must not make this browser write notes as Ada.
  'authorName',
]);
export const isDeviceSetting = (key: string): boolean => DEVICE_SETTINGS.has(key);

export async function getSetting<K extends keyof Settings>(db: TalkmarkDB, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row ? (row.value as Settings[K]) : DEFAULT_SETTINGS[key];
}

export async function setSetting<K extends keyof Settings>(db: TalkmarkDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}

/** The name new records carry, read as stored but checked again (a setting row is untrusted); undefined when unset. */
export async function ownAuthor(db: TalkmarkDB): Promise<string | undefined> {
  const name = await getSetting(db, 'authorName');
  return (typeof name === 'string' && cleanAuthorName(name)) || undefined;
}

/** Whether a note or highlight is the user's own: no author (older, or written before a name was set) or theirs. */
export function isOwn(record: { author?: string }, me: string | null | undefined): boolean {
  return record.author === undefined || record.author === me;
}

/**
 * Stores "Your name" as typed in the settings: spaces tidied; empty clears it. A name that
 * cannot be one (too long, a line break, a control character) is refused with the reason.
 */
export async function setOwnAuthor(
  db: TalkmarkDB,
  typed: string,
): Promise<{ ok: true; name: string | null } | { ok: false; message: string }> {
  if (typed.trim() === '') {
    await setSetting(db, 'authorName', null);
    return { ok: true, name: null };
  }
  const name = cleanAuthorName(typed);
  if (!name)
    return {
      ok: false,
      message:
        typed.trim().length > MAX_AUTHOR_CHARS
          ? `A name of at most ${MAX_AUTHOR_CHARS} characters, please.`
          : 'A name on one line, without control characters, please.',
    };
  await setSetting(db, 'authorName', name);
  return { ok: true, name };
}
