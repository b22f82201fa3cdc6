import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Transaction } from 'dexie';
import type { Conference, Draft, Highlight, Note, NoteImage, Setting, Talk, Template } from '../model';
import { legacyTalkKey, talkKey } from '../schedule/talk-key';
import { noteHourWords, noteWords, talkHourWords, talkWords } from './search-words';
import {
  type SyncConflict,
  type SyncMeta,
  type SyncOutboxEntry,
  type SyncRev,
  type Tombstone,
  withSyncJournal,
} from './sync-journal';

export const DB_NAME = 'talkmark';

/**
 * One database on the extension origin, shared by the side panel, popup, options page and the
 * service worker. Pages write to it directly (never through the worker), so a worker that dies
 * mid-session cannot lose a keystroke.
 */
export class TalkmarkDB extends Dexie {
  conferences!: EntityTable<Conference, 'id'>;
  talks!: EntityTable<Talk, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;
  drafts!: EntityTable<Draft, 'key'>;
  templates!: EntityTable<Template, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  images!: EntityTable<NoteImage, 'id'>;
  tombstones!: EntityTable<Tombstone, 'key'>;
  syncOutbox!: EntityTable<SyncOutboxEntry, 'key'>;
  syncRevs!: EntityTable<SyncRev, 'key'>;
  syncMeta!: EntityTable<SyncMeta, 'key'>;
  syncConflicts!: EntityTable<SyncConflict, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1. Every later version must ship an `.upgrade()` and a test that opens a v1 database.
    this.version(1).stores({
      conferences: 'id, &key',
      talks: 'id, &key, url, startAt, conferenceId, clippedAt',
      notes: 'id, talkId, [talkId+createdAt], updatedAt',
      highlights: 'id, pageUrl, talkId, createdAt',
      drafts: 'key',
      templates: 'id, name',
      settings: 'key',
    });
    // v2: the search index. Each note and talk carries its folded words (`*words`, multi-entry),
    // so a search reads index ranges instead of every note; `createdAt` orders many note hits
    // without reading them. The words are derived: written by `withSearchWords` on every write,
    // never returned by a read (the reading hooks below), never in a backup. `[conferenceId+startAt]`
    // gives a conference's days from index keys alone (lib/export/recap-input.ts).
    this.version(2)
      .stores({
        talks: 'id, &key, url, startAt, conferenceId, clippedAt, *words, [conferenceId+startAt]',
        notes: 'id, talkId, [talkId+createdAt], updatedAt, createdAt, *words',
      })
      .upgrade(fillSearchWords);
    // v3: note images (slide snapshots, photos). A new table only: no stored record changes, so
    // the upgrade has nothing to rewrite.
    this.version(3)
      .stores({ images: 'id, noteId, talkId, [talkId+createdAt], sourceHash' })
      .upgrade(() => {
        // Nothing to migrate: notes without `imageId` have no image.
      });
    // v4: sync (issue #18). Records keep their ids (UUIDs since v1; talks and conferences also
    // have their unique `key`, which names them across machines) and their `updatedAt`. New
    // tables only: `tombstones` (`<table>:<id>` of every deleted synced record, written in the
    // delete's own transaction by `withSyncJournal`, so deletes replicate and never come back),
    // `syncOutbox` (records changed since the sync runner last looked), `syncRevs` (the CouchDB
    // revision each local record stands on), `syncMeta` (settings, checkpoint, status) and
    // `syncConflicts` (the losing versions of a record, for the user to resolve). Old records
    // need nothing rewritten: the first sync mirrors every table whole.
    this.version(4)
      .stores({
        tombstones: 'key, deletedAt',
        syncOutbox: 'key',
        syncRevs: 'key',
        syncMeta: 'key',
        syncConflicts: 'key, table',
      })
      .upgrade(async (tx) => {
        // Sync names a talk by its key on every machine, and keys became machine-independent in
        // this version (talk-key.ts: no scheme, `www.`, trailing slash or tracking parameters).
        // A talk still under the key the old formula gives for its fields moves to the new one,
        // so it is one talk with what another machine clips. A key the old formula does not give
        // (a title edited since, a hand-made talk) stays: the next clip finds it by either key.
        const talks = tx.table<Talk, string>('talks');
        const all = await talks.toArray();
        const taken = new Set(all.map((t) => t.key));
        for (const t of all) {
          if (t.source === 'manual' || legacyTalkKey(t) !== t.key) continue;
          const key = talkKey(t);
          if (key === t.key || taken.has(key)) continue;
          taken.add(key);
          await talks.update(t.id, { key });
        }
        // The journal saw those moves; a database that never synced has nothing to send yet
        // (turning sync on queues the whole library).
        await tx.table('syncOutbox').clear();
      });
    // v5: search by hour (issue #19). Each note and talk also carries `[hour, word]` pairs
    // (`*hourWords`, multi-entry, derived on write like `words`): a query whose words are all
    // common reads them hour by hour, newest first, and stops after a screen of hits, where the
    // `words` index alone made it read every key of every word. The upgrade fills the pairs.
    this.version(5)
      .stores({
        talks: 'id, &key, url, startAt, conferenceId, clippedAt, *words, [conferenceId+startAt], *hourWords',
        notes: 'id, talkId, [talkId+createdAt], updatedAt, createdAt, *words, *hourWords',
      })
      .upgrade(async (tx) => {
        // Derived fields only: the sync journal must not take the rewrite for changes to send.
        const outbox = tx.table('syncOutbox');
        const queued = await outbox.toArray();
        await fillSearchWords(tx);
        await outbox.clear();
        await outbox.bulkPut(queued);
      });
    this.use(withSearchWords);
    this.use(withSyncJournal);
    this.notes.hook('reading', (n: Note) => withoutWords(n));
    this.talks.hook('reading', (t: Talk) => withoutWords(t));
  }
}

function withoutWords<T extends object>(record: T): T {
  if (!record || !('words' in record || 'hourWords' in record)) return record;
  const { words: _derived, hourWords: _byHour, ...rest } = record as T & { words: unknown; hourWords: unknown };
  return rest as T;
}

/** The derived fields each indexed table's records get on write. */
const WORDS_OF: Record<string, (value: never) => { words: string[]; hourWords: Array<[number, string]> }> = {
  notes: (n: Note) => ({ words: noteWords(n), hourWords: noteHourWords(n) }),
  talks: (t: Talk) => ({ words: talkWords(t), hourWords: talkHourWords(t) }),
};

/** Every record written to `notes` or `talks`, by any path (add, put, update, modify, import), gets its words. */
const withSearchWords = {
  stack: 'dbcore' as const,
  name: 'searchWords',
  create(down: DBCore): DBCore {
    return {
      ...down,
      table(name: string) {
        const table = down.table(name);
        const wordsOf = WORDS_OF[name];
        if (!wordsOf) return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if ((req.type === 'add' || req.type === 'put') && req.values)
              req = {
                ...req,
                values: req.values.map((v: Record<string, unknown>) =>
                  v && typeof v === 'object' ? { ...v, ...wordsOf(v as never) } : v,
                ),
              };
            return table.mutate(req);
          },
        };
      },
    };
  },
};

type Indexed = { words?: string[]; hourWords?: Array<[number, string]> };

/** v1 → v2 and v4 → v5: index the notes and talks already stored (both fields, whatever was there). */
async function fillSearchWords(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((n: Note & Indexed) => {
      n.words = noteWords(n);
      n.hourWords = noteHourWords(n);
    });
  await tx
    .table('talks')
    .toCollection()
    .modify((t: Talk & Indexed) => {
      t.words = talkWords(t);
      t.hourWords = talkHourWords(t);
    });
}

let shared: TalkmarkDB | null = null;

/** The database for extension pages; created lazily so importing this module has no side effect. */
export function getDb(): TalkmarkDB {
  shared ??= new TalkmarkDB();
  return shared;
}
