import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../../lib/notes/conflicts';
import type { TimedTalk } from '../../../lib/notes/spans';
import { timedTalk } from './factories';

describe('findConflicts', () => {
  it('finds overlapping talks, not back-to-back ones', () => {
    const day = [
      timedTalk('a', '09:00', '10:00'),
      timedTalk('b', '09:30', '10:30'),
      timedTalk('c', '10:00', '10:30'),
      timedTalk('d', '11:00', '11:30'),
      timedTalk('none', null, null),
    ];
    const { pairs, ids } = findConflicts(day);
    expect(pairs).toEqual([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    expect([...ids].sort()).toEqual(['a', 'b', 'c']);
  });

  it('counts a talk without an end by its estimated span', () => {
    const day = [timedTalk('open', '09:00', null, { room: 'R1' }), timedTalk('x', '09:20', '09:40', { room: 'R2' })];
    expect(findConflicts(day).pairs).toEqual([['open', 'x']]);
    // In the same room the next talk ends the open one: no conflict.
    const sameRoom = [
      timedTalk('open', '09:00', null, { room: 'R1' }),
      timedTalk('x', '09:20', '09:40', { room: 'R1' }),
    ];
    expect(findConflicts(sameRoom).pairs).toEqual([]);
  });

  it('compares instants, so the same wall time in different zones does not clash', () => {
    const la = timedTalk('la', '10:00', '11:00');
    const berlin = timedTalk('berlin', '10:00', '11:00', { timeZone: 'Europe/Berlin' }, '2025-09-09', 'Europe/Berlin');
    const berlinAtLaTime = timedTalk(
      'b2',
      '19:30',
      '20:30',
      { timeZone: 'Europe/Berlin' },
      '2025-09-09',
      'Europe/Berlin',
    );
    expect(findConflicts([la, berlin, berlinAtLaTime]).pairs).toEqual([['la', 'b2']]);
  });

  it('handles a talk across the DST change', () => {
    // 01:00–01:59 PDT and a 01:15 PST talk: the second 01:15 comes after the first talk ends.
    const first: TimedTalk = {
      id: 'pdt',
      title: 'pdt',
      room: null,
      startAt: Date.UTC(2025, 10, 2, 8),
      endAt: Date.UTC(2025, 10, 2, 8, 59),
    };
    const second: TimedTalk = {
      id: 'pst',
      title: 'pst',
      room: null,
      startAt: Date.UTC(2025, 10, 2, 9, 15),
      endAt: Date.UTC(2025, 10, 2, 9, 45),
    };
    expect(findConflicts([first, second]).pairs).toEqual([]);
  });

  it('ignores a repeated id', () => {
    const a = timedTalk('a', '09:00', '10:00');
    expect(findConflicts([a, a]).pairs).toEqual([]);
  });

  it('property: agrees with a brute-force overlap check for talks with ends', () => {
    const talkArb = fc.record({ start: fc.integer({ min: 0, max: 500 }), len: fc.integer({ min: 1, max: 120 }) });
    fc.assert(
      fc.property(fc.array(talkArb, { maxLength: 25 }), (raw) => {
        const talks: TimedTalk[] = raw.map((r, i) => ({
          id: `t${i}`,
          title: `t${i}`,
          room: null,
          startAt: r.start * 60_000,
          endAt: (r.start + r.len) * 60_000,
        }));
        const expected = new Set<string>();
        for (const x of talks)
          for (const y of talks) {
            if (x !== y && x.startAt! < y.endAt! && y.startAt! < x.endAt!) expected.add([x.id, y.id].sort().join('|'));
          }
        const got = new Set(findConflicts(talks).pairs.map((p) => [...p].sort().join('|')));
        expect(got).toEqual(expected);
      }),
    );
  });
});
