import Dexie, { type EntityTable } from 'dexie';
import type { Conference, Draft, Highlight, Note, Setting, Talk, Template } from '../model';

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
  }
}

let shared: TalkmarkDB | null = null;

/** The database for extension pages; created lazily so importing this module has no side effect. */
export function getDb(): TalkmarkDB {
  shared ??= new TalkmarkDB();
  return shared;
}
