import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalTimeZone,
  dayKey,
  isoOffsetMinutes,
  normalizeIsoOffset,
  toIsoInZone,
  wallTimeToInstant,
  zoneOffsetMinutes,
} from '../../../lib/time/zones';

describe('zones', () => {
  it('knows the venue offset across DST', () => {
    expect(zoneOffsetMinutes('America/Los_Angeles', Date.UTC(2025, 8, 9, 16))).toBe(-420);
    expect(zoneOffsetMinutes('America/Los_Angeles', Date.UTC(2025, 11, 9, 16))).toBe(-480);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2025, 0, 1))).toBe(330);
  });

  it('turns a venue wall time into an instant', () => {
    expect(wallTimeToInstant({ year: 2025, month: 9, day: 9, hour: 9, minute: 30 }, 'America/Los_Angeles')).toBe(
      Date.UTC(2025, 8, 9, 16, 30),
    );
    expect(wallTimeToInstant({ year: 2026, month: 3, day: 23, hour: 14, minute: 5 }, 'Europe/Amsterdam')).toBe(
      Date.UTC(2026, 2, 23, 13, 5),
    );
    // 02:30 does not exist on 2025-03-09 in Los Angeles: moved forward by the gap, to 03:30 PDT.
    expect(wallTimeToInstant({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/Los_Angeles')).toBe(
      Date.UTC(2025, 2, 9, 10, 30),
    );
    // 01:30 happens twice on 2025-11-02: the first (PDT) reading.
    expect(wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/Los_Angeles')).toBe(
      Date.UTC(2025, 10, 2, 8, 30),
    );
    // Just after the repeated hour: PST only.
    expect(wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 2, minute: 0 }, 'America/Los_Angeles')).toBe(
      Date.UTC(2025, 10, 2, 10, 0),
    );
    expect(wallTimeToInstant({ year: 2025, month: 11, day: 2, hour: 2, minute: 30 }, 'America/Los_Angeles')).toBe(
      Date.UTC(2025, 10, 2, 10, 30),
    );
    // The night before Berlin springs forward: still CET.
    expect(wallTimeToInstant({ year: 2025, month: 3, day: 30, hour: 1, minute: 30 }, 'Europe/Berlin')).toBe(
      Date.UTC(2025, 2, 30, 0, 30),
    );
    expect(wallTimeToInstant({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(
      Date.UTC(2025, 2, 30, 1, 30),
    );
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

describe('canonicalTimeZone', () => {
  it('spells Area/City names as Intl does, and refuses abbreviations Intl would silently map', () => {
    expect(canonicalTimeZone('europe/vienna')).toBe('Europe/Vienna');
    expect(canonicalTimeZone(' US/Eastern ')).toBe('America/New_York');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    // Intl takes these and answers Asia/Dhaka, America/Panama (no DST), Europe/Brussels…
    for (const abbreviation of ['BST', 'EST', 'CET', 'IST', 'CST', 'EST5EDT'])
      expect(canonicalTimeZone(abbreviation)).toBeNull();
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
  });
});

describe('zoneOffsetMinutes memo', () => {
  // An independent oracle: Intl's own "GMT-07:00" long offset name, not formatToParts arithmetic.
  const oracle = (timeZone: string, at: number): number => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(name)!;
    if (!m[1]) return 0;
    // Offsets with seconds (local mean time, e.g. Monrovia -0:44:30) round as Math.round does.
    return Math.round((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60));
  };
  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'America/St_Johns',
    'Asia/Kolkata',
    'UTC',
    'Africa/Casablanca',
    'America/Santiago',
  ];

  it('agrees with Intl at random instants and around every transition, including half- and quarter-hour zones', () => {
    const every = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones, ...every),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, at) => {
          // The same quarter hour asked twice (cached the second time) and its edges.
          for (const t of [at, at, Math.floor(at / 900_000) * 900_000, Math.floor(at / 900_000) * 900_000 + 899_999]) {
            expect(zoneOffsetMinutes(zone, t)).toBe(oracle(zone, t));
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Minute by minute across 2026's transitions in zones whose changes are not on whole UTC hours.
    const windows: Array<[string, number]> = [
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 14, 0)],
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 0)],
      ['Pacific/Chatham', Date.UTC(2026, 3, 4, 13, 0)],
      ['America/St_Johns', Date.UTC(2026, 2, 8, 5, 0)],
      ['America/New_York', Date.UTC(2026, 10, 1, 5, 0)],
    ];
    for (const [zone, from] of windows) {
      for (let t = from; t < from + 3 * 3_600_000; t += 60_000)
        expect(zoneOffsetMinutes(zone, t)).toBe(oracle(zone, t));
    }
  }, 30_000); // thousands of Intl calls: slow on a busy CI machine
});
