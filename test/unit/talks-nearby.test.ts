import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import type { Talk } from '../../lib/model';
import { chooseNowAndNext, currentTalkId, talkProgress } from '../../lib/notes';
import { NEARBY_VALID_MS, nearbyTalks } from '../../lib/talks/nearby';
import { makeTalk } from './notes/factories';

const MIN = 60_000;
const DAY0 = Date.UTC(2026, 4, 12, 13);

const talk = (i: number, startAt: number | null, endAt: number | null, room: string | null): Talk =>
  makeTalk({
    id: `t${String(i).padStart(4, '0')}`,
    key: `k${i}`,
    title: `Talk ${i % 7}`,
    startAt,
    endAt,
    timeZone: 'America/New_York',
    url: `https://conf.example/${i}`,
    room,
    clippedAt: i,
    updatedAt: 0,
  });

/** Three conference days of talks in four rooms, some without an end, a few without a start, one all-day workshop. */
function library(seed: number): Talk[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const talks: Talk[] = [];
  for (let i = 0; i < 240; i++) {
    const day = Math.floor(rand() * 3) * 24 * 60 * MIN;
    const start = DAY0 + day + Math.floor(rand() * 40) * 15 * MIN;
    const end = rand() < 0.3 ? null : start + (20 + Math.floor(rand() * 4) * 10) * MIN;
    talks.push(talk(i, rand() < 0.03 ? null : start, end, rand() < 0.1 ? null : `Room ${Math.floor(rand() * 4)}`));
  }
  talks.push(talk(999, DAY0 - 2 * MIN, DAY0 + 20 * 60 * MIN, 'Workshop hall'));
  return talks;
}

let db: TalkmarkDB;
let all: Talk[];
beforeAll(async () => {
  db = new TalkmarkDB(`nearby-${crypto.randomUUID()}`);
  all = library(7);
  await db.talks.bulkAdd(all);
});
afterAll(() => db.delete());

describe('nearbyTalks', () => {
  it('reads far fewer rows than the library and counts every talk', async () => {
    const { talks, total } = await nearbyTalks(db, null, DAY0 + 3 * 60 * MIN);
    expect(total).toBe(all.length);
    expect(talks.length).toBeLessThan(all.length / 2);
  });

  it('chooses the same current talk, next talk and progress as the whole library, at any instant and pick, for an hour after the read', async () => {
    const instants = fc.integer({ min: DAY0 - 26 * 60 * MIN, max: DAY0 + 4 * 24 * 60 * MIN });
    await fc.assert(
      fc.asyncProperty(
        instants,
        fc.option(fc.nat(all.length - 1)),
        fc.integer({ min: -3 * 60, max: 60 }),
        fc.integer({ min: 0, max: NEARBY_VALID_MS }),
        async (now, pickIndex, pickedMinutesAgo, readAgo) => {
          const pick =
            pickIndex === null ? { id: null, at: null } : { id: all[pickIndex]!.id, at: now - pickedMinutesAgo * MIN };
          // The panel reads once an hour: the answer read up to an hour ago must still hold now.
          const { talks } = await nearbyTalks(db, pick.id, now - readAgo);
          const expected = currentTalkId(all, pick, now);
          expect(currentTalkId(talks, pick, now)).toBe(expected);
          expect(chooseNowAndNext(talks, now).next?.id).toBe(chooseNowAndNext(all, now).next?.id);
          const shown = all.find((t) => t.id === expected);
          if (shown) expect(talkProgress(shown, now, talks)).toEqual(talkProgress(shown, now, all));
          if (pick.id) expect(talks.some((t) => t.id === pick.id)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds nothing but the count in an empty library', async () => {
    const empty = new TalkmarkDB(`nearby-empty-${crypto.randomUUID()}`);
    expect(await nearbyTalks(empty, null, DAY0)).toEqual({ talks: [], total: 0 });
    await empty.delete();
  });
});
