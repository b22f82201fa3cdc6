import { describe, expect, it } from 'vitest';
import {
  instantToIso,
  offsetBetween,
  parsePrintedDate,
  parseTimeRange,
  printedOffsetMinutes,
  resolveTimeZone,
  wallTimeToIso,
  zoneFromCityName,
} from '../../../lib/time/parse';

describe('parseTimeRange', () => {
  it('reads Sched’s 12-hour form with a zone', () => {
    expect(parseTimeRange('Wednesday April 22, 2026  9:30am - 11:30am EDT')).toEqual({
      startDate: { year: 2026, month: 4, day: 22 },
      start: { hour: 9, minute: 30 },
      endDate: { year: 2026, month: 4, day: 22 },
      end: { hour: 11, minute: 30 },
      zone: 'EDT',
    });
  });

  it('reads the 24-hour form', () => {
    expect(parseTimeRange('Monday March 23, 2026 14:05 - 14:30 CET')).toMatchObject({
      startDate: { year: 2026, month: 3, day: 23 },
      start: { hour: 14, minute: 5 },
      end: { hour: 14, minute: 30 },
      zone: 'CET',
    });
  });

  it('finds a zone glued to the time', () => {
    expect(parseTimeRange('Monday March 23, 2026 14:05 - 14:30CET')?.zone).toBe('CET');
    expect(parseTimeRange('Monday March 23, 2026 2:05pm-2:30pmCEST')).toMatchObject({
      start: { hour: 14, minute: 5 },
      end: { hour: 14, minute: 30 },
      zone: 'CEST',
    });
  });

  it('takes the end date a session crossing midnight repeats', () => {
    expect(parseTimeRange('Thursday July 5, 2018 23:00 - Friday July 6, 2018 01:00 CEST')).toMatchObject({
      startDate: { year: 2018, month: 7, day: 5 },
      endDate: { year: 2018, month: 7, day: 6 },
      end: { hour: 1, minute: 0 },
    });
    // Without the repeated date the end still lands on the next day.
    expect(parseTimeRange('Friday October 10, 2025 11:00pm - 1:00am PDT')).toMatchObject({
      endDate: { year: 2025, month: 10, day: 11 },
      end: { hour: 1, minute: 0 },
    });
    expect(parseTimeRange('Thursday July 5, 2018 08:00 - Friday July 6, 2018 00:00')?.endDate).toEqual({
      year: 2018,
      month: 7,
      day: 6,
    });
  });

  it('shares am/pm across a range and reads a.m./p.m.', () => {
    expect(parseTimeRange('Oct 22, 2017 9:30 - 11:30am')).toMatchObject({ start: { hour: 9 }, end: { hour: 11 } });
    expect(parseTimeRange('Oct 22, 2017 11:00 - 1:00pm')).toMatchObject({ start: { hour: 11 }, end: { hour: 13 } });
    expect(parseTimeRange('Dec. 14, 2020, 9 a.m.–9:30 a.m. (Europe/Berlin), Gray Room')).toMatchObject({
      startDate: { year: 2020, month: 12, day: 14 },
      start: { hour: 9, minute: 0 },
      end: { hour: 9, minute: 30 },
      zone: 'Europe/Berlin',
    });
    expect(parseTimeRange('12:00pm - 12:30pm')).toMatchObject({
      start: { hour: 12 },
      end: { hour: 12, minute: 30 },
      startDate: null,
    });
  });

  it('reads list headings, day-first and numeric dates, durations and offsets', () => {
    expect(parseTimeRange(' 8:00am EDT')).toMatchObject({ start: { hour: 8, minute: 0 }, end: null, zone: 'EDT' });
    expect(parseTimeRange('Saturday, 20 April 2024, 09:00–09:45')).toMatchObject({
      startDate: { year: 2024, month: 4, day: 20 },
      end: { hour: 9, minute: 45 },
    });
    expect(parseTimeRange('14.12.2020 09:00–09:30')?.startDate).toEqual({ year: 2020, month: 12, day: 14 });
    expect(parseTimeRange('12/14/2020 9:00 a.m.')?.startDate).toEqual({ year: 2020, month: 12, day: 14 });
    expect(parseTimeRange('8:00 am → 90 min')).toMatchObject({ start: { hour: 8 }, end: { hour: 9, minute: 30 } });
    expect(parseTimeRange('Sat 20 Apr 10:00 - 10:45 UTC+8')?.zone).toBe('UTC+8');
    expect(parseTimeRange('Tuesday, September 9 • 9:30am - 10:00am', { year: 2025 })?.startDate).toEqual({
      year: 2025,
      month: 9,
      day: 9,
    });
  });

  it('returns null without a time of day', () => {
    expect(parseTimeRange('Sunday, October 22')).toBeNull();
    expect(parseTimeRange('')).toBeNull();
  });
});

describe('parsePrintedDate / printedOffsetMinutes / offsetBetween', () => {
  it('reads dates and offsets', () => {
    expect(parsePrintedDate('Sunday, October 22', 2017)).toEqual({ year: 2017, month: 10, day: 22 });
    expect(parsePrintedDate('2017-10-22')).toEqual({ year: 2017, month: 10, day: 22 });
    expect(parsePrintedDate('February 30, 2024')).toBeNull();
    expect(printedOffsetMinutes('UTC+8')).toBe(480);
    expect(printedOffsetMinutes('GMT-05:30')).toBe(-330);
    expect(printedOffsetMinutes('+0100')).toBe(60);
    expect(printedOffsetMinutes('UTC')).toBe(0);
    expect(printedOffsetMinutes('CET')).toBeNull();
    expect(offsetBetween({ year: 2017, month: 10, day: 22, hour: 8, minute: 0 }, Date.UTC(2017, 9, 22, 12))).toBe(-240);
  });
});

describe('resolveTimeZone', () => {
  const oct2017 = Date.UTC(2017, 9, 22, 12);
  const mar2026 = Date.UTC(2026, 2, 23, 13);

  it('picks the usual zone of an unambiguous abbreviation', () => {
    expect(resolveTimeZone({ printed: ['EDT'], dates: [oct2017] }).timeZone).toBe('America/New_York');
    expect(resolveTimeZone({ printed: ['PDT'] }).timeZone).toBe('America/Los_Angeles');
    expect(resolveTimeZone({ printed: ['CET'], dates: [mar2026] }).timeZone).toBe('Europe/Berlin');
  });

  it('agrees with offsets seen elsewhere (list EDT + ICS UTC)', () => {
    const r = resolveTimeZone({ printed: ['EDT'], observed: [{ at: oct2017, offsetMinutes: -240 }] });
    expect(r).toEqual({ timeZone: 'America/New_York', offsetMinutes: null, problem: null });
  });

  it('resolves an ambiguous CST through the offsets the site states', () => {
    const at = Date.UTC(2025, 10, 5, 2);
    expect(resolveTimeZone({ printed: ['CST'], observed: [{ at, offsetMinutes: 480 }] }).timeZone).toBe(
      'Asia/Shanghai',
    );
    expect(
      resolveTimeZone({ printed: ['CST'], observed: [{ at: Date.UTC(2025, 0, 5), offsetMinutes: -360 }] }).timeZone,
    ).toBeNull();
    expect(
      resolveTimeZone({
        printed: ['CST'],
        observed: [{ at: Date.UTC(2025, 0, 5), offsetMinutes: -360 }],
        place: 'Austin, Texas',
      }).timeZone,
    ).toBe('America/Chicago');
    expect(resolveTimeZone({ printed: ['CST'], dates: [at], place: 'Shanghai, China' }).timeZone).toBe('Asia/Shanghai');
  });

  it('names no zone from an ambiguous abbreviation alone, and says why', () => {
    const r = resolveTimeZone({ printed: ['CST'], dates: [Date.UTC(2025, 10, 5, 2)] });
    expect(r.timeZone).toBeNull();
    expect(r.offsetMinutes).toBeNull();
    expect(r.problem).toMatch(/CST.*several time zones/);
  });

  it('keeps a certain offset when no zone can be named', () => {
    expect(resolveTimeZone({ observed: [{ at: mar2026, offsetMinutes: 60 }] })).toMatchObject({
      timeZone: null,
      offsetMinutes: 60,
    });
    expect(resolveTimeZone({ printed: ['UTC+8'] })).toMatchObject({ timeZone: null, offsetMinutes: 480 });
    expect(resolveTimeZone({}).problem).toMatch(/does not say/);
    expect(resolveTimeZone({ printed: ['XYZT'] }).problem).toMatch(/not one Talkmark knows/);
  });

  it('trusts a known or printed IANA zone only when it fits the stated offsets', () => {
    expect(
      resolveTimeZone({ known: 'Europe/Vienna', observed: [{ at: Date.UTC(2024, 3, 20, 7), offsetMinutes: 120 }] })
        .timeZone,
    ).toBe('Europe/Vienna');
    expect(resolveTimeZone({ printed: ['Europe/Berlin'] }).timeZone).toBe('Europe/Berlin');
    const wrong = resolveTimeZone({
      known: 'UTC',
      printed: [],
      observed: [{ at: Date.UTC(2020, 11, 14, 8), offsetMinutes: 60 }],
    });
    expect(wrong).toMatchObject({ timeZone: null, offsetMinutes: 60 });
  });

  it('rejects an abbreviation that does not fit its dates (EST printed in July)', () => {
    expect(resolveTimeZone({ printed: ['EST'], dates: [Date.UTC(2025, 6, 10, 15)] }).timeZone).toBeNull();
    expect(resolveTimeZone({ printed: ['MST'], dates: [Date.UTC(2025, 6, 10, 15)] }).timeZone).toBe('America/Phoenix');
  });
});

describe('writing resolved times', () => {
  it('writes wall times and instants with the zone or fixed offset', () => {
    const wall = { year: 2026, month: 3, day: 23, hour: 14, minute: 5 };
    expect(wallTimeToIso(wall, { timeZone: 'Europe/Berlin', offsetMinutes: null })).toBe('2026-03-23T14:05:00+01:00');
    expect(wallTimeToIso(wall, { timeZone: null, offsetMinutes: 480 })).toBe('2026-03-23T14:05:00+08:00');
    expect(wallTimeToIso(wall, { timeZone: null, offsetMinutes: null })).toBeNull();
    expect(instantToIso(Date.UTC(2017, 9, 22, 12), { timeZone: null, offsetMinutes: null })).toBe(
      '2017-10-22T12:00:00Z',
    );
  });

  it('finds a zone from a city name', () => {
    expect(zoneFromCityName('Vienna')).toBe('Europe/Vienna');
    expect(zoneFromCityName('New York')).toBe('America/New_York');
    expect(zoneFromCityName('Atlantis')).toBeNull();
  });
});

describe('bare offsets and place names (from review)', () => {
  it('reads a bare "+08" only right after the time, never a floor, a duration, a language or a phone', async () => {
    expect(parseTimeRange('Tuesday May 5, 2026 10:00 - 11:00 +08')?.zone).toBe('+08');
    expect(parseTimeRange('Tuesday May 5, 2026 10:00 – 11:00 CEST · Room 1.01, Level -01')?.zone).toBe('CEST');
    expect(parseTimeRange('Tuesday May 5, 2026 9:30am +10 min')).toMatchObject({
      zone: null,
      end: { hour: 9, minute: 40 },
    });
    expect(parseTimeRange('Tuesday May 5, 2026 10:00 - 11:00 CET C++17')?.zone).toBe('CET');
    expect(parseTimeRange('Tuesday May 5, 2026 10:00 - 11:00 call +49 30 1234')?.zone).toBeNull();
    expect(parseTimeRange('Tuesday May 5, 2026 10:00 - 11:00 +15')?.zone).toBeNull(); // no zone is 15 hours off
  });

  it('takes a venue city’s zone only when its country lies in that zone’s area', async () => {
    const { zoneFromAddress } = await import('../../../lib/time/places');
    expect(zoneFromAddress('Vienna', 'AT', zoneFromCityName)).toBe('Europe/Vienna');
    expect(zoneFromAddress('Perth', 'Scotland', zoneFromCityName)).toBeNull();
    expect(zoneFromAddress('Vienna', null, zoneFromCityName)).toBeNull();
    expect(zoneFromAddress('Melbourne', 'Florida', zoneFromCityName)).toBeNull();
    expect(zoneFromAddress('Perth', 'Australia', zoneFromCityName)).toBe('Australia/Perth');
  });
});
