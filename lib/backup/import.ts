import type { TalkmarkDB } from '../db/schema';
import { isDeviceSetting } from '../db/settings';
import type { Conference, Draft, Highlight, Note, NoteImage, Talk, Template } from '../model';
import { BACKUP_TABLES, type BackupFile, type ImportSummary, type TableImportSummary } from './format';

interface Stamped {
  updatedAt: number;
}

interface Keyed extends Stamped {
  id: string;
  key: string;
}

/** The part of a Dexie table the merges use (EntityTable's insert type differs from T, hence not Table<T>). */
interface MergeTable<T> {
  bulkGet(keys: string[]): PromiseLike<Array<T | undefined>>;
  bulkPut(items: readonly T[]): PromiseLike<unknown>;
  where(index: string): { anyOf(keys: string[]): { toArray(): PromiseLike<T[]> } };
}

function emptySummary(): ImportSummary {
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, { added: 0, updated: 0, unchanged: 0 }]));
  return {
    ...(tables as Record<(typeof BACKUP_TABLES)[number], TableImportSummary>),
    images: { added: 0, updated: 0, unchanged: 0 },
    mergedByKey: { conferences: 0, talks: 0 },
  };
}

/** Add what is missing, replace what is strictly older; an equal `updatedAt` keeps the local copy. */
async function mergeByPrimaryKey<T extends Stamped>(
  table: MergeTable<T>,
  records: readonly T[],
  primaryKey: (r: T) => string,
  summary: TableImportSummary,
): Promise<void> {
  const existing = await table.bulkGet(records.map(primaryKey));
  const puts: T[] = [];
  records.forEach((incoming, i) => {
    const old = existing[i];
    if (!old) summary.added++;
    else if (incoming.updatedAt > old.updatedAt) summary.updated++;
    else return void summary.unchanged++;
    puts.push(incoming);
  });
  await table.bulkPut(puts);
}

interface KeyedMergeRules<T> {
  /** A newer incoming record with another id but the holder's key: the record to keep (the holder's id). */
  mergeInto(incoming: T, holder: T): T;
  /**
   * Fields that gather from both copies whichever is newer (a talk's hand-added links): `kept`
   * with what only `other` has, or `kept` itself (same object) when `other` adds nothing.
   */
  gather?(kept: T, other: T): T;
}

/**
 * Merge for tables with a unique `key` besides the id (conferences, talks): the same id is
 * updated when newer; otherwise a record whose key is already taken is merged into the holder
 * (the returned map sends its id to the holder's, for re-pointing children); else it is added.
 * State is tracked in memory so duplicates inside the file resolve the same way.
 */
async function mergeByIdThenKey<T extends Keyed>(
  table: MergeTable<T>,
  records: readonly T[],
  summary: TableImportSummary,
  rules: KeyedMergeRules<T>,
): Promise<{ idMap: Map<string, string>; merged: number }> {
  const idMap = new Map<string, string>();
  const byId = new Map<string, T>();
  const byKey = new Map<string, T>();
  const known = [
    ...(await table.bulkGet(records.map((r) => r.id))),
    ...(await table
      .where('key')
      .anyOf(records.map((r) => r.key))
      .toArray()),
  ];
  for (const r of known) {
    if (!r) continue;
    byId.set(r.id, r);
    byKey.set(r.key, r);
  }
  const staged = new Map<string, T>();
  const stage = (next: T, previous?: T) => {
    if (previous && previous.key !== next.key && byKey.get(previous.key) === previous) byKey.delete(previous.key);
    byId.set(next.id, next);
    byKey.set(next.key, next);
    staged.set(next.id, next);
  };

  const gather = rules.gather ?? ((kept: T) => kept);
  let merged = 0;
  for (const incoming of records) {
    const sameId = byId.get(incoming.id);
    const holder = sameId ?? byKey.get(incoming.key);
    if (holder && holder.id !== incoming.id) {
      idMap.set(incoming.id, holder.id);
      merged++;
    }
    if (!holder) {
      stage(incoming);
      summary.added++;
    } else if (incoming.updatedAt <= holder.updatedAt) {
      const kept = gather(holder, incoming);
      if (kept === holder) summary.unchanged++;
      else {
        stage(kept, holder);
        summary.updated++;
      }
    } else if (sameId) {
      // Taking a key another record holds would break the unique index: keep the current key.
      const keyOwner = byKey.get(incoming.key);
      stage(
        gather(keyOwner && keyOwner.id !== incoming.id ? { ...incoming, key: sameId.key } : incoming, sameId),
        sameId,
      );
      summary.updated++;
    } else {
      stage(gather(rules.mergeInto(incoming, holder), holder), holder);
      summary.updated++;
    }
  }
  await table.bulkPut([...staged.values()]);
  return { idMap, merged };
}

const remap = (idMap: Map<string, string>, id: string): string => idMap.get(id) ?? id;

/**
 * Inside a Dexie transaction, never await an async helper that returns without touching
 * IndexedDB: native async functions that only sometimes await throw off Dexie's zone tracking,
 * and under load the transaction commits early (PrematureCommitError; Dexie issue #1186, seen in
 * our e2e run). So empty tables are skipped here, at the call site, not inside the helpers.
 */
const NOTHING_MERGED = { idMap: new Map<string, string>(), merged: 0 };

/**
 * Merges a parsed backup into the database in ONE transaction: any failure (quota, closed
 * database) rolls everything back and rejects — classify it with `classifyStorageError`.
 * Ids are kept; a record with a known id replaces the local one only when its `updatedAt` is
 * newer — but a talk keeps the hand-added `links` of both copies. Talks and conferences are
 * also matched by their unique `key`, and notes/highlights (and talks' conferenceId) are
 * re-pointed to the record they merged into. Settings have no timestamp: missing keys are
 * added, local values are kept. Pictures (`images`, from `parseBackupZip`) are written in the
 * same transaction, each only when its note, as stored after the merge, shows it (a newer local
 * note with another picture keeps its own); a picture already stored is kept. Pass only
 * `parseBackup` / `parseBackupZip` output.
 */
export async function importBackup(
  db: TalkmarkDB,
  backup: BackupFile,
  images: readonly NoteImage[] = [],
): Promise<ImportSummary> {
  const summary = emptySummary();
  const { data } = backup;
  const tables = [db.conferences, db.talks, db.notes, db.highlights, db.drafts, db.templates, db.settings, db.images];

  await db.transaction('rw', tables, async () => {
    const conferences = data.conferences.length
      ? await mergeByIdThenKey<Conference>(db.conferences, data.conferences, summary.conferences, {
          mergeInto: (incoming, holder) => ({ ...incoming, id: holder.id }),
        })
      : NOTHING_MERGED;
    summary.mergedByKey.conferences = conferences.merged;

    const talksIn = data.talks.map((t) =>
      t.conferenceId === null ? t : { ...t, conferenceId: remap(conferences.idMap, t.conferenceId) },
    );
    const talks = talksIn.length
      ? await mergeByIdThenKey<Talk>(db.talks, talksIn, summary.talks, {
          mergeInto: (incoming, holder) => ({
            ...incoming,
            id: holder.id,
            clippedAt: Math.min(incoming.clippedAt, holder.clippedAt),
          }),
          // Links are added by hand on either device: a newer copy of the talk must not lose them.
          gather: (kept, other) => {
            const extra = linksMissing(kept.links, other.links);
            return extra.length ? { ...kept, links: [...kept.links, ...extra] } : kept;
          },
        })
      : NOTHING_MERGED;
    summary.mergedByKey.talks = talks.merged;

    const notes = data.notes.map((n) => ({ ...n, talkId: remap(talks.idMap, n.talkId) }));
    if (notes.length) await mergeByPrimaryKey<Note>(db.notes, notes, (n) => n.id, summary.notes);
    if (images.length) {
      const incoming = images.map((i) => ({ ...i, talkId: remap(talks.idMap, i.talkId) }));
      const owners = await db.notes.bulkGet(incoming.map((i) => i.noteId));
      const shown = incoming.filter((image, i) => owners[i]?.imageId === image.id);
      const stored = await db.images.bulkGet(shown.map((i) => i.id));
      const added = shown.filter((_, i) => !stored[i]);
      if (added.length) await db.images.bulkAdd(added);
      summary.images.added = added.length;
      summary.images.unchanged = images.length - added.length;
    }
    const highlights = data.highlights.map((h) =>
      h.talkId === null ? h : { ...h, talkId: remap(talks.idMap, h.talkId) },
    );
    if (highlights.length)
      await mergeByPrimaryKey<Highlight>(db.highlights, highlights, (h) => h.id, summary.highlights);
    // A draft is keyed by its talk's id: follow the talk when it merged into another.
    const drafts = data.drafts.map((d) => ({ ...d, key: remap(talks.idMap, d.key) }));
    if (drafts.length)
      await mergeByPrimaryKey<Draft>(
        db.drafts,
        dedupeNewest(drafts, (d) => d.key),
        (d) => d.key,
        summary.drafts,
      );
    if (data.templates.length)
      await mergeByPrimaryKey<Template>(db.templates, data.templates, (t) => t.id, summary.templates);

    // This browser's download bookkeeping is never taken from a file (see isDeviceSetting).
    const settings = data.settings.filter((s) => !isDeviceSetting(s.key));
    const localSettings = await db.settings.bulkGet(settings.map((s) => s.key));
    const newSettings = settings.filter((_, i) => !localSettings[i]);
    await db.settings.bulkAdd(newSettings);
    summary.settings.added = newSettings.length;
    summary.settings.unchanged = data.settings.length - newSettings.length;
  });
  return summary;
}

/**
 * The links of `other` that `kept` lacks, each once, in order. Compared as parsed URLs, so two
 * spellings of one address (`HTTPS://Example.org/a`, `https://example.org/a`) count once.
 */
export function linksMissing(kept: readonly string[], other: readonly string[]): string[] {
  const seen = new Set(kept.map(sameUrlKey));
  return other.filter((link) => {
    const key = sameUrlKey(link);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameUrlKey(link: string): string {
  try {
    return new URL(link).href;
  } catch {
    return link;
  }
}

/** After re-keying, two drafts may share a key: keep the newest so bulkPut stays deterministic. */
function dedupeNewest<T extends Stamped>(records: readonly T[], key: (r: T) => string): T[] {
  const best = new Map<string, T>();
  for (const r of records) {
    const seen = best.get(key(r));
    if (!seen || r.updatedAt > seen.updatedAt) best.set(key(r), r);
  }
  return [...best.values()];
}
