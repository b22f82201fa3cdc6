/**
 * Edits of stored text — a sent note, a highlight's comment — mirrored synchronously like the
 * composer's draft (see draft-mirror.ts): an edit reaches IndexedDB up to 200 ms after the
 * keystroke, and a panel closed in that window would lose the end of it. When a panel opens
 * again, an edit newer than the stored record is written back; one the record already holds
 * (or a deleted record's) is forgotten.
 */
import type { TalkmarkDB } from '../db/schema';
import { updateHighlight } from '../highlights/store';
import { readMirror, writeMirror, type DraftStorage } from './draft-mirror';
import { updateNoteText } from './notes-store';
import type { StorageResult } from './storage-errors';

interface EditTarget {
  load(db: TalkmarkDB, id: string): Promise<{ text: string; updatedAt: number } | undefined>;
  save(db: TalkmarkDB, id: string, text: string): Promise<StorageResult<unknown>>;
}

/** What can be edited after it is stored, by the mirror key's prefix. */
const TARGETS = {
  note: {
    load: (db, id) => db.notes.get(id),
    save: (db, id, text) => updateNoteText(db, id, text),
  },
  comment: {
    load: async (db, id) => {
      const h = await db.highlights.get(id);
      return h && { text: h.comment, updatedAt: h.updatedAt };
    },
    save: (db, id, text) => updateHighlight(db, id, { comment: text }),
  },
} satisfies Record<string, EditTarget>;

export type EditKind = keyof typeof TARGETS;

const DRAFT_PREFIX = 'talkmark:draft:';
const keyOf = (kind: EditKind, id: string) => `edit:${kind}:${id}`;

export function mirrorEdit(storage: DraftStorage | null, kind: EditKind, id: string, text: string, at = Date.now()): void {
  writeMirror(storage, keyOf(kind, id), text, at);
}

/** Forgets the mirrored edit once `savedText` is stored, unless a newer keystroke changed it since. */
export function forgetEdit(storage: DraftStorage | null, kind: EditKind, id: string, savedText: string): void {
  if (readMirror(storage, keyOf(kind, id))?.text === savedText) writeMirror(storage, keyOf(kind, id), '');
}

/** Storage that can list its keys, for finding edits left behind. */
export type ListableStorage = DraftStorage & Pick<Storage, 'key' | 'length'>;

function mirroredEdits(storage: ListableStorage): Array<{ kind: EditKind; id: string }> {
  const found: Array<{ kind: EditKind; id: string }> = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const m = key?.startsWith(DRAFT_PREFIX) ? /^edit:([a-z]+):(.+)$/.exec(key.slice(DRAFT_PREFIX.length)) : null;
      if (m && m[1]! in TARGETS) found.push({ kind: m[1] as EditKind, id: m[2]! });
    }
  } catch {
    /* storage disabled: nothing to recover */
  }
  return found;
}

/** Writes back edits a closed panel left only in the mirror; returns how many records got their text back. */
export async function recoverEdits(db: TalkmarkDB, storage: ListableStorage | null): Promise<number> {
  if (!storage) return 0;
  let recovered = 0;
  for (const { kind, id } of mirroredEdits(storage)) {
    const target: EditTarget = TARGETS[kind];
    const edit = readMirror(storage, keyOf(kind, id));
    const stored = await target.load(db, id);
    if (!edit || !stored || edit.at <= stored.updatedAt || edit.text === stored.text) {
      writeMirror(storage, keyOf(kind, id), '');
      continue;
    }
    // A failed write keeps the mirror: the next panel tries again.
    if ((await target.save(db, id, edit.text)).ok) {
      forgetEdit(storage, kind, id, edit.text);
      recovered++;
    }
  }
  return recovered;
}
