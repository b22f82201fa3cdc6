import { describe, expect, it } from 'vitest';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { parseBackup } from '../../../lib/backup/parse';
import { openHistoricalSchema, SCHEMA_HISTORY } from '../../../lib/backup/schema-history';
import { seedDatabase } from '../../../lib/backup/seed';
import { TalkmarkDB } from '../../../lib/db/schema';
import { listNotes } from '../../../lib/notes/notes-store';
import { backupOf, databaseFixtures } from './fixtures';

/**
 * Every schema version TalkmarkDB has shipped gets a fixture (test/fixtures/backup/v<N>-database.json)
 * and an entry in SCHEMA_HISTORY. Each fixture is stored under its old schema, then opened with
 * the current TalkmarkDB: every record must still be there with every field it had (new
 * versions may add fields; a fixture whose data a migration reshapes gives `expectedAfterUpgrade`,
 * table by table: v4 moves talks under an old-formula key to the machine-independent one).
 */

const current = new TalkmarkDB(`schema-probe-${crypto.randomUUID()}`);
const fixtures = databaseFixtures();

/** Table name → sorted index sources, e.g. { notes: ['[talkId+createdAt]', 'id', …] }. */
function declaredIndexes(db: {
  tables: Array<{ name: string; schema: { primKey: { src: string }; indexes: Array<{ src: string }> } }>;
}) {
  return Object.fromEntries(
    db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()]]),
  );
}

describe('schema history', () => {
  it('has one entry and one fixture for every version up to the current schema', () => {
    // Versions may skip a number (Dexie allows gaps); every declared one has an entry.
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBe(1);
    expect(versions.at(-1)).toBe(current.verno);
    expect(fixtures.map((f) => f.schemaVersion)).toEqual(versions);
    for (const f of fixtures) expect(f.file).toBe(`v${f.schemaVersion}-database.json`);
  });

  it('records the current schema exactly as lib/db/schema.ts declares it', () => {
    const latest = openHistoricalSchema('unused', current.verno);
    expect(declaredIndexes(latest)).toEqual(declaredIndexes(current));
  });
});

describe.each(fixtures.map((f) => [f.file, f] as const))('upgrading %s to the current schema', (_file, fixture) => {
  async function upgraded(): Promise<TalkmarkDB> {
    const name = `migration-${fixture.schemaVersion}-${crypto.randomUUID()}`;
    const old = openHistoricalSchema(name, fixture.schemaVersion);
    await seedDatabase(old, fixture.data);
    old.close();
    const db = new TalkmarkDB(name);
    await db.open();
    return db;
  }

  it('loses no record and no field', async () => {
    const db = await upgraded();
    const expected = { ...fixture.data, ...fixture.expectedAfterUpgrade };
    for (const [table, records] of Object.entries(expected)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(records.length);
      const pk = db.table(table).schema.primKey.keyPath as string;
      const byKey = new Map(stored.map((r: Record<string, unknown>) => [r[pk], r]));
      for (const record of records as Array<Record<string, unknown>>) {
        expect(byKey.get(record[pk]), `${table} ${String(record[pk])}`).toMatchObject(record);
      }
    }
  });

  it('keeps the indexes working (notes in time order, talks and conferences by key)', async () => {
    const db = await upgraded();
    for (const talk of await db.talks.toArray()) {
      const times = (await listNotes(db, talk.id)).map((n) => n.createdAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect((await db.talks.where('key').equals(talk.key).first())?.id).toBe(talk.id);
    }
    for (const c of await db.conferences.toArray())
      expect((await db.conferences.where('key').equals(c.key).first())?.id).toBe(c.id);
  });

  it('exports a backup the current parser accepts', async () => {
    const db = await upgraded();
    const parsed = parseBackup(serializeBackup(await exportBackup(db)));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });
});

describe('fixtures', () => {
  it('the current version’s fixture is itself a valid backup', () => {
    const latest = fixtures.find((f) => f.schemaVersion === current.verno)!;
    const parsed = parseBackup(serializeBackup(backupOf(latest.data as never)));
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('seedDatabase refuses a table the database does not have', async () => {
    const old = openHistoricalSchema(`seed-${crypto.randomUUID()}`, 1);
    await expect(seedDatabase(old, { talks: [], bookmarks: [{}] })).rejects.toThrow(/no table bookmarks/);
  });
});
