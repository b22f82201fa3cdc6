import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { foldText, foldWithMap, queryTerms } from '../../../lib/notes/fold';
import { searchAll } from '../../../lib/notes/search';
import { makeSnippet } from '../../../lib/notes/snippet';
import { makeNote, makeTalk } from './factories';

const marked = (s: { text: string; marks: Array<[number, number]> }) => s.marks.map(([a, b]) => s.text.slice(a, b));

describe('folding', () => {
  it('ignores case and accents', () => {
    expect(foldText('Café ÖLÇÜ Ångström')).toBe('cafe olcu angstrom');
    expect(foldText('ΟΔΟΣ')).toBe(foldText('οδοσ'));
    expect(queryTerms('  Café  cafe  ')).toEqual(['cafe']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('maps folded positions back to the original text', () => {
    const text = 'Cafe\u0301 déjà vu';
    const { folded, toOriginal } = foldWithMap(text);
    expect(folded).toBe('cafe deja vu');
    const at = folded.indexOf('deja');
    expect(text.slice(toOriginal[at], toOriginal[at + 4])).toBe('déjà');
    expect(toOriginal[folded.length]).toBe(text.length);
  });
});

describe('makeSnippet', () => {
  it('keeps short texts whole and marks every occurrence in the original spelling', () => {
    const s = makeSnippet('Résumé: the resume is RESUMED', ['resume']);
    expect(s.text).toBe('Résumé: the resume is RESUMED');
    expect(marked(s)).toEqual(['Résumé', 'resume', 'RESUME']);
  });

  it('cuts long texts around the first match with ellipses and shifted marks', () => {
    const text = `${'lorem ipsum '.repeat(30)}the needle is here ${'dolor sit '.repeat(30)}`;
    const s = makeSnippet(text, ['needle']);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(162);
    expect(marked(s)).toEqual(['needle']);
  });

  it('collapses whitespace and merges overlapping marks', () => {
    const s = makeSnippet('multi\n\nline   text', ['line', 'ine t']);
    expect(s.text).toBe('multi line text');
    expect(marked(s)).toEqual(['line t']);
  });
});

describe('searchAll', () => {
  let db: TalkmarkDB;
  beforeEach(async () => {
    db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
    await db.talks.bulkAdd([
      makeTalk({
        id: 't1',
        title: 'Scaling Postgres at Zürich Transit',
        room: 'Salle Été',
        startAt: 2000,
        speakers: [
          {
            name: 'Renée Müller',
            role: null,
            company: null,
            roleCompanyRaw: null,
            group: null,
            profileUrl: null,
            avatarUrl: null,
          },
        ],
      }),
      makeTalk({ id: 't2', title: 'Kubernetes for humans', room: 'Room 2', startAt: 1000 }),
    ]);
    await db.notes.bulkAdd([
      makeNote({ id: 'n1', talkId: 't1', text: 'Use partial indexes for the hot queries', createdAt: 10 }),
      makeNote({ id: 'n2', talkId: 't2', text: 'Indexes on labels? Ask about PARTIAL rollouts', createdAt: 20 }),
      makeNote({ id: 'n3', talkId: 't2', text: 'Nothing relevant', createdAt: 30 }),
      makeNote({ id: 'n4', talkId: 'deleted-talk', text: 'Orphan note about indexes, partial', createdAt: 5 }),
    ]);
  });

  it('finds notes containing all terms, newest first, with their talk', async () => {
    const r = await searchAll(db, 'PARTIAL index', 10);
    expect(r.notes.map((h) => h.note.id)).toEqual(['n2', 'n1', 'n4']);
    expect(r.notes[0]!.talk?.id).toBe('t2');
    expect(r.notes[2]!.talk).toBeNull();
    expect(marked(r.notes[1]!.snippet)).toEqual(['partial', 'index']);
    expect(r.totalNotes).toBe(3);
  });

  it('finds talks by title, speaker or room, ignoring accents', async () => {
    expect((await searchAll(db, 'zurich')).talks.map((h) => h.talk.id)).toEqual(['t1']);
    expect((await searchAll(db, 'renee mueller')).talks).toHaveLength(0); // "ü" folds to "u", not "ue"
    expect((await searchAll(db, 'renee muller')).talks.map((h) => h.talk.id)).toEqual(['t1']);
    const byRoom = await searchAll(db, 'salle ete');
    expect(byRoom.talks.map((h) => h.talk.id)).toEqual(['t1']);
    expect(marked(byRoom.talks[0]!.snippet)).toEqual(['Salle', 'Été']);
    // Terms may come from different fields of a talk.
    expect((await searchAll(db, 'postgres renée')).talks).toHaveLength(1);
  });

  it('returns nothing for a blank query or zero limit, and applies the limit per list', async () => {
    expect(await searchAll(db, '   ')).toEqual({ talks: [], notes: [], totalTalks: 0, totalNotes: 0 });
    expect((await searchAll(db, 'partial', 0)).notes).toEqual([]);
    const limited = await searchAll(db, 'partial', 1);
    expect(limited.notes).toHaveLength(1);
    expect(limited.totalNotes).toBe(3);
  });

  it('stays fast with 10,000 notes (timing logged, not asserted)', async () => {
    const words = ['latency', 'cache', 'Kafka', 'café', 'résumé', 'index', 'shard', 'replica', 'queue', 'déjà vu'];
    const notes = Array.from({ length: 10_000 }, (_, i) =>
      makeNote({
        id: `bulk-${i}`,
        talkId: i % 2 ? 't1' : 't2',
        createdAt: 100 + i,
        text: `Note ${i}: ${words[i % words.length]} and ${words[(i * 7) % words.length]} — some longer explanation follows here to make it realistic.`,
      }),
    );
    await db.notes.bulkAdd(notes);
    const started = performance.now();
    const r = await searchAll(db, 'CAFE cache', 20);
    const elapsed = performance.now() - started;
    console.log(`searchAll over ${notes.length + 4} notes: ${elapsed.toFixed(1)} ms, ${r.totalNotes} matches`);
    expect(r.notes).toHaveLength(20);
    expect(r.totalNotes).toBeGreaterThan(0);
    expect(r.notes.every((h) => /café/.test(h.note.text) && /cache/.test(h.note.text))).toBe(true);
  });
});
