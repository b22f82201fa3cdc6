import { describe, expect, it } from 'vitest';
import { commonZoneAbbreviation, EN_US_NAMES } from '../../../lib/time/zone-abbreviation';
import { zoneOffsetMinutes } from '../../../lib/time/zones';

const winter = Date.UTC(2025, 0, 15, 12);
const summer = Date.UTC(2025, 6, 15, 12);

describe('commonZoneAbbreviation', () => {
  it.each([
    ['America/Los_Angeles', 'PST', 'PDT'],
    ['America/New_York', 'EST', 'EDT'],
    ['Europe/Berlin', 'CET', 'CEST'],
    ['Europe/Amsterdam', 'CET', 'CEST'],
    ['Europe/London', 'GMT', 'BST'],
    ['Europe/Dublin', 'GMT', 'IST'],
    ['Europe/Lisbon', 'WET', 'WEST'],
    ['Europe/Helsinki', 'EET', 'EEST'],
    ['Asia/Tokyo', 'JST', 'JST'],
    ['Asia/Seoul', 'KST', 'KST'],
    ['Asia/Kolkata', 'IST', 'IST'],
    ['Asia/Singapore', 'SGT', 'SGT'],
    ['Australia/Sydney', 'AEDT', 'AEST'],
    ['Pacific/Auckland', 'NZDT', 'NZST'],
    ['Africa/Johannesburg', 'SAST', 'SAST'],
    ['America/Sao_Paulo', 'BRT', 'BRT'],
    ['Asia/Jerusalem', 'IST', 'IDT'],
  ])('%s: %s in January, %s in July', (zone, january, july) => {
    expect(commonZoneAbbreviation(winter, zone)).toBe(january);
    expect(commonZoneAbbreviation(summer, zone)).toBe(july);
  });

  it('switches on the DST dates themselves (Europe: last Sunday of March, 01:00 UTC)', () => {
    expect(commonZoneAbbreviation(Date.UTC(2025, 2, 30, 0, 59), 'Europe/Paris')).toBe('CET');
    expect(commonZoneAbbreviation(Date.UTC(2025, 2, 30, 1, 0), 'Europe/Paris')).toBe('CEST');
    // US: second Sunday of March, 2:00 local (10:00 UTC in Los Angeles).
    expect(commonZoneAbbreviation(Date.UTC(2025, 2, 9, 9, 59), 'America/Los_Angeles')).toBe('PST');
    expect(commonZoneAbbreviation(Date.UTC(2025, 2, 9, 10, 0), 'America/Los_Angeles')).toBe('PDT');
  });

  it('prints an offset where no common abbreviation exists', () => {
    expect(commonZoneAbbreviation(summer, 'Asia/Kathmandu')).toBe('GMT+5:45');
    expect(commonZoneAbbreviation(summer, 'Etc/GMT-3')).toBe('GMT+3');
    expect(commonZoneAbbreviation(summer, 'UTC')).toBe('UTC');
  });

  it('prints the offset, not a name, when a table zone had another offset in history', () => {
    // Moscow was UTC+4 all year from 2011 to 2014: MSK then meant +4, which the table does not claim.
    expect(commonZoneAbbreviation(Date.UTC(2013, 0, 15), 'Europe/Moscow')).toBe('GMT+4');
    expect(commonZoneAbbreviation(Date.UTC(2025, 0, 15), 'Europe/Moscow')).toBe('MSK');
  });

  it('gives a garbage zone back as written instead of throwing', () => {
    expect(commonZoneAbbreviation(summer, 'Not/AZone')).toBe('Not/AZone');
  });
});

describe('EN_US_NAMES (the table that spares the first Intl formatter)', () => {
  it('holds what Intl en-US prints for each zone, every 55 hours (each hour of the day in turn) from 2007 to 2040', () => {
    const intl = new Map<string, Intl.DateTimeFormat>();
    const name = (at: number, zone: string) => {
      let f = intl.get(zone);
      if (!f) intl.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })));
      return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    };
    for (const [zone, names] of Object.entries(EN_US_NAMES)) {
      const seen = new Set<string>();
      for (let at = Date.UTC(2007, 0, 1); at < Date.UTC(2040, 0, 1); at += 55 * 3_600_000) {
        const offset = String(zoneOffsetMinutes(zone, at));
        expect(names[offset], `${zone} at ${new Date(at).toISOString()} (offset ${offset})`).toBe(name(at, zone));
        expect(commonZoneAbbreviation(at, zone)).toBe(names[offset]);
        seen.add(offset);
      }
      expect([...seen].sort(), zone).toEqual(Object.keys(names).sort());
    }
  });
});
