import type { BackupData } from '../backup/format';
import { conferenceCheck, highlightCheck, noteCheck, talkCheck, templateCheck } from '../backup/record-checks';
import { dropUnsafeValues } from '../backup/unsafe-values';
import type { SyncedTable } from '../db/sync-journal';
import type { Conference, Highlight, Note, Talk, Template } from '../model';
import { ValidationError } from '../validate';

/**
 * Dexie records ⇄ CouchDB documents, pure. A document is named the same on every machine:
 * notes, highlights and templates by their UUID (`note:<id>`), talks and conferences by their
 * `key` (`talk:<key>`), since each browser mints its own talk id and the same talk clipped by
 * two people must be one talk. Documents that point at a talk carry its key (`talkKey`), never a
 * local id. Derived and per-machine fields (search words, the note's picture, local ids) stay home.
 * Coming in, a document is rebuilt as a record and passes the restore's checks
 * (`lib/backup/record-checks.ts` + `dropUnsafeValues`), exactly as a backup file would.
 */

/** Bumped when the document shape changes; a newer document is refused, not guessed at. */
export const DOC_SCHEMA = 1;
/** A document bigger than this (as JSON) is refused before it is read. */
export const MAX_DOC_CHARS = 2_000_000;

const PREFIX = {
  notes: 'note:',
  highlights: 'highlight:',
  templates: 'template:',
  talks: 'talk:',
  conferences: 'conf:',
} as const satisfies Record<SyncedTable, string>;

const TYPE = {
  notes: 'note',
  highlights: 'highlight',
  templates: 'template',
  talks: 'talk',
  conferences: 'conference',
} as const satisfies Record<SyncedTable, string>;

export type SyncRecord = Note | Highlight | Template | Talk | Conference;

/** A CouchDB document as Talkmark writes it (plus `_rev`, `_deleted` as PouchDB adds them). */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  type: string;
  schema: number;
  [field: string]: unknown;
}

/** How the other tables are named across machines: a local talk or conference id → its key. */
export interface LocalRefs {
  talkKey(talkId: string): string | null;
  conferenceKey(conferenceId: string): string | null;
}

/** The reverse, on the receiving side: a key → the local id (null when not here yet). */
export interface RemoteRefs {
  talkId(talkKey: string): string | null;
  conferenceId(conferenceKey: string): string | null;
  /** The local id of a talk or conference with this key, else a new one. */
  localIdFor(table: 'talks' | 'conferences', key: string): string;
}

export function docId(table: SyncedTable, record: { id: string; key?: string }): string {
  return PREFIX[table] + (table === 'talks' || table === 'conferences' ? record.key! : record.id);
}

/** The table a document id belongs to, or null (design documents, anything unknown). */
export function tableOfDocId(id: string): SyncedTable | null {
  for (const [table, prefix] of Object.entries(PREFIX) as Array<[SyncedTable, string]>)
    if (id.startsWith(prefix) && id.length > prefix.length) return table;
  return null;
}

function authorOf(record: object): { author?: string } {
  const author = (record as { author?: unknown }).author;
  return typeof author === 'string' && author.length > 0 ? { author } : {};
}

/** The document for a local record, or null when it points at a talk that has no key here. */
export function recordToDoc(table: SyncedTable, record: SyncRecord, refs: LocalRefs): SyncDoc | null {
  const head = { _id: docId(table, record as { id: string; key?: string }), type: TYPE[table], schema: DOC_SCHEMA };
  switch (table) {
    case 'notes': {
      const n = record as Note;
      const talkKey = refs.talkKey(n.talkId);
      if (talkKey === null) return null;
      return {
        ...head,
        talkKey,
        kind: n.kind,
        text: n.text,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
        ...authorOf(n),
      };
    }
    case 'highlights': {
      const { id: _id, talkId, ...rest } = record as Highlight;
      return { ...head, ...rest, talkKey: talkId === null ? null : refs.talkKey(talkId), ...authorOf(record) };
    }
    case 'templates': {
      const { id: _id, ...rest } = record as Template;
      return { ...head, ...rest };
    }
    case 'talks': {
      const { id: _id, conferenceId, words: _words, ...rest } = record as Talk & { words?: unknown };
      return { ...head, ...rest, conferenceKey: conferenceId === null ? null : refs.conferenceKey(conferenceId) };
    }
    case 'conferences': {
      const { id: _id, ...rest } = record as Conference;
      return { ...head, ...rest };
    }
  }
}

/** The fields two documents are compared on: equal content means no write (this stops echo loops). */
export function sameContent(a: SyncDoc, b: SyncDoc): boolean {
  return stableJson(strip(a)) === stableJson(strip(b));
}

function strip(doc: SyncDoc): Record<string, unknown> {
  const { _rev: _r, _revisions: _h, _conflicts: _c, ...rest } = doc as SyncDoc & Record<string, unknown>;
  return rest;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export type IncomingResult =
  | { kind: 'record'; table: SyncedTable; record: SyncRecord; dropped: number }
  /** A note or highlight whose talk has not arrived yet: try again after the next batch. */
  | { kind: 'wait'; table: SyncedTable; talkKey: string }
  | { kind: 'rejected'; id: string; reason: string };

const EMPTY: BackupData = {
  conferences: [],
  talks: [],
  notes: [],
  highlights: [],
  drafts: [],
  templates: [],
  settings: [],
};

/**
 * A document from the server as a local record, checked as a restored backup is; anything else is
 * refused with the reason. Never throws.
 */
export function docToRecord(raw: unknown, refs: RemoteRefs): IncomingResult {
  const id =
    raw && typeof raw === 'object' && typeof (raw as { _id?: unknown })._id === 'string' ? (raw as SyncDoc)._id : '?';
  try {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError('not an object');
    if (JSON.stringify(raw).length > MAX_DOC_CHARS) throw new ValidationError('too large');
    const doc = raw as SyncDoc;
    const table = tableOfDocId(id);
    if (table === null) throw new ValidationError('not a Talkmark document');
    if (doc.type !== TYPE[table]) throw new ValidationError(`type ${JSON.stringify(doc.type)} for a ${TYPE[table]}`);
    if (doc.schema !== DOC_SCHEMA) throw new ValidationError(`document schema ${JSON.stringify(doc.schema)}`);
    const name = id.slice(PREFIX[table].length);
    const {
      _id: _i,
      _rev: _r,
      _conflicts: _c,
      _revisions: _h,
      _deleted: _d,
      type: _t,
      schema: _s,
      talkKey,
      conferenceKey,
      ...fields
    } = doc as SyncDoc & Record<string, unknown>;
    // A note's and a highlight's `author` is checked by their record checks, as in a backup
    // (lib/validate's authorName: a clean short name, else the document is refused).
    const keyText = (v: unknown, what: string): string => {
      if (typeof v !== 'string' || v.length === 0 || v.length > 10_000)
        throw new ValidationError(`${what} is not a key`);
      return v;
    };
    switch (table) {
      case 'notes': {
        const key = keyText(talkKey, 'talkKey');
        const talkId = refs.talkId(key);
        if (talkId === null) return { kind: 'wait', table, talkKey: key };
        const note = noteCheck({ ...fields, id: name, talkId }, 'note');
        return { kind: 'record', table, record: note, dropped: 0 };
      }
      case 'highlights': {
        let talkId: string | null = null;
        if (talkKey !== null) {
          const key = keyText(talkKey, 'talkKey');
          talkId = refs.talkId(key);
          if (talkId === null) return { kind: 'wait', table, talkKey: key };
        }
        const h = highlightCheck({ ...fields, id: name, talkId }, 'highlight');
        return { kind: 'record', table, record: h, dropped: 0 };
      }
      case 'templates':
        return { kind: 'record', table, record: templateCheck({ ...fields, id: name }, 'template'), dropped: 0 };
      case 'talks': {
        if (fields.key !== name) throw new ValidationError('key differs from the document id');
        let conferenceId: string | null = null;
        if (conferenceKey !== null && conferenceKey !== undefined) {
          conferenceId = refs.conferenceId(keyText(conferenceKey, 'conferenceKey'));
        }
        const talk = talkCheck({ ...fields, id: refs.localIdFor('talks', name), conferenceId }, 'talk');
        const safe = dropUnsafeValues({ ...EMPTY, talks: [talk] });
        return { kind: 'record', table, record: safe.data.talks[0]!, dropped: safe.dropped.length };
      }
      case 'conferences': {
        if (fields.key !== name) throw new ValidationError('key differs from the document id');
        const conf = conferenceCheck({ ...fields, id: refs.localIdFor('conferences', name) }, 'conference');
        const safe = dropUnsafeValues({ ...EMPTY, conferences: [conf] });
        return { kind: 'record', table, record: safe.data.conferences[0]!, dropped: safe.dropped.length };
      }
      default:
        throw new ValidationError('not a Talkmark document');
    }
  } catch (error) {
    const reason = error instanceof ValidationError ? error.message : 'unreadable';
    return { kind: 'rejected', id: id.slice(0, 200), reason };
  }
}
