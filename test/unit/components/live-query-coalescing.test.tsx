import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useLiveQuery } from '../../../components/useLiveQuery';
import type { TalkmarkDB } from '../../../lib/db/schema';
import { setPulling } from '../../../lib/sync/activity';
import { makeNote, makeTalk } from '../notes/factories';
import { testDb } from './harness';

const talk = makeTalk({ id: 'talk-1' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function Count({ db, reads }: { db: TalkmarkDB; reads: { n: number } }) {
  const count = useLiveQuery(() => db.notes.where('talkId').equals(talk.id).count(), []);
  reads.n++; // renders
  return <p>{count.status === 'ready' ? `${count.value} notes` : 'loading'}</p>;
}

/** `batches` transactions of 10 notes each, `gap` ms apart, as a sync pull writes them. */
async function pull(db: TalkmarkDB, batches: number, gap: number) {
  for (let b = 0; b < batches; b++) {
    await db.notes.bulkAdd(
      Array.from({ length: 10 }, (_, i) => makeNote({ id: `n-${b}-${i}`, talkId: talk.id, createdAt: b * 10 + i })),
    );
    await sleep(gap);
  }
}

/** A database with the talk, and the counting view on screen showing it has no notes. */
async function counting() {
  const db = testDb();
  await db.talks.add(talk);
  const reads = { n: 0 };
  render(<Count db={db} reads={reads} />);
  await screen.findByText('0 notes');
  return { db, reads };
}

afterEach(() => setPulling('test', false));

describe('useLiveQuery while a sync pull runs', () => {
  it('renders once per refresh period instead of once per replicated batch, and still shows the last batch', async () => {
    const { db, reads } = await counting();
    setPulling('test', true);
    const before = reads.n;
    await pull(db, 30, 15);
    // 30 batches over ~450 ms or more: a view following each would have rendered ~30 times.
    expect(reads.n - before).toBeLessThan(12);
    // The last batch is on screen within a second, with the pull still running.
    await screen.findByText('300 notes', {}, { timeout: 1000 });
  });

  it('shows one replicated note within a second while the pull goes on', async () => {
    const { db } = await counting();
    setPulling('test', true);
    await pull(db, 3, 0); // a change delivered: the query now re-reads on the refresh period
    await db.notes.add(makeNote({ id: 'late', talkId: talk.id, createdAt: 999 }));
    await screen.findByText('31 notes', {}, { timeout: 1000 });
  });

  it('follows every change at once when no pull runs', async () => {
    const { db } = await counting();
    await db.notes.add(makeNote({ id: 'a', talkId: talk.id }));
    await screen.findByText('1 notes', {}, { timeout: 200 });
    await db.notes.add(makeNote({ id: 'b', talkId: talk.id }));
    await screen.findByText('2 notes', {}, { timeout: 200 });
  });
});
