import Dexie from 'dexie';

/**
 * Every schema TalkmarkDB has shipped, frozen: the full effective stores of each version (not
 * just the tables that version changed). Migration tests build a database exactly as an old
 * version left it, seed it from `test/fixtures/backup/v<N>-database.json`, then open it with the
 * current TalkmarkDB. When lib/db/schema.ts gains a version, append it here and add a fixture.
 */
const V1_STORES = {
  conferences: 'id, &key',
  talks: 'id, &key, url, startAt, conferenceId, clippedAt',
  notes: 'id, talkId, [talkId+createdAt], updatedAt',
  highlights: 'id, pageUrl, talkId, createdAt',
  drafts: 'key',
  templates: 'id, name',
  settings: 'key',
} as const;

// v2: the search index (`*words` on talks and notes, derived on write; `createdAt` on notes).
const V2_STORES = {
  ...V1_STORES,
  talks: 'id, &key, url, startAt, conferenceId, clippedAt, *words, [conferenceId+startAt]',
  notes: 'id, talkId, [talkId+createdAt], updatedAt, createdAt, *words',
} as const;

// v3: note images (slide snapshots, photos), a new table.
const V3_STORES = { ...V2_STORES, images: 'id, noteId, talkId, [talkId+createdAt], sourceHash' } as const;

// v4: sync (tombstones, outbox, revisions, sync settings and conflicts), new tables.
const V4_STORES = {
  ...V3_STORES,
  tombstones: 'key, deletedAt',
  syncOutbox: 'key',
  syncRevs: 'key',
  syncMeta: 'key',
  syncConflicts: 'key, table',
} as const;

// v5: search by hour (`*hourWords` on talks and notes, derived on write).
const V5_STORES = {
  ...V4_STORES,
  talks: 'id, &key, url, startAt, conferenceId, clippedAt, *words, [conferenceId+startAt], *hourWords',
  notes: 'id, talkId, [talkId+createdAt], updatedAt, createdAt, *words, *hourWords',
} as const;

export const SCHEMA_HISTORY: ReadonlyArray<{ version: number; stores: Readonly<Record<string, string>> }> = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES },
  { version: 3, stores: V3_STORES },
  { version: 4, stores: V4_STORES },
  { version: 5, stores: V5_STORES },
];

/** A Dexie handle on `name` declaring only the given historical version (no upgrades). */
export function openHistoricalSchema(name: string, version: number): Dexie {
  const entry = SCHEMA_HISTORY.find((s) => s.version === version);
  if (!entry) throw new Error(`No schema v${version} in SCHEMA_HISTORY`);
  const db = new Dexie(name);
  db.version(version).stores({ ...entry.stores });
  return db;
}
