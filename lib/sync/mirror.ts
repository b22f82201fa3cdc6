import type { TalkmarkDB } from '../db/schema';
import { journalKey, SYNCED_TABLES, type SyncConflict, type SyncedTable } from '../db/sync-journal';
import type { Note } from '../model';
import {
  docId,
  docToRecord,
  type RemoteRefs,
  recordToDoc,
  type SyncDoc,
  type SyncRecord,
  sameContent,
  tableOfDocId,
} from './docs';
import type { PouchChange, PouchLike } from './pouch-types';

/**
 * Dexie ⇄ the local PouchDB mirror. Dexie stays the truth every view reads; the mirror is what
 * PouchDB's replicator moves. Two passes, each resumable after a crash at any point:
 * - `pushOutbox`: records in `syncOutbox` → documents, written only when their content differs
 *   from the mirror's winner (this is what stops echo loops). A local edit made on a revision
 *   that is no longer the winner becomes a sibling revision of the one it was made on: a
 *   CouchDB conflict, never a silent overwrite of the other machine's text.
 * - `pullMirror`: the mirror's changes since the checkpoint → validated records → Dexie, the
 *   checkpoint in the same transaction. A record with an unpushed local change is left to the
 *   push (which makes the conflict visible). Refused documents are counted, never stored.
 */

export const BATCH = 500;

export interface PullReport {
  applied: number;
  deleted: number;
  rejected: Array<{ id: string; reason: string }>;
  waiting: number;
  /** Documents this pass wrote to the mirror (local changes the replicator has yet to send). */
  pushed: number;
}

const META = { checkpoint: 'checkpoint', parked: 'parked', rejected: 'rejected' } as const;

interface RevRow {
  key: string;
  rev: string;
  docId?: string;
}

function randomRevHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function localRefs(db: TalkmarkDB, records: Array<{ table: SyncedTable; record: SyncRecord }>) {
  const talkIds = new Set<string>();
  const confIds = new Set<string>();
  for (const { table, record } of records) {
    const r = record as { talkId?: string | null; conferenceId?: string | null };
    if ((table === 'notes' || table === 'highlights') && r.talkId) talkIds.add(r.talkId);
    if (table === 'talks' && r.conferenceId) confIds.add(r.conferenceId);
  }
  const talks = talkIds.size ? await db.talks.bulkGet([...talkIds]) : [];
  const confs = confIds.size ? await db.conferences.bulkGet([...confIds]) : [];
  const talkKeys = new Map(talks.filter((t) => t).map((t) => [t!.id, t!.key]));
  const confKeys = new Map(confs.filter((c) => c).map((c) => [c!.id, c!.key]));
  return {
    talkKey: (id: string) => talkKeys.get(id) ?? null,
    conferenceKey: (id: string) => confKeys.get(id) ?? null,
  };
}

/** Local changes → the mirror. Returns how many documents were written. */
export async function pushOutbox(db: TalkmarkDB, local: PouchLike, limit = BATCH): Promise<number> {
  const entries = await db.syncOutbox.limit(limit).toArray();
  if (entries.length === 0) return 0;
  const records = await Promise.all(entries.map((e) => db.table(e.table).get(e.id) as Promise<SyncRecord | undefined>));
  const revs = new Map(
    (await db.syncRevs.bulkGet(entries.map((e) => e.key))).filter((r) => r).map((r) => [r!.key, r as RevRow]),
  );
  const present = entries.flatMap((e, i) => (records[i] ? [{ table: e.table, record: records[i]! }] : []));
  const refs = await localRefs(db, present);
  const wanted = entries.map((e, i) => {
    const record = records[i];
    const doc = record ? recordToDoc(e.table, record, refs) : null;
    const id =
      doc?._id ??
      revs.get(e.key)?.docId ??
      (e.table === 'talks' || e.table === 'conferences' ? null : docId(e.table, e));
    return { entry: e, doc, id };
  });
  const ids = wanted.flatMap((w) => (w.id ? [w.id] : []));
  const current = new Map(
    (await local.allDocs({ keys: ids, include_docs: true })).rows.map((row) => [row.key, row] as const),
  );
  const writes: object[] = [];
  const siblings: object[] = [];
  const newRevs: RevRow[] = [];
  for (const { entry, doc, id } of wanted) {
    if (!id) continue;
    const row = current.get(id);
    const winner = row?.value && !row.value.deleted ? (row.doc ?? null) : null;
    const base = revs.get(entry.key)?.rev;
    if (doc === null) {
      // Deleted here (or its talk is gone): delete the mirror's copy if this machine had seen it.
      // An edit made elsewhere after this machine last saw the record wins over the delete.
      if (winner && base === row!.value!.rev) writes.push({ _id: id, _rev: base, _deleted: true });
      continue;
    }
    if (winner && sameContent(doc, winner)) {
      newRevs.push({ key: entry.key, rev: row!.value!.rev, docId: id });
      continue;
    }
    if (!row?.value || !base || base === row.value.rev || row.value.deleted) {
      // New, or edited on the revision the mirror shows, or written again after a delete.
      writes.push(row?.value ? { ...doc, _rev: row.value.rev } : doc);
    } else {
      // Edited on an older revision: a sibling of that one (a conflict both sides will see).
      const old = await local.get(id, { rev: base, revs: true }).catch(() => null);
      if (!old?._revisions) {
        writes.push({ ...doc, _rev: row.value.rev });
        continue;
      }
      const hash = randomRevHash();
      const start = old._revisions.start + 1;
      siblings.push({ ...doc, _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, ...old._revisions.ids] } });
      newRevs.push({ key: entry.key, rev: `${start}-${hash}`, docId: id });
    }
  }
  const results = writes.length ? await local.bulkDocs(writes) : [];
  if (siblings.length) await local.bulkDocs(siblings, { new_edits: false });
  results.forEach((r, i) => {
    const w = writes[i] as SyncDoc;
    const entry = wanted.find((x) => x.id === w._id)!.entry;
    if (r.ok && r.rev) newRevs.push({ key: entry.key, rev: r.rev, docId: w._id });
  });
  await db.transaction('rw', [db.syncOutbox, db.syncRevs], async () => {
    const still = await db.syncOutbox.bulkGet(entries.map((e) => e.key));
    const done = entries.filter((e, i) => still[i]?.changedAt === e.changedAt).map((e) => e.key);
    if (done.length) await db.syncOutbox.bulkDelete(done);
    if (newRevs.length) await db.syncRevs.bulkPut(newRevs);
  });
  return writes.length + siblings.length;
}

type Incoming = ReturnType<typeof docToRecord>;

/** The losing revisions of a note or highlight, validated (an unreadable one is left out). */
async function losersOf(local: PouchLike, doc: SyncDoc & { _conflicts?: string[] }, refs: RemoteRefs) {
  const losers: SyncConflict['losers'] = [];
  for (const rev of doc._conflicts ?? []) {
    const old = await local.get(doc._id, { rev }).catch(() => null);
    const read = old ? docToRecord(old, refs) : null;
    if (read?.kind !== 'record') continue;
    const r = read.record as Note & { author?: string; comment?: string };
    losers.push({
      rev,
      text: r.text ?? r.comment ?? '',
      kind: r.kind ?? 'plain',
      updatedAt: r.updatedAt,
      ...(r.author ? { author: r.author } : {}),
    });
  }
  return losers;
}

async function remoteRefs(db: TalkmarkDB, docs: SyncDoc[]): Promise<RemoteRefs> {
  const talkKeys = new Set<string>();
  const confKeys = new Set<string>();
  for (const d of docs) {
    if (typeof d.talkKey === 'string') talkKeys.add(d.talkKey);
    if (typeof d.conferenceKey === 'string') confKeys.add(d.conferenceKey);
    if (d._id.startsWith('talk:') && typeof d.key === 'string') talkKeys.add(d.key);
    if (d._id.startsWith('conf:') && typeof d.key === 'string') confKeys.add(d.key);
  }
  const talks = talkKeys.size
    ? await db.talks
        .where('key')
        .anyOf([...talkKeys])
        .toArray()
    : [];
  const confs = confKeys.size
    ? await db.conferences
        .where('key')
        .anyOf([...confKeys])
        .toArray()
    : [];
  const talkIds = new Map(talks.map((t) => [t.key, t.id]));
  const confIds = new Map(confs.map((c) => [c.key, c.id]));
  return {
    talkId: (key) => talkIds.get(key) ?? null,
    conferenceId: (key) => confIds.get(key) ?? null,
    localIdFor(table, key) {
      const ids = table === 'talks' ? talkIds : confIds;
      let id = ids.get(key);
      if (!id) {
        id = crypto.randomUUID();
        ids.set(key, id);
      }
      return id;
    },
  };
}

const ORDER: Record<SyncedTable, number> = { conferences: 0, talks: 1, templates: 2, notes: 3, highlights: 4 };

/** Applies changes (already read from the mirror) to Dexie in one transaction. */
async function applyChanges(
  db: TalkmarkDB,
  local: PouchLike,
  changes: PouchChange[],
  report: PullReport,
  checkpoint?: number | string,
) {
  const live = changes.filter((c) => c.doc && !c.deleted).map((c) => c.doc!);
  // Conferences and talks first, so the notes after them find their talk in the same batch.
  live.sort((a, b) => (ORDER[tableOfDocId(a._id) ?? 'notes'] ?? 9) - (ORDER[tableOfDocId(b._id) ?? 'notes'] ?? 9));
  const refs = await remoteRefs(db, live);
  const reads: Array<{ doc: SyncDoc & { _conflicts?: string[] }; read: Incoming; losers?: SyncConflict['losers'] }> =
    [];
  for (const doc of live) {
    const read = docToRecord(doc, refs);
    const losers = read.kind === 'record' && doc._conflicts?.length ? await losersOf(local, doc, refs) : undefined;
    reads.push({ doc, read, losers });
  }
  const removals = changes.filter((c) => c.deleted);
  const delKeys = removals.map((c) => ({ change: c, table: tableOfDocId(c.id) }));
  const talkKeysGone = delKeys.filter((d) => d.table === 'talks' || d.table === 'conferences');
  const goneIds = new Map<string, string>();
  for (const d of talkKeysGone) {
    const key = d.change.id.slice(d.change.id.indexOf(':') + 1);
    const found: { id: string } | undefined =
      d.table === 'talks'
        ? await db.talks.where('key').equals(key).first()
        : await db.conferences.where('key').equals(key).first();
    if (found) goneIds.set(d.change.id, found.id);
  }
  const tables = [...SYNCED_TABLES.map((t) => db.table(t)), db.syncRevs, db.syncMeta, db.syncConflicts, db.syncOutbox];
  await db.transaction('rw', tables, async () => {
    const parked = new Set(((await db.syncMeta.get(META.parked))?.value as string[] | undefined) ?? []);
    const applied: string[] = [];
    const records: Array<{
      doc: SyncDoc;
      read: Extract<Incoming, { kind: 'record' }>;
      losers?: SyncConflict['losers'];
    }> = [];
    for (const { doc, read, losers } of reads) {
      if (read.kind === 'rejected') {
        report.rejected.push({ id: read.id, reason: read.reason });
        parked.delete(doc._id);
      } else if (read.kind === 'wait') parked.add(doc._id);
      else {
        parked.delete(doc._id);
        records.push({ doc, read, losers });
      }
    }
    // Read in bulk (one request per table), write in bulk: 10,000 documents are 20 requests, not 30,000.
    const keys = records.map((r) => journalKey(r.read.table, r.read.record.id));
    const unpushed = keys.length ? await db.syncOutbox.bulkGet(keys) : [];
    const mine = new Map<string, SyncRecord | undefined>();
    for (const table of SYNCED_TABLES) {
      const ids = records.filter((r) => r.read.table === table).map((r) => r.read.record.id);
      if (ids.length === 0) continue;
      const found = (await db.table(table).bulkGet(ids)) as Array<SyncRecord | undefined>;
      ids.forEach((id, i) => mine.set(journalKey(table, id), found[i]));
    }
    const puts = new Map<SyncedTable, SyncRecord[]>();
    const revRows: RevRow[] = [];
    const conflictRows: SyncConflict[] = [];
    const settled: string[] = [];
    records.forEach(({ doc, read, losers }, i) => {
      const key = keys[i]!;
      if (unpushed[i]) return; // an unpushed local change: the push decides
      const old = mine.get(key);
      const next = { ...read.record } as SyncRecord & { imageId?: string };
      if (read.table === 'notes' && old && (old as Note).imageId) next.imageId = (old as Note).imageId;
      if (!old || JSON.stringify(old) !== JSON.stringify(next)) {
        puts.set(read.table, [...(puts.get(read.table) ?? []), next]);
        applied.push(key);
        report.applied++;
      }
      revRows.push({ key, rev: doc._rev!, docId: doc._id });
      if (losers?.length && (read.table === 'notes' || read.table === 'highlights'))
        conflictRows.push({ key, table: read.table, id: read.record.id, losers });
      else settled.push(key);
    });
    for (const [table, rows] of puts) await db.table(table).bulkPut(rows);
    if (revRows.length) await db.syncRevs.bulkPut(revRows);
    if (conflictRows.length) await db.syncConflicts.bulkPut(conflictRows);
    // Only rows that exist: a delete of absent keys still counts as a change for live queries,
    // and every view that lists conflicts (the note list) would re-read once per pulled batch.
    const stale = settled.length ? (await db.syncConflicts.bulkGet(settled)).filter((r) => r).map((r) => r!.key) : [];
    if (stale.length) await db.syncConflicts.bulkDelete(stale);
    for (const { change, table } of delKeys) {
      if (!table) continue;
      const id =
        table === 'talks' || table === 'conferences'
          ? goneIds.get(change.id)
          : change.id.slice(change.id.indexOf(':') + 1);
      if (!id) continue;
      const key = journalKey(table, id);
      if (await db.syncOutbox.get(key)) continue;
      if (await db.table(table).get(id)) {
        await db.table(table).delete(id);
        applied.push(key);
        report.deleted++;
      }
      await db.syncRevs.put({ key, rev: change.changes[0]!.rev, docId: change.id } as RevRow);
      await db.syncConflicts.delete(key);
    }
    // Our own writes are not local changes: take them out of the outbox again.
    if (applied.length) await db.syncOutbox.bulkDelete(applied);
    await db.syncMeta.put({ key: META.parked, value: [...parked] });
    if (checkpoint !== undefined) await db.syncMeta.put({ key: META.checkpoint, value: checkpoint });
    report.waiting = parked.size;
  });
}

/** The mirror's changes → Dexie, in batches, from the stored checkpoint; then the parked documents again. */
export async function pullMirror(db: TalkmarkDB, local: PouchLike, limit = BATCH): Promise<PullReport> {
  const report: PullReport = { applied: 0, deleted: 0, rejected: [], waiting: 0, pushed: 0 };
  for (;;) {
    const since = ((await db.syncMeta.get(META.checkpoint))?.value as number | string | undefined) ?? 0;
    const page = await local.changes({ since, include_docs: true, conflicts: true, limit });
    if (page.results.length === 0) break;
    await applyChanges(db, local, page.results, report, page.last_seq);
    if (page.results.length < limit) break;
  }
  const parked = ((await db.syncMeta.get(META.parked))?.value as string[] | undefined) ?? [];
  if (parked.length) {
    const rows = (await local.allDocs({ keys: parked, include_docs: true, conflicts: true })).rows;
    const again: PouchChange[] = rows.flatMap((r) =>
      r.doc && r.value && !r.value.deleted ? [{ id: r.key, seq: 0, changes: [{ rev: r.value.rev }], doc: r.doc }] : [],
    );
    if (again.length) await applyChanges(db, local, again, report);
  }
  if (report.rejected.length) await recordRejected(db, report.rejected);
  return report;
}

async function recordRejected(db: TalkmarkDB, rejected: PullReport['rejected']) {
  await db.transaction('rw', db.syncMeta, async () => {
    const old = ((await db.syncMeta.get(META.rejected))?.value as
      | { count: number; last: PullReport['rejected'] }
      | undefined) ?? {
      count: 0,
      last: [],
    };
    await db.syncMeta.put({
      key: META.rejected,
      value: { count: old.count + rejected.length, last: [...rejected, ...old.last].slice(0, 10) },
    });
  });
}

/** Revisions the user dismissed in a conflict: removed from the mirror (and so from every replica). */
export async function dropResolvedConflicts(db: TalkmarkDB, local: PouchLike): Promise<void> {
  const rows = (await db.syncConflicts.toArray()).filter((r) => r.resolvedRevs?.length);
  for (const row of rows) {
    const rev = await db.syncRevs.get(row.key);
    const id = (rev as RevRow | undefined)?.docId ?? docId(row.table, row);
    for (const loser of row.resolvedRevs ?? []) await local.remove(id, loser).catch(() => null);
    await db.transaction('rw', db.syncConflicts, async () => {
      const now: SyncConflict | undefined = await db.syncConflicts.get(row.key);
      if (now && now.losers.length === 0) await db.syncConflicts.delete(row.key);
    });
  }
}

/** One full pass: local changes out, dismissed conflict versions away, the mirror's changes in. */
export async function mirrorOnce(db: TalkmarkDB, local: PouchLike): Promise<PullReport> {
  // Each pass takes its batch out of the outbox (a record written again meanwhile stays for the next).
  let pushed = 0;
  for (let pass = 0; pass < 10_000 && (await db.syncOutbox.count()) > 0; pass++) pushed += await pushOutbox(db, local);
  await dropResolvedConflicts(db, local);
  return { ...(await pullMirror(db, local)), pushed };
}

/**
 * The first run against a mirror: every record already stored (before sync was on, or before
 * schema v4) is queued, so turning sync on sends the whole library once. Marked done per mirror.
 */
export async function queueEverythingOnce(db: TalkmarkDB, mirror: string): Promise<void> {
  const flag = `queued:${mirror}`;
  if (await db.syncMeta.get(flag)) return;
  const now = Date.now();
  for (const table of SYNCED_TABLES) {
    const ids = (await db.table(table).toCollection().primaryKeys()) as string[];
    for (let i = 0; i < ids.length; i += 5_000)
      await db.syncOutbox.bulkPut(
        ids.slice(i, i + 5_000).map((id) => ({ key: journalKey(table, id), table, id, changedAt: now })),
      );
  }
  await db.syncMeta.put({ key: flag, value: now });
}
