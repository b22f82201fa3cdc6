import { describe, expect, it } from 'vitest';
import { currentTalkId } from '../../../lib/notes/current-talk';

const MIN = 60_000;
const talk = (id: string, start: number, minutes: number) => ({
  id,
  title: id,
  room: id,
  startAt: start,
  endAt: start + minutes * MIN,
});
const t0 = Date.UTC(2025, 8, 9, 18);
const talks = [talk('a', t0, 40), talk('b', t0 + 45 * MIN, 40), talk('c', t0 + 90 * MIN, 40)];

describe('currentTalkId', () => {
  it('follows the schedule without a pick', () => {
    expect(currentTalkId(talks, { id: null, at: null }, t0 + 10 * MIN)).toBe('a');
    expect(currentTalkId(talks, { id: null, at: null }, t0 + 50 * MIN)).toBe('b');
  });

  it('keeps a pick while no talk has started since', () => {
    // Picked b at 10 min into a: notes go to b (the user is preparing questions, say).
    expect(currentTalkId(talks, { id: 'b', at: t0 + 10 * MIN }, t0 + 20 * MIN)).toBe('b');
    expect(currentTalkId(talks, { id: 'b', at: t0 + 10 * MIN }, t0 + 60 * MIN)).toBe('b');
  });

  it('lets the schedule take over once a talk starts after the pick', () => {
    expect(currentTalkId(talks, { id: 'b', at: t0 + 10 * MIN }, t0 + 95 * MIN)).toBe('c');
    // A past talk picked for review stays until the next talk starts.
    expect(currentTalkId(talks, { id: 'a', at: t0 + 100 * MIN }, t0 + 110 * MIN)).toBe('a');
  });

  it('ignores a pick whose talk was deleted', () => {
    expect(currentTalkId(talks, { id: 'gone', at: t0 }, t0 + 50 * MIN)).toBe('b');
  });
});
