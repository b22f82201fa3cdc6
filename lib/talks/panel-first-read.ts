import type { TalkmarkDB } from '../db/schema';
import { getSetting, ownAuthor } from '../db/settings';
import type { SyncConflict } from '../db/sync-journal';
import { highlightsForTalk } from '../highlights/store';
import type { Highlight, Note } from '../model';
import { currentTalkId, type TalkPick } from '../notes/current-talk';
import { listNotes } from '../notes/notes-store';
import { NEARBY_VALID_MS, nearbyTalks, type NearbyTalks } from './nearby';

/** Everything the side panel's first frame shows, read at once (see `readPanelFirst`). */
export interface PanelFirstRead {
  /** The start of the hour the talks were read from (the panel's `readFrom`). */
  readFrom: number;
  pick: TalkPick;
  nearby: NearbyTalks;
  /** The talk the Now view shows at `now` (null: none), and what it shows of it. */
  talkId: string | null;
  notes: Note[];
  highlights: Highlight[];
  /** The user's name (null when unset): whose notes and highlights are read-only. */
  me: string | null;
  /** Notes edited on two machines at once (sync). */
  conflicts: SyncConflict[];
}

/**
 * The side panel's first frame in one read transaction, started before the first render: the
 * pick, the talks around now, then the Now talk's notes, highlights and the user's name. Read by
 * the components' own hooks instead, this was two waterfalls (the talks, then each list as it
 * mounted, every live query its own transaction) before the notes could show.
 * The talk chosen here is the one the Now view chooses from the same talks (`currentTalkId`).
 */
export function readPanelFirst(db: TalkmarkDB, now: number): Promise<PanelFirstRead> {
  const readFrom = Math.floor(now / NEARBY_VALID_MS) * NEARBY_VALID_MS;
  return db.transaction('r', [db.settings, db.talks, db.notes, db.highlights, db.syncConflicts], async () => {
    const conflicts = db.syncConflicts.where('table').equals('notes').toArray();
    const meRead = ownAuthor(db);
    const [id, at] = await Promise.all([getSetting(db, 'pickedTalkId'), getSetting(db, 'pickedAt')]);
    const pick: TalkPick = { id, at };
    const nearby = await nearbyTalks(db, id, readFrom);
    const talkId = nearby.total === 0 ? null : currentTalkId(nearby.talks, pick, now);
    const [notes, highlights, me] = await Promise.all([
      talkId ? listNotes(db, talkId) : [],
      talkId ? highlightsForTalk(db, talkId) : [],
      meRead,
    ]);
    return { readFrom, pick, nearby, talkId, notes, highlights, me: me ?? null, conflicts: await conflicts };
  });
}
