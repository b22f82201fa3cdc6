/** iCalendar feeds as people hand-make them (issue 15): one UID for many events, odd LOCATIONs, zone hints. */
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../lib/schedule';
import { OWN_FIXTURES, readFixture } from '../helpers';

const feed = readFixture(`${OWN_FIXTURES}/schedule/ics-shared-uid.ics`);
const url = 'https://cruisecon.example.org/schedule.ics';

describe('a feed that reuses one UID for different events', () => {
  const result = parseIcs(feed, url);

  it('keeps every event, each with its own id (UID + start, + title when that repeats too)', () => {
    expect(result.talks.map((t) => t.title)).toEqual([
      'Welcome Aboard',
      'Kubernetes at Sea',
      'Observability Below Deck',
      'Morning Stand-up',
    ]);
    const ids = result.talks.map((t) => t.externalId);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe('cruisecon-2026@example.org@20260512T140000');
    expect(ids[1]).toBe('cruisecon-2026@example.org@20260512T153000#Kubernetes at Sea');
    expect(new Set(result.talks.map((t) => t.url)).size).toBe(4);
  });

  it('reads rooms split on commas, empty parts dropped ("Whole Ship\\,")', () => {
    expect(result.talks.map((t) => t.room)).toEqual(['Whole Ship', 'Deck 5, Lounge', 'Deck 2, Theatre', 'Whole Ship']);
  });

  it('takes the zone from a malformed "VTIMEZONE:" line, canonical, and a vendor-prefixed TZID', () => {
    expect(result.warnings).toEqual([]);
    expect(result.talks[0]).toMatchObject({
      start: '2026-05-12T14:00:00-04:00',
      end: '2026-05-12T15:00:00-04:00',
      timeZone: 'America/New_York',
    });
    expect(result.talks[3]).toMatchObject({
      start: '2026-05-13T09:00:00-04:00',
      end: '2026-05-13T09:45:00-04:00',
      timeZone: 'America/New_York',
    });
    expect(result.talks[0]!.conference).toMatchObject({ name: 'Cruise Con 2026', timeZone: 'America/New_York' });
  });

  it('takes the zone from X-WR-TIMEZONE too, and leaves floating times empty with no hint at all', () => {
    const wr = parseIcs(feed.replace('VTIMEZONE:US/Eastern', 'X-WR-TIMEZONE:US/Pacific'), url);
    expect(wr.talks[0]).toMatchObject({ start: '2026-05-12T14:00:00-07:00', timeZone: 'America/Los_Angeles' });
    // A feed that names one zone anywhere (one TZID) is read in it; with none at all, nothing is invented.
    const one = parseIcs(feed.replace('VTIMEZONE:US/Eastern\r\n', ''), url);
    expect(one.talks[0]).toMatchObject({ start: '2026-05-12T14:00:00-04:00', timeZone: 'America/New_York' });
    const none = parseIcs(
      feed
        .replace('VTIMEZONE:US/Eastern\r\n', '')
        .replace('DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:', 'DTSTART:'),
      url,
    );
    expect(none.talks.map((t) => t.start)).toEqual([null, null, null, null]);
    expect(none.warnings).toEqual([
      'The calendar writes the times of 4 events without a time zone and names none: they were left empty until the conference’s time zone is chosen.',
    ]);
    // The zone chosen for the conference (the popup asks once) reads them.
    const floatingFeed = feed
      .replace('VTIMEZONE:US/Eastern\r\n', '')
      .replace('DTSTART;TZID=/mozilla.org/20050126_1/America/New_York:', 'DTSTART:');
    expect(parseIcs(floatingFeed, url, { timeZone: 'Europe/Lisbon' }).talks[0]).toMatchObject({
      start: '2026-05-12T14:00:00+01:00',
      timeZone: 'Europe/Lisbon',
    });
  });

  it('resolves a TZID that is only an abbreviation through its VTIMEZONE, when it is unambiguous', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'PRODID:-//pretalx//talks.example//old',
      'BEGIN:VTIMEZONE',
      'TZID:CET',
      'BEGIN:STANDARD',
      'TZNAME:CET',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:a',
      'SUMMARY:Talk - Ann',
      'DTSTART;TZID=CET:20261201T100000',
      'DTEND;TZID=CET:20261201T103000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = parseIcs(text, 'https://talks.example/ev/schedule.ics');
    expect(r.talks[0]!.start).toBe('2026-12-01T10:00:00+01:00');
    const cst = parseIcs(text.replace(/CET/g, 'CST'), 'https://talks.example/ev/schedule.ics');
    expect(cst.talks[0]!.start).toBeNull();
    expect(
      parseIcs(text.replace(/CET/g, 'CST'), 'https://talks.example/ev/schedule.ics', { timeZone: 'Asia/Shanghai' })
        .talks[0]!.start,
    ).toBe('2026-12-01T10:00:00+08:00');
  });
});
