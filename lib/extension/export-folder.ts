/**
 * The folder "Save to folder" writes into: picked once per front-matter flavour with the File
 * System Access API (`showDirectoryPicker`, Chrome), and remembered as the handle itself in a
 * tiny IndexedDB database of its own (`talkmark-folders`), not in Talkmark's Dexie database: a
 * handle is a browser object (structured clone only, meaningless on another machine), so it must
 * stay out of backups, exports and anything synced, which read the Dexie tables. Its own
 * database also leaves the Dexie schema untouched.
 */
import type { FolderHandle } from '../export/folder-write';
import type { LayoutFlavour } from '../export/post-layout';

const DB_NAME = 'talkmark-folders';
const STORE = 'handles';

interface PickerWindow {
  showDirectoryPicker?: (options?: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<FolderHandle>;
}

/** Whether this page can pick a folder (Chrome, Edge; not Firefox or Safari). */
export function canPickFolder(): boolean {
  return typeof (globalThis as PickerWindow).showDirectoryPicker === 'function';
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const keyOf = (flavour: LayoutFlavour) => `export:${flavour}`;

/** The folder picked for this flavour, if any (permission is asked for at the save: ensureWritable). */
export async function rememberedFolder(flavour: LayoutFlavour): Promise<FolderHandle | null> {
  const value = await run('readonly', (store) => store.get(keyOf(flavour)));
  return value && typeof value === 'object' && (value as FolderHandle).kind === 'directory'
    ? (value as FolderHandle)
    : null;
}

export async function rememberFolder(flavour: LayoutFlavour, folder: FolderHandle): Promise<void> {
  await run('readwrite', (store) => store.put(folder, keyOf(flavour)));
}

/**
 * Shows the browser's folder picker (needs the user's click) and remembers the choice; null when
 * the user closes the picker. The picker opens where this flavour's folder was last picked.
 */
export async function pickFolder(flavour: LayoutFlavour): Promise<FolderHandle | null> {
  const picker = (globalThis as PickerWindow).showDirectoryPicker;
  if (!picker) throw new Error('This browser cannot write to a folder; use Download as .zip.');
  let folder: FolderHandle;
  try {
    folder = await picker({ id: `talkmark-${flavour}`, mode: 'readwrite' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return null;
    throw err;
  }
  await rememberFolder(flavour, folder);
  return folder;
}
