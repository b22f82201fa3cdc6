import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { deleteHighlight } from '../../../lib/highlights/store';
import type { Template } from '../../../lib/model';
import { aHighlight, aNote, aTalk } from './records';
import { deleteNote, restoreNote } from '../../../lib/notes/notes-store';
import { deleteTalk } from '../../../lib/talks/edit';
import { deleteTemplate } from '../../../lib/db/templates';
import { openHistoricalSchema } from '../../../lib/backup/schema-history';
import { seedDatabase } from '../../../lib/backup/seed';
import { databaseFixtures } from '../backup/fixtures';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`journal-${crypto.randomUUID()}`);
  await db.open();
});

describe('sync journal (schema v4)', () => {
  it('queues every write of a synced table, and nothing for drafts or settings', async () => {
    await db.talks.put(aTalk());
    await db.notes.add(aNote());
    await db.drafts.put({ key: 't1', text: 'x', updatedAt: 1 });
    await db.settings.put({ key: 'a', value: 1 });
    expect((await db.syncOutbox.toArray()).map((e) => e.key).sort()).toEqual(['notes:n1', 'talks:t1']);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('deleting a note writes its tombstone in the same transaction; Undo takes it away', async () => {
    await db.talks.put(aTalk());
    await db.notes.add(aNote());
    const deleted = await deleteNote(db, 'n1');
    expect(deleted.ok).toBe(true);
    expect(await db.tombstones.get('notes:n1')).toMatchObject({ table: 'notes', id: 'n1' });
    if (deleted.ok) await restoreNote(db, deleted.value);
    expect(await db.tombstones.get('notes:n1')).toBeUndefined();
  });

  it('deleting a talk tombstones the talk, its notes and its highlights', async () => {
    await db.talks.put(aTalk());
    await db.notes.bulkAdd([aNote(), aNote({ id: 'n2' })]);
    await db.highlights.add(aHighlight());
    await deleteTalk(db, 't1');
    expect((await db.tombstones.toArray()).map((t) => t.key).sort()).toEqual([
      'highlights:h1',
      'notes:n1',
      'notes:n2',
      'talks:t1',
    ]);
  });

  it('highlight and template deletes write tombstones', async () => {
    await db.highlights.add(aHighlight());
    const template: Template = { id: 'tp1', name: 'T', kind: 'talk', body: 'x', updatedAt: 1 };
    await db.templates.add(template);
    await deleteHighlight(db, 'h1');
    await deleteTemplate(db, 'tp1');
    expect((await db.tombstones.toArray()).map((t) => t.key).sort()).toEqual(['highlights:h1', 'templates:tp1']);
  });

  it('range deletes (where().delete(), clear()) write tombstones too', async () => {
    await db.notes.bulkAdd([aNote(), aNote({ id: 'n2', talkId: 't2' })]);
    await db.notes.where('talkId').equals('t2').delete();
    expect((await db.tombstones.toArray()).map((t) => t.key)).toEqual(['notes:n2']);
    await db.notes.clear();
    expect((await db.tombstones.toArray()).map((t) => t.key).sort()).toEqual(['notes:n1', 'notes:n2']);
  });

  it('a failed transaction leaves no tombstone behind', async () => {
    await db.notes.add(aNote());
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.delete('n1');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.notes.get('n1')).toBeDefined();
    expect(await db.tombstones.count()).toBe(0);
  });
});

describe.each([1, 2, 3])('a v%i database upgraded to v4', (version) => {
  it('keeps its records, starts with empty sync tables, and tombstones its old notes when deleted', async () => {
    const fixture = databaseFixtures().find((f) => f.schemaVersion === version)!;
    const name = `journal-upgrade-${version}-${crypto.randomUUID()}`;
    const old = openHistoricalSchema(name, version);
    await seedDatabase(old, fixture.data);
    old.close();
    const upgraded = new TalkmarkDB(name);
    await upgraded.open();
    const notes = await upgraded.notes.toArray();
    expect(notes).toHaveLength((fixture.data.notes as unknown[]).length);
    expect(await upgraded.syncOutbox.count()).toBe(0);
    expect(await upgraded.tombstones.count()).toBe(0);
    const result = await deleteNote(upgraded, notes[0]!.id);
    expect(result.ok).toBe(true);
    expect(await upgraded.tombstones.get(`notes:${notes[0]!.id}`)).toBeDefined();
    expect(await upgraded.syncOutbox.get(`notes:${notes[0]!.id}`)).toBeDefined();
  });
});
