/**
 * Where the engine has Temporal, zone offsets come from it (no Intl.DateTimeFormat to build:
 * the first one of a page costs tens of ms); where it refuses a name or is absent, from Intl.
 * Node 20 has no Temporal, so a stand-in records the calls; test/e2e/zone-offsets.spec.ts holds
 * the real Temporal to Intl in Chromium.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wallTimeToInstant, zoneOffsetMinutes } from '../../../lib/time/zones';

const HOUR = 3_600_000;
type Global = { Temporal?: unknown };

/** A Temporal stand-in: offsets from a table, or a RangeError as Temporal throws for an unknown name. */
function fakeTemporal(offsetOf: (zone: string, at: number) => number) {
  const calls: string[] = [];
  return {
    calls,
    Instant: {
      fromEpochMilliseconds: (at: number) => ({
        toZonedDateTimeISO: (zone: string) => {
          calls.push(zone);
          return { offsetNanoseconds: offsetOf(zone, at) * 60e9 };
        },
      }),
    },
  };
}

afterEach(() => {
  delete (globalThis as Global).Temporal;
});

describe('zone offsets from Temporal', () => {
  it('asks Temporal when the engine has it', () => {
    // +05:45 for a zone Intl would say is UTC−3: the answer shows who was asked. Years no other
    // test asks (2071–2072), so the memo holds nothing for them yet.
    const temporal = fakeTemporal(() => 345);
    (globalThis as Global).Temporal = temporal;
    expect(zoneOffsetMinutes('America/Sao_Paulo', Date.UTC(2071, 2, 3, 12))).toBe(345);
    expect(temporal.calls).toContain('America/Sao_Paulo');
    expect(wallTimeToInstant({ year: 2072, month: 1, day: 1, hour: 10, minute: 0 }, 'America/Sao_Paulo')).toBe(
      Date.UTC(2072, 0, 1, 10) - 345 * 60_000,
    );
  });

  it('falls back to Intl when Temporal refuses the name, and when there is no Temporal', () => {
    const temporal = fakeTemporal(() => {
      throw new RangeError('Invalid time zone');
    });
    (globalThis as Global).Temporal = temporal;
    expect(zoneOffsetMinutes('Asia/Kathmandu', Date.UTC(2073, 5, 1, 12))).toBe(345);
    expect(temporal.calls.length).toBeGreaterThan(0);
    delete (globalThis as Global).Temporal;
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2074, 6, 1, 12))).toBe(120);
  });

  it('still throws for a name neither knows', () => {
    (globalThis as Global).Temporal = fakeTemporal(() => {
      throw new RangeError('Invalid time zone');
    });
    expect(() => zoneOffsetMinutes('Mars/Olympus_Mons', Date.UTC(2075, 0, 1) + HOUR)).toThrow(RangeError);
  });

  it('rounds an offset in seconds as the Intl path does (local mean time)', () => {
    // Amsterdam's LMT, +00:19:32: 19.53 minutes → 20, as Intl's wall clock minus the instant gives.
    const spy = vi.fn(() => ({ offsetNanoseconds: (19 * 60 + 32) * 1e9 }));
    (globalThis as Global).Temporal = { Instant: { fromEpochMilliseconds: () => ({ toZonedDateTimeISO: spy }) } };
    expect(zoneOffsetMinutes('Europe/Amsterdam', Date.UTC(2076, 0, 1))).toBe(20);
    expect(spy).toHaveBeenCalled();
  });
});
