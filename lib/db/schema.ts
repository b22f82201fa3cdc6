import Dexie, { type EntityTable } from 'dexie';
import type { Conference, Draft, Highlight, Note, NoteImage, Setting, Talk, Template } from '../model';

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
    // v3: note images (slide snapshots, photos). A new table only: no stored record changes, so
    // the upgrade has nothing to rewrite. (v2 is the search index, declared by its own change.)
    this.version(3)
      .stores({ images: 'id, noteId, talkId, [talkId+createdAt], sourceHash' })
      .upgrade(() => {
        // Nothing to migrate: notes without `imageId` have no image.
      });
  }
}

let shared: TalkmarkDB | null = null;

/** The database for extension pages; created lazily so importing this module has no side effect. */
export function getDb(): TalkmarkDB {
  shared ??= new TalkmarkDB();
  return shared;
}
