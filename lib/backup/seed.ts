import type Dexie from 'dexie';

/** Records per table name, as in a migration fixture or a backup's `data`. */
export type SeedData = Readonly<Record<string, readonly unknown[]>>;

/**
 * Writes raw records into any Dexie database (an old schema version included) in one
 * transaction, without validation or hooks' help: it reproduces what an old build stored.
 * Throws for a table the database does not have, so a fixture cannot silently skip data.
 */
export async function seedDatabase(db: Dexie, data: SeedData): Promise<void> {
  const names = Object.keys(data);
  const known = new Set(db.tables.map((t) => t.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length) throw new Error(`seedDatabase: ${db.name} v${db.verno} has no table ${unknown.join(', ')}`);
  await db.transaction('rw', names, async () => {
    for (const name of names) await db.table(name).bulkAdd([...data[name]!]);
  });
}
