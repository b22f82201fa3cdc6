/**
 * "Save to folder": writing the post and its pictures into a folder the user picked (their
 * Hugo site, Jekyll site or Obsidian vault), in the flavour's layout (post-layout.ts). Written
 * over the few calls of the File System Access API it needs (`FolderHandle`), so a test drives
 * it with an in-memory folder; the browser's `FileSystemDirectoryHandle` fits the interface.
 *
 * Never overwrites without asking: `findExisting` names the files that are there before the
 * first write, and the write itself (unless `replace`) checks each file again just before
 * creating it, so a file that appeared in between stops the save instead of being replaced.
 * Pictures are written first and the post last: a post never links a picture that is not there.
 */

export type FolderPermission = 'granted' | 'denied' | 'prompt';

export interface FolderWritable {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

export interface FolderFileHandle {
  readonly kind: 'file';
  createWritable(options?: { keepExistingData?: boolean }): Promise<FolderWritable>;
}

export interface FolderHandle {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<FolderHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FolderFileHandle>;
  /** Chrome's permission calls (not on every handle: a test double may leave them out). */
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<FolderPermission>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<FolderPermission>;
  /** Removes a file: an empty one the failed save created (getFileHandle's `create` makes it at once). */
  removeEntry?(name: string): Promise<void>;
}

/** One file to write: a path inside the folder (forward slashes, no leading slash) and its bytes. */
export interface FolderFile {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type WriteReport =
  | { ok: true; written: string[] }
  | {
      ok: false;
      /** Files written completely before the failure (they stay: the user may want them). */
      written: string[];
      /** The file that failed (left as it was: a writable is committed only on close). */
      failed: string;
      /** Files not attempted. */
      skipped: string[];
      message: string;
    };

const errorName = (err: unknown) => (err instanceof Error || err instanceof DOMException ? err.name : '');

/** What a failed write tells the user: the disk is full, access was taken away, or the browser's words. */
export function writeErrorText(err: unknown): string {
  switch (errorName(err)) {
    case 'QuotaExceededError':
      return 'the disk is full';
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Talkmark may no longer write to this folder';
    case 'NotFoundError':
      return 'the folder was moved or deleted';
    case 'InvalidModificationError':
    case 'NoModificationAllowedError':
      return 'the file is in use or read-only';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Whether Talkmark may write to the folder now, asking the browser when it requires (Chrome asks
 * again in a new session for a remembered folder). `requestPermission` needs the user's click: call
 * this first thing in the click handler.
 */
export async function ensureWritable(folder: FolderHandle): Promise<boolean> {
  const mode = { mode: 'readwrite' } as const;
  if (!folder.queryPermission) return true;
  const now = await folder.queryPermission(mode);
  if (now === 'granted') return true;
  if (now === 'denied' || !folder.requestPermission) return false;
  return (await folder.requestPermission(mode)) === 'granted';
}

function splitPath(path: string): { dirs: string[]; name: string } {
  const parts = path.split('/');
  for (const part of parts)
    if (part === '' || part === '.' || part === '..' || part.includes('\\'))
      throw new Error(`Not a path inside the folder: ${path}`);
  return { dirs: parts.slice(0, -1), name: parts.at(-1)! };
}

const isMissing = (err: unknown) => errorName(err) === 'NotFoundError';

/** Whether anything (a file, or a folder of that name) is at `path`; reads only. */
async function exists(folder: FolderHandle, path: string): Promise<boolean> {
  const { dirs, name } = splitPath(path);
  let dir = folder;
  try {
    for (const d of dirs) dir = await dir.getDirectoryHandle(d);
  } catch (err) {
    if (isMissing(err)) return false;
    if (errorName(err) === 'TypeMismatchError') return true; // a file where a folder goes
    throw err;
  }
  try {
    await dir.getFileHandle(name);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    if (errorName(err) === 'TypeMismatchError') return true; // a folder of that name
    throw err;
  }
}

/** The files of `paths` that are already in the folder, in the order given. */
export async function findExisting(folder: FolderHandle, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) if (await exists(folder, path)) found.push(path);
  return found;
}

/**
 * Writes `files` in order. Without `replace`, a file that exists stops the save before anything
 * of it is written. Each file is written through a writable that the browser commits on close
 * (a failed write leaves the old file, or none); the report says which files were written.
 */
export async function writeFolderFiles(
  folder: FolderHandle,
  files: readonly FolderFile[],
  { replace }: { replace: boolean },
): Promise<WriteReport> {
  const written: string[] = [];
  for (const [i, file] of files.entries()) {
    let writable: FolderWritable | null = null;
    let created: { dir: FolderHandle; name: string } | null = null;
    try {
      const there = await exists(folder, file.path);
      if (there && !replace) throw new ExistsError(file.path);
      const { dirs, name } = splitPath(file.path);
      let dir = folder;
      for (const d of dirs) dir = await dir.getDirectoryHandle(d, { create: true });
      const handle = await dir.getFileHandle(name, { create: true });
      if (!there) created = { dir, name };
      writable = await handle.createWritable({ keepExistingData: false });
      await writable.write(file.bytes);
      await writable.close();
      written.push(file.path);
    } catch (err) {
      await writable?.abort(err).catch(() => {});
      // A file this save created stays only if it was written whole: no empty file left behind.
      await created?.dir.removeEntry?.(created.name).catch(() => {});
      return {
        ok: false,
        written,
        failed: file.path,
        skipped: files.slice(i + 1).map((f) => f.path),
        message: err instanceof ExistsError ? err.message : writeErrorText(err),
      };
    }
  }
  return { ok: true, written };
}

class ExistsError extends Error {
  constructor(path: string) {
    super(`${path} appeared in the folder meanwhile; nothing was replaced`);
    this.name = 'ExistsError';
  }
}

/**
 * The first copy number (2, 3, …) whose files are all free, for "Save as new name"; `pathsOf(n)`
 * gives the paths copy n would write. Null after `max` tries.
 */
export async function freeCopyNumber(
  folder: FolderHandle,
  pathsOf: (copy: number) => Promise<readonly string[]> | readonly string[],
  max = 50,
): Promise<number | null> {
  for (let n = 2; n <= max; n++) if ((await findExisting(folder, await pathsOf(n))).length === 0) return n;
  return null;
}
