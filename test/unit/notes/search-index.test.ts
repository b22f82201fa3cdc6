import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../../lib/backup/export';
import { importBackup } from '../../../lib/backup/import';
import { openHistoricalSchema } from '../../../lib/backup/schema-history';
import { seedDatabase } from '../../../lib/backup/seed';
import { TalkmarkDB } from '../../../lib/db/schema';
import type { Note, Talk } from '../../../lib/model';
import { foldText, matchesAllTerms, queryTerms } from '../../../lib/notes/fold';
import { addNote, deleteNote, updateNoteText } from '../../../lib/notes/notes-store';
import { searchAll } from '../../../lib/notes/search';
import { backupOf } from '../backup/fixtures';
import { makeNote, makeTalk } from './factories';

const fresh = () => new TalkmarkDB(`search-index-${crypto.randomUUID()}`);
/** What is stored, read through raw IndexedDB (the reading hooks hide `words` from the app). */
async function stored(db: TalkmarkDB, table: 'notes' | 'talks', id: string): Promise<{ words?: string[] } | undefined> {
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const r = idb.transaction(table).objectStore(table).get(id);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
const ids = (r: Awaited<ReturnType<typeof searchAll>>) => ({
  talks: r.talks.map((h) => h.talk.id),
  notes: r.notes.map((h) => h.note.id),
  totalTalks: r.totalTalks,
  totalNotes: r.totalNotes,
});

describe('the search index is kept on every write', () => {
  it('a note added, edited and deleted through notes-store', async () => {
    const db = fresh();
    await db.talks.add(makeTalk({ id: 't', title: 'Résumé writing' }));
    const added = await addNote(db, { talkId: 't', kind: 'plain', text: 'Kafka consumers lag' });
    if (!added.ok) throw new Error('add failed');
    expect((await stored(db, 'notes', added.value.id))?.words).toEqual(['kafka', 'consumers', 'lag']);
    expect(ids(await searchAll(db, 'kaf')).notes).toEqual([added.value.id]);

    await updateNoteText(db, added.value.id, 'Pulsar consumers');
    expect(ids(await searchAll(db, 'kaf')).notes).toEqual([]);
    expect(ids(await searchAll(db, 'puls cons')).notes).toEqual([added.value.id]);

    await deleteNote(db, added.value.id);
    expect(ids(await searchAll(db, 'puls')).totalNotes).toBe(0);
  });

  it('a talk added and updated (title, speakers, room)', async () => {
    const db = fresh();
    await db.talks.add(makeTalk({ id: 't', title: 'Café culture' }));
    expect(ids(await searchAll(db, 'cafe')).talks).toEqual(['t']);
    await db.talks.update('t', { room: 'Hall Ölçü' });
    expect(ids(await searchAll(db, 'olc cafe')).talks).toEqual(['t']);
    await db.talks.where('id').equals('t').modify({ title: 'Tea' });
    expect(ids(await searchAll(db, 'cafe')).talks).toEqual([]);
  });

  it('records read back never carry the derived words (nor do backups)', async () => {
    const db = fresh();
    await db.talks.add(makeTalk({ id: 't', title: 'Words' }));
    await db.notes.add(makeNote({ id: 'n', talkId: 't', text: 'hidden words' }));
    expect(await db.notes.get('n')).not.toHaveProperty('words');
    expect(await db.notes.get('n')).not.toHaveProperty('hourWords');
    expect((await db.talks.toArray())[0]).not.toHaveProperty('words');
    expect((await db.talks.toArray())[0]).not.toHaveProperty('hourWords');
    expect((await db.notes.bulkGet(['n']))[0]).not.toHaveProperty('words');
    const backup = await exportBackup(db);
    expect(JSON.stringify(backup)).not.toContain('"words"');
    expect(JSON.stringify(backup)).not.toContain('hourWords');
  });

  it('a backup import indexes what it writes', async () => {
    const source = fresh();
    await source.talks.add(makeTalk({ id: 't', title: 'Imported talk' }));
    await source.notes.add(makeNote({ id: 'n', talkId: 't', text: 'Observability budgets' }));
    const backup = await exportBackup(source);
    const target = fresh();
    await importBackup(target, backup);
    expect(ids(await searchAll(target, 'observ')).notes).toEqual(['n']);
    expect(ids(await searchAll(target, 'import')).talks).toEqual(['t']);
    expect((await stored(target, 'notes', 'n'))?.words).toEqual(['observability', 'budgets']);
  });

  it('a backup written before the index (v1 file, no words) imports searchable', async () => {
    const db = fresh();
    const talk = makeTalk({ id: 't', title: 'Old file' });
    const note = makeNote({ id: 'n', talkId: 't', text: 'Legacy marker' });
    await importBackup(
      db,
      backupOf({
        conferences: [],
        talks: [talk],
        notes: [note],
        highlights: [],
        drafts: [],
        templates: [],
        settings: [],
      } as never),
    );
    expect(ids(await searchAll(db, 'legacy')).notes).toEqual(['n']);
  });
});

describe('upgrading a v1 database with data', () => {
  it('fills the index for every note and talk already stored', async () => {
    const name = `search-v1-${crypto.randomUUID()}`;
    const old = openHistoricalSchema(name, 1);
    const talks = [
      makeTalk({ id: 't1', title: 'Zürich Postgres', startAt: 1 }),
      makeTalk({ id: 't2', title: 'Other' }),
    ];
    const notes = Array.from({ length: 30 }, (_, i) =>
      makeNote({
        id: `n${i}`,
        talkId: i % 2 ? 't1' : 't2',
        text: `note ${i} ${i % 3 ? 'partial index' : 'vacuum'}`,
        createdAt: i,
      }),
    );
    await seedDatabase(old, { talks, notes });
    old.close();
    const db = new TalkmarkDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect((await stored(db, 'notes', 'n1'))?.words).toEqual(['note', '1', 'partial', 'index']);
    const r = await searchAll(db, 'PART ind', 100);
    expect(r.totalNotes).toBe(20);
    expect(r.notes.map((h) => h.note.id)).toEqual(
      notes
        .filter((_, i) => i % 3)
        .map((n) => n.id)
        .reverse(),
    );
    expect(ids(await searchAll(db, 'zur')).talks).toEqual(['t1']);
    // Everything else is untouched.
    expect(await db.notes.get('n1')).toEqual(notes[1]);
  });
});

describe.each([1, 2, 3, 4])('upgrading a v%i database to search by hour', (version) => {
  it('pairs every stored word with its hour, and the hour walk finds what the exact search does', async () => {
    const name = `search-hours-v${version}-${crypto.randomUUID()}`;
    const old = openHistoricalSchema(name, version);
    const hour = 3_600_000;
    const talks = [makeTalk({ id: 't1', title: 'Canary rollout', startAt: 5 * hour }), makeTalk({ id: 't2' })];
    const notes = Array.from({ length: 40 }, (_, i) =>
      makeNote({ id: `n${i}`, talkId: 't1', text: `canary ${i % 4 ? 'rollout' : 'deploy'}`, createdAt: i * 1_000_000 }),
    );
    const queued = { key: 'notes:n1', table: 'notes', id: 'n1', changedAt: 7 };
    await seedDatabase(old, { talks, notes, ...(version >= 4 ? { syncOutbox: [queued] } : {}) });
    old.close();
    const db = new TalkmarkDB(name);
    await db.open();
    expect((await stored(db, 'notes', 'n5')) as unknown).toMatchObject({
      words: ['canary', 'rollout'],
      hourWords: [
        [1, 'canary'],
        [1, 'rollout'],
      ],
    });
    expect((await stored(db, 'talks', 't1')) as unknown).toMatchObject({
      hourWords: [
        [5, 'canary'],
        [5, 'rollout'],
      ],
    });
    // Common words (no key set is read whole): the hours are walked, newest first.
    const walked = await searchAll(db, 'can roll', 10, { readAllHitsUpTo: 0, readHourUpTo: 0 });
    const exact = await searchAll(db, 'can roll', 10);
    expect(walked.notesAtLeast).toBe(true);
    expect(ids(walked).notes).toEqual(ids(exact).notes);
    expect(exact.totalNotes).toBe(30);
    // The rewrite is not a change to sync: what was queued stays as it was, nothing is added.
    if (version >= 4) expect(await db.syncOutbox.toArray()).toEqual([queued]);
    db.close();
  });
});

/** The full scan searchAll did before the index (every record read, folded, matched in memory). */
async function oldFullScan(db: TalkmarkDB, query: string, limit: number) {
  const terms = queryTerms(query);
  if (terms.length === 0 || limit <= 0) return { talks: [], notes: [], totalTalks: 0, totalNotes: 0 };
  const talkText = (t: Talk) =>
    [t.title, t.speakers.map((s) => s.name).join(', '), t.room ?? ''].filter(Boolean).join(' · ');
  const [talks, allNotes] = await Promise.all([db.talks.toArray(), db.notes.toArray()]);
  const notes = allNotes.filter((n) => matchesAllTerms(foldText(n.text), terms));
  const talkHits = talks
    .filter((t) => matchesAllTerms(foldText(talkText(t)), terms))
    .sort(
      (a, b) =>
        (b.startAt ?? -Infinity) - (a.startAt ?? -Infinity) || b.clippedAt - a.clippedAt || a.id.localeCompare(b.id),
    );
  notes.sort((a: Note, b: Note) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  return {
    talks: talkHits.slice(0, limit).map((t) => t.id),
    notes: notes.slice(0, limit).map((n) => n.id),
    totalTalks: talkHits.length,
    totalNotes: notes.length,
  };
}

describe('index search equals the old full scan', () => {
  // Every word starts with "q" and has no other "q": a query word starting with "q" can then only
  // match at the start of a word, where the old substring match and the new prefix match agree.
  const letter = fc.constantFrom(...'abcdeéfghiÖoöuÜrstxyzß'.split(''));
  const word = fc.array(letter, { minLength: 1, maxLength: 5 }).map((cs) => `q${cs.join('')}`);
  const casing = fc.constantFrom('lower', 'upper', 'title');
  const cased = fc
    .tuple(word, casing)
    .map(([w, c]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0]!.toUpperCase() + w.slice(1) : w));
  const sep = fc.constantFrom(' ', ', ', ' — ', '\n', '-', '. ');
  const text = fc.array(fc.tuple(cased, sep), { minLength: 1, maxLength: 8 }).map((ps) =>
    ps
      .map(([w, s]) => w + s)
      .join('')
      .trim(),
  );

  // Times over many hours, often on an hour's first millisecond (the search walks hours).
  const hourMs = 3_600_000;
  const atHour = fc.oneof(
    fc.integer({ min: 0, max: 30 * hourMs }),
    fc.nat(30).map((h) => h * hourMs),
    fc.nat(30).map((h) => h * hourMs - 1),
  );

  it('on random corpora and queries, both orders of reading hits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), atHour), { nil: null })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(
          fc.tuple(text, fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1e6 }), atHour), fc.nat(5)),
          { maxLength: 40 },
        ),
        fc.array(fc.tuple(word, fc.nat(4)), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0, 3, 1500),
        // Common words: hours walked newest first, stopping early or falling back to the exact
        // key sets after a few.
        fc.constantFrom(1, 2, 3, 256),
        // The last hour's newest: all its hits read, or picked through the time index.
        fc.constantFrom(0, 100),
        async (talkSpecs, noteSpecs, queryParts, limit, readAllHitsUpTo, hoursAtMost, readHourUpTo) => {
          const db = fresh();
          const talks = talkSpecs.map(([title, start], i) =>
            makeTalk({ id: `t${i}`, title, startAt: start, clippedAt: 1000 + (i % 2) }),
          );
          await db.talks.bulkAdd(talks);
          await db.notes.bulkAdd(
            noteSpecs.map(([t, at, talk], i) =>
              makeNote({
                id: `n${String(i).padStart(2, '0')}`,
                talkId: `t${talk % talks.length}`,
                text: t,
                createdAt: at,
              }),
            ),
          );
          // A query word is a prefix of a corpus-like word (at least its "q").
          const query = queryParts.map(([w, cut]) => w.slice(0, Math.max(1, w.length - cut))).join(' ');
          const expected = await oldFullScan(db, query, limit);
          const got = await searchAll(db, query, limit, { readAllHitsUpTo, hoursAtMost, readHourUpTo });
          // The newest hits are the same; a total said to be a lower bound lies between them.
          const { totalTalks, totalNotes, ...shown } = ids(got);
          const { totalTalks: allTalks, totalNotes: allNotes, ...expectedShown } = expected;
          expect(shown).toEqual(expectedShown);
          if (got.talksAtLeast) expect(totalTalks).toBeGreaterThanOrEqual(limit);
          if (got.talksAtLeast) expect(totalTalks).toBeLessThanOrEqual(allTalks);
          else expect(totalTalks).toBe(allTalks);
          if (got.notesAtLeast) expect(totalNotes).toBeGreaterThanOrEqual(limit);
          if (got.notesAtLeast) expect(totalNotes).toBeLessThanOrEqual(allNotes);
          else expect(totalNotes).toBe(allNotes);
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
