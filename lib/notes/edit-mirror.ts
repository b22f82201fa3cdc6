/**
 * Edits of stored text — a sent note, a highlight's comment — mirrored synchronously like the
 * composer's draft (see draft-mirror.ts): an edit reaches IndexedDB up to 200 ms after the
 * keystroke, and a panel closed in that window would lose the end of it. When a panel opens
 * again, the edit is written back if the record's text is still the one it was typed over
 * (`base`) — a recolour or a re-timing in between changes the record, not its text — or if the
 * edit is newer than the record; one the record already holds, or a deleted record's, is dropped.
 */
import type { EntityTable } from 'dexie';
import type { TalkmarkDB } from '../db/schema';
import type { Highlight, Note } from '../model';
import { DRAFT_MIRROR_PREFIX, type DraftStorage } from './draft-mirror';
import { MAX_NOTE_CHARS } from './notes-store';

export interface MirroredEdit {
  text: string;
  /** The stored text the edit was typed over (updated as writes land). */
  base: string;
  /** When it was typed (epoch ms). */
  at: number;
}

interface EditTarget<T extends { id: string; updatedAt: number }> {
  table(db: TalkmarkDB): EntityTable<T, 'id'>;
  textOf(record: T): string;
  withText(record: T, text: string, now: number): T;
  /** Text the store would refuse: kept in the mirror rather than written. */
  refuses(text: string): boolean;
}

/** What can be edited after it is stored, by the mirror key's kind. */
const TARGETS = {
  note: {
    table: (db) => db.notes,
    textOf: (n) => n.text,
    withText: (n, text, now) => ({ ...n, text, updatedAt: now }),
    refuses: (text) => !text.trim() || text.length > MAX_NOTE_CHARS,
  } satisfies EditTarget<Note>,
  comment: {
    table: (db) => db.highlights,
    textOf: (h) => h.comment,
    withText: (h, comment, now) => ({ ...h, comment, updatedAt: now }),
    refuses: () => false,
  } satisfies EditTarget<Highlight>,
};

export type EditKind = keyof typeof TARGETS;

const keyOf = (kind: EditKind, id: string) => `${DRAFT_MIRROR_PREFIX}edit:${kind}:${id}`;

function write(storage: DraftStorage | null, key: string, edit: MirroredEdit | null): void {
  try {
    if (edit) storage?.setItem(key, JSON.stringify(edit));
    else storage?.removeItem(key);
  } catch {
    /* storage full or disabled: the debounced IndexedDB write still stands */
  }
}

export function pendingEdit(storage: DraftStorage | null, kind: EditKind, id: string): MirroredEdit | null {
  try {
    const value = JSON.parse(storage?.getItem(keyOf(kind, id)) ?? 'null') as Partial<MirroredEdit> | null;
    return typeof value?.text === 'string' && typeof value.base === 'string' && typeof value.at === 'number'
      ? { text: value.text, base: value.base, at: value.at }
      : null;
  } catch {
    return null;
  }
}

/** Every keystroke of an edit: `base` is the stored text it is typed over. */
export function mirrorEdit(
  storage: DraftStorage | null,
  kind: EditKind,
  id: string,
  text: string,
  base: string,
  at = Date.now(),
): void {
  write(storage, keyOf(kind, id), { text, base, at });
}

/** `savedText` is stored: the mirror goes, or, when typing went on since, keeps the rest over the new base. */
export function editSaved(storage: DraftStorage | null, kind: EditKind, id: string, savedText: string): void {
  const edit = pendingEdit(storage, kind, id);
  if (!edit) return;
  write(storage, keyOf(kind, id), edit.text === savedText ? null : { ...edit, base: savedText });
}

/** Storage that can list its keys, for finding edits left behind. */
export type ListableStorage = DraftStorage & Pick<Storage, 'key' | 'length'>;

function mirroredEdits(storage: ListableStorage): Array<{ kind: EditKind; id: string }> {
  const found: Array<{ kind: EditKind; id: string }> = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const m = key?.startsWith(DRAFT_MIRROR_PREFIX)
        ? /^edit:([a-z]+):(.+)$/.exec(key.slice(DRAFT_MIRROR_PREFIX.length))
        : null;
      if (m && m[1]! in TARGETS) found.push({ kind: m[1] as EditKind, id: m[2]! });
    }
  } catch {
    /* storage disabled: nothing to recover */
  }
  return found;
}

/**
 * Writes back edits a closed panel left only in the mirror; returns how many records got their
 * text back. Each check and write is one transaction, so an edit landing meanwhile from another
 * open panel is seen, not overwritten.
 */
export async function recoverEdits(db: TalkmarkDB, storage: ListableStorage | null, now = Date.now()): Promise<number> {
  if (!storage) return 0;
  let recovered = 0;
  for (const { kind, id } of mirroredEdits(storage)) {
    const key = keyOf(kind, id);
    const edit = pendingEdit(storage, kind, id);
    const target = TARGETS[kind] as EditTarget<{ id: string; updatedAt: number }>;
    if (!edit || target.refuses(edit.text)) {
      if (!edit) write(storage, key, null);
      continue; // a refused text stays in the mirror: it is the user's, and the editor offers it again
    }
    try {
      const table = target.table(db);
      const restored = await db.transaction('rw', table, async () => {
        const stored = await table.get(id);
        if (!stored || target.textOf(stored) === edit.text) return false;
        if (target.textOf(stored) !== edit.base && edit.at <= stored.updatedAt) return false; // changed later elsewhere
        await table.put(target.withText(stored, edit.text, now));
        return true;
      });
      // Written, or not wanted (held already, record deleted, a later edit won): the mirror goes.
      if (pendingEdit(storage, kind, id)?.text === edit.text) write(storage, key, null);
      if (restored) recovered++;
    } catch {
      /* the database refused: the mirror stays for the next panel */
    }
  }
  return recovered;
}
