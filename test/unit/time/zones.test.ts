import { describe, expect, it } from 'vitest';
import { dayKey, isoOffsetMinutes, normalizeIsoOffset, toIsoInZone, wallTimeToInstant, zoneOffsetMinutes } from '../../../lib/time/zones';

describe('zones', () => {
  it('knows the venue offset across DST', () => {
    expect(zoneOffsetMinutes('America/Los_Angeles', Date.UTC(2025, 8, 9, 16))).toBe(-420);
    expect(zoneOffsetMinutes('America/Los_Angeles', Date.UTC(2025, 11, 9, 16))).toBe(-480);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2025, 0, 1))).toBe(330);
  });

  it('turns a venue wall time into an instant', () => {
    expect(wallTimeToInstant({ year: 2025, month: 9, day: 9, hour: 9, minute: 30 }, 'America/Los_Angeles')).toBe(Date.UTC(2025, 8, 9, 16, 30));
    expect(wallTimeToInstant({ year: 2026, month: 3, day: 23, hour: 14, minute: 5 }, 'Europe/Amsterdam')).toBe(Date.UTC(2026, 2, 23, 13, 5));
    // 02:30 does not exist on 2025-03-09 in Los Angeles: moved forward by the gap, to 03:30 PDT.
    expect(wallTimeToInstant({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/Los_Angeles')).toBe(Date.UTC(2025, 2, 9, 10, 30));
    // 01:30 happens twice on 2025-11-02: the first (PDT) reading.
    expect(wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/Los_Angeles')).toBe(Date.UTC(2025, 10, 2, 8, 30));
    // Just after the repeated hour: PST only.
    expect(wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 2, minute: 0 }, 'America/Los_Angeles')).toBe(Date.UTC(2025, 10, 2, 10, 0));
    expect(wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 2, minute: 30 }, 'America/Los_Angeles')).toBe(Date.UTC(2025, 10, 2, 10, 30));
    // The night before Berlin springs forward: still CET.
    expect(wallTimeToInstant({ year: 2025, month: 3, day: 30, hour: 1, minute: 30 }, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 0, 30));
    expect(wallTimeToInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 1, 30));
  });

  it('writes instants in the venue clock', () => {
    expect(toIsoInZone(Date.UTC(2025, 8, 9, 16, 30), 'America/Los_Angeles')).toBe('2025-09-09T09:30:00-07:00');
    expect(toIsoInZone(Date.UTC(2025, 8, 9, 16, 30), null)).toBe('2025-09-09T16:30:00Z');
    expect(dayKey(Date.UTC(2025, 8, 10, 2), 'America/Los_Angeles')).toBe('2025-09-09');
  });

  it('reads offsets written with and without a colon', () => {
    expect(normalizeIsoOffset('2026-03-23T14:05:00+0100')).toBe('2026-03-23T14:05:00+01:00');
    expect(isoOffsetMinutes('2026-03-23T14:05:00+0100')).toBe(60);
    expect(isoOffsetMinutes('2026-03-23T14:05:00-05:30')).toBe(-330);
    expect(isoOffsetMinutes('2026-03-23T14:05:00Z')).toBe(0);
    expect(isoOffsetMinutes('2026-03-23T14:05:00')).toBeNull();
  });
});
