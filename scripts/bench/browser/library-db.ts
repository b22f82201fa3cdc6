/**
 * Browser side of the library benchmarks (rows 7 and 8): the product's own TalkmarkDB (Dexie, real
 * IndexedDB in a plain page, search words written by its middleware) holding the panel's library,
 * then a search and a 200-talk day export, timed as the user meets them.
 */
import { TalkmarkDB } from '../../../lib/db/schema';
import { loadRecapInput } from '../../../lib/export/recap-input';
import { SEARCH_DEBOUNCE_MS, searchAll } from '../../../lib/notes/search';
import { renderRecap } from '../../../lib/recap';
import { panelData, SEED } from '../fixtures';

let db: TalkmarkDB | null = null;
let conferenceId: string | null = null;

/** Adds one panel library (same generator as rows 2–3) through Dexie; not timed as a figure. */
export async function seed(size: 'small' | 'large') {
  db ??= new TalkmarkDB(`bench-library-${Date.now()}`);
  const data = size === 'small' ? panelData() : panelData({ talks: 4500, notes: 90_000, seed: SEED + 7 });
  const t0 = performance.now();
  // One conference (its key is unique): the large library's talks join the first's, as in row 2.
  conferenceId ??= data.conference.id;
  for (const t of data.talks) t.conferenceId = conferenceId;
  await db.transaction('rw', db.conferences, db.talks, db.notes, async () => {
    if (size === 'small') await db!.conferences.put(data.conference);
    await db!.talks.bulkPut(data.talks);
    await db!.notes.bulkPut(data.notes);
  });
  return { seconds: (performance.now() - t0) / 1000, talks: await db.talks.count(), notes: await db.notes.count() };
}

/**
 * What a person types, word by word: the figure for each is the search alone, and the time from
 * the last keystroke to results on screen adds the box's debounce.
 */
export const QUERIES = ['latency', 'kube', 'cache warm', 'r', 'deploy canary rollout', 'zzzz'];

export async function search(query: string) {
  db!.close();
  await db!.open(); // a fresh connection: nothing cached from the last query
  const t0 = performance.now();
  const r = await searchAll(db!, query);
  const ms = performance.now() - t0;
  return { ms, toResults: ms + SEARCH_DEBOUNCE_MS, notes: r.totalNotes, talks: r.totalTalks };
}

/** A 200-talk day post: read its notes, highlights, conference (days) and render it. */
export async function exportDay() {
  const all = await db!.talks.orderBy('startAt').toArray();
  const firstDay = new Date(all[0]!.startAt!).toISOString().slice(0, 10);
  const day = all.filter((t) => new Date(t.startAt!).toISOString().slice(0, 10) === firstDay).slice(0, 200);
  db!.close();
  await db!.open();
  const t0 = performance.now();
  const input = await loadRecapInput(db!, day);
  const read = performance.now() - t0;
  const out = renderRecap(input, { preset: 'narrative' });
  const ms = performance.now() - t0;
  return { ms, read, talks: day.length, notes: input.notes.length, ok: out.ok };
}
