/**
 * A synchronous mirror of the composer's draft in `localStorage`, written on every keystroke.
 * IndexedDB is the real store, but its writes are asynchronous: a write started in `pagehide`
 * can be cut off when the page is torn down (seen under load). `localStorage.setItem` returns
 * only once the browser holds the value, so the last keystrokes survive the panel closing; on
 * the next open, whichever copy is newer wins and is written back to IndexedDB.
 */

export interface MirroredDraft {
  text: string;
  /** When it was typed (epoch ms). */
  at: number;
}

export const DRAFT_MIRROR_PREFIX = 'talkmark:draft:';
const PREFIX = DRAFT_MIRROR_PREFIX;

/** Any `Storage`-like object; pages pass `localStorage`, tests a fake. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function writeMirror(storage: DraftStorage | null, key: string, text: string, at = Date.now()): void {
  if (!storage) return;
  try {
    if (text.trim()) storage.setItem(PREFIX + key, JSON.stringify({ text, at }));
    else storage.removeItem(PREFIX + key);
  } catch {
    /* storage full or disabled: the IndexedDB draft still stands */
  }
}

export function readMirror(storage: DraftStorage | null, key: string): MirroredDraft | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(PREFIX + key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<MirroredDraft>;
    return typeof value.text === 'string' && typeof value.at === 'number' ? { text: value.text, at: value.at } : null;
  } catch {
    return null;
  }
}

/** The draft to show: the newer of the IndexedDB draft and the mirror. */
export function newerDraft(
  stored: { text: string; updatedAt: number } | null,
  mirror: MirroredDraft | null,
): MirroredDraft | null {
  if (!mirror) return stored ? { text: stored.text, at: stored.updatedAt } : null;
  if (!stored || mirror.at > stored.updatedAt) return mirror;
  return { text: stored.text, at: stored.updatedAt };
}

/** `localStorage` where the page has one (extension pages do; workers and some private modes do not). */
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * Notes on their way to IndexedDB. Enter empties the box at once (typing goes on), so until the
 * write is confirmed the note's only synchronous copy lives here; a panel closed in that instant
 * gets the text back on the next open if the note never arrived.
 */
export interface SendingNote {
  id: string;
  text: string;
}

const SENDING_PREFIX = 'talkmark:sending:';

export function readSending(storage: DraftStorage | null, key: string): SendingNote[] {
  if (!storage) return [];
  try {
    const list = JSON.parse(storage.getItem(SENDING_PREFIX + key) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter((n): n is SendingNote => typeof n?.id === 'string' && typeof n?.text === 'string')
      : [];
  } catch {
    return [];
  }
}

function writeSending(storage: DraftStorage, key: string, list: SendingNote[]): void {
  try {
    if (list.length) storage.setItem(SENDING_PREFIX + key, JSON.stringify(list));
    else storage.removeItem(SENDING_PREFIX + key);
  } catch {
    /* storage full or disabled: the write in flight is all there is */
  }
}

export function markSending(storage: DraftStorage | null, key: string, note: SendingNote): void {
  if (storage) writeSending(storage, key, [...readSending(storage, key), note]);
}

export function markSent(storage: DraftStorage | null, key: string, id: string): void {
  if (storage)
    writeSending(
      storage,
      key,
      readSending(storage, key).filter((n) => n.id !== id),
    );
}
