import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNoteOffset, offsetIntoTalk } from '../../../lib/notes/offsets';
import { wallTimeToInstant } from '../../../lib/time/zones';

describe('offsetIntoTalk', () => {
  it('is the signed distance from the start, or null without a start', () => {
    expect(offsetIntoTalk({ startAt: 1_000_000 }, 1_000_000 + 754_000)).toBe(754_000);
    expect(offsetIntoTalk({ startAt: 1_000_000 }, 1_000_000 - 5_000)).toBe(-5_000);
    expect(offsetIntoTalk({ startAt: null }, 1_000_000)).toBeNull();
  });

  it('counts real elapsed time across a DST change (Los Angeles, 2025-11-02)', () => {
    // 01:30 PDT to 01:30 PST reads as the same wall time but is an hour later.
    const start = wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/Los_Angeles');
    expect(start).toBe(Date.UTC(2025, 10, 2, 8, 30)); // the first 01:30, still PDT (UTC−7)
    const secondOneThirty = Date.UTC(2025, 10, 2, 9, 30); // 01:30 again, now PST (UTC−8)
    expect(offsetIntoTalk({ startAt: start }, secondOneThirty)).toBe(3_600_000);
  });
});

describe('formatNoteOffset', () => {
  it.each([
    [0, '0:00'],
    [5_999, '0:05'],
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
    [36_000_000, '10:00:00'],
    [-125_000, '-2:05'],
    [-400, '0:00'],
  ])('%d ms → %s', (ms, text) => expect(formatNoteOffset(ms)).toBe(text));

  it('rejects non-finite input', () => {
    expect(() => formatNoteOffset(Number.NaN)).toThrow(RangeError);
  });

  it('property: the label reads back to the whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -360_000_000, max: 360_000_000 }), (ms) => {
        const text = formatNoteOffset(ms);
        const negative = text.startsWith('-');
        const parts = text.replace('-', '').split(':').map(Number);
        const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
        expect(seconds).toBe(Math.floor(Math.abs(ms) / 1000));
        expect(negative).toBe(ms <= -1000);
      }),
    );
  });
});
