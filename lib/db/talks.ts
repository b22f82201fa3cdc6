import type { Conference, ExtractedTalk, Talk } from '../model';
import { legacyTalkKey, talkKey } from '../schedule/talk-key';
import type { TalkmarkDB } from './schema';
import { instant, mergeMetadata } from './talk-merge';

export interface UpsertSummary {
  added: number;
  updated: number;
  /** Already clipped with the same metadata. */
  skipped: number;
  /** Ids of every talk touched, in input order. */
  ids: string[];
}

/**
 * Stores a conference the first time a batch meets it. Always touches IndexedDB: callers skip
 * it for talks with no conference or one already seen (an async function that sometimes returns
 * without awaiting Dexie makes a surrounding transaction commit early; Dexie issue #1186).
 */
async function storeConference(
  db: TalkmarkDB,
  ref: NonNullable<ExtractedTalk['conference']>,
  now: number,
  cache: Map<string, string>,
): Promise<string> {
  const existing = await db.conferences.where('key').equals(ref.key).first();
  const record: Conference = {
    id: existing?.id ?? crypto.randomUUID(),
    key: ref.key,
    name: ref.name ?? existing?.name ?? null,
    url: ref.url ?? existing?.url ?? null,
    timeZone: ref.timeZone ?? existing?.timeZone ?? null,
    updatedAt: now,
  };
  await db.conferences.put(record);
  cache.set(ref.key, record.id);
  return record.id;
}

/**
 * Store clipped talks in one transaction: new ones are added, known ones get fresh metadata.
 * Notes and highlights live in their own tables and are never touched here.
 */
export async function upsertTalks(
  db: TalkmarkDB,
  talks: readonly ExtractedTalk[],
  now = Date.now(),
): Promise<UpsertSummary> {
  const summary: UpsertSummary = { added: 0, updated: 0, skipped: 0, ids: [] };
  await db.transaction('rw', db.talks, db.conferences, async () => {
    const conferences = new Map<string, string>();
    for (const fresh of talks) {
      const key = talkKey(fresh);
      const legacy = legacyTalkKey(fresh);
      // A talk stored before keys were reduced (talk-key.ts) still has the old one: found by it,
      // it moves to the new key, so it stays one talk with what another machine clips.
      const found = await db.talks
        .where('key')
        .anyOf(legacy === key ? [key] : [key, legacy])
        .toArray();
      const old = found.find((t) => t.key === key) ?? found[0];
      const ref = fresh.conference;
      const conferenceId = !ref
        ? null
        : (conferences.get(ref.key) ?? (await storeConference(db, ref, now, conferences)));
      if (old) {
        const changes = mergeMetadata(old, fresh);
        const rekey = old.key !== key ? { key } : {};
        if (changes || old.key !== key || (conferenceId && conferenceId !== old.conferenceId)) {
          await db.talks.update(old.id, {
            ...changes,
            ...rekey,
            conferenceId: conferenceId ?? old.conferenceId,
            updatedAt: now,
          });
          summary.updated++;
        } else {
          summary.skipped++;
        }
        summary.ids.push(old.id);
        continue;
      }
      const { conference: _ref, ...fields } = fresh;
      const talk: Talk = {
        ...fields,
        id: crypto.randomUUID(),
        key,
        conferenceId,
        startAt: instant(fresh.start),
        endAt: instant(fresh.end),
        links: [],
        clippedAt: now,
        updatedAt: now,
      };
      await db.talks.add(talk);
      summary.added++;
      summary.ids.push(talk.id);
    }
  });
  return summary;
}

/** Which of these keys are already clipped — the in-page buttons show "Clipped" for them. */
export async function clippedKeys(db: TalkmarkDB, keys: readonly string[]): Promise<string[]> {
  const found = await db.talks
    .where('key')
    .anyOf(keys as string[])
    .toArray();
  return found.map((t) => t.key);
}
