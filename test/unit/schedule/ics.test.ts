import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../../lib/schedule';

const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('parseIcs', () => {
  it('unfolds lines, unescapes text and reads categories', () => {
    const r = parseIcs(
      calendar(
        'BEGIN:VEVENT',
        'UID:x-1@conf.example',
        'DTSTART:20260323T130500Z',
        'DTEND:20260323T133000Z',
        'SUMMARY:A long title that is folded',
        ' across two lines',
        'DESCRIPTION:One\\, two\\; three\\nNext line',
        'CATEGORIES:Security,Supply Chain',
        'LOCATION:Hall A',
        'URL:https://conf.example/talks/1',
        'END:VEVENT',
      ),
    );
    expect(r.talks[0]).toMatchObject({
      title: 'A long title that is foldedacross two lines',
      externalId: 'x-1@conf.example',
      url: 'https://conf.example/talks/1',
      start: '2026-03-23T13:05:00Z',
      end: '2026-03-23T13:30:00Z',
      room: 'Hall A',
      tracks: ['Security', 'Supply Chain'],
      description: 'One, two; three\nNext line',
      timeZone: null,
    });
  });

  it('reads zoned times through TZID, a stated calendar zone, and DURATION', () => {
    const r = parseIcs(
      calendar(
        'X-WR-TIMEZONE:Europe/Berlin',
        'BEGIN:VEVENT',
        'UID:a',
        'DTSTART;TZID=Europe/Berlin:20260323T140500',
        'DURATION:PT25M',
        'SUMMARY:Zoned',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:b',
        'DTSTART:20260323T150000',
        'DTEND:20260323T154000',
        'SUMMARY:Floating',
        'END:VEVENT',
      ),
    );
    expect(r.talks.map((t) => [t.start, t.end, t.timeZone])).toEqual([
      ['2026-03-23T14:05:00+01:00', '2026-03-23T14:30:00+01:00', 'Europe/Berlin'],
      ['2026-03-23T15:00:00+01:00', '2026-03-23T15:40:00+01:00', 'Europe/Berlin'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('maps a custom TZID through its VTIMEZONE’s X-LIC-LOCATION', () => {
    const r = parseIcs(
      calendar(
        'BEGIN:VTIMEZONE',
        'TZID:Eastern Standard Time',
        'X-LIC-LOCATION:America/New_York',
        'BEGIN:STANDARD',
        'TZNAME:EST',
        'TZOFFSETTO:-0500',
        'END:STANDARD',
        'END:VTIMEZONE',
        'BEGIN:VEVENT',
        'UID:a',
        'DTSTART;TZID="Eastern Standard Time":20251105T140000',
        'SUMMARY:East',
        'END:VEVENT',
      ),
    );
    expect(r.talks[0]).toMatchObject({ start: '2025-11-05T14:00:00-05:00', timeZone: 'America/New_York' });
  });

  it('leaves unknown zones, floating times without a zone and all-day events without a time, and says so', () => {
    const r = parseIcs(
      calendar(
        'BEGIN:VEVENT',
        'UID:a',
        'DTSTART;TZID=Mars Standard:20260323T140500',
        'SUMMARY:Mars',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:b',
        'DTSTART;VALUE=DATE:20260323',
        'SUMMARY:All day',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:c',
        'DTSTART:20260323T150000',
        'SUMMARY:Floating',
        'END:VEVENT',
      ),
    );
    expect(r.talks.map((t) => t.start)).toEqual([null, null, null]);
    expect(r.warnings.join(' ')).toMatch(/does not define/);
    expect(r.warnings.join(' ')).toMatch(/2 events could not be read/);
    expect(r.warnings.join(' ')).toMatch(/times of 1 event without a time zone and names none/);
  });

  it('uses the caller’s zone for floating times, and rejects what is not a calendar', () => {
    const r = parseIcs(
      calendar('BEGIN:VEVENT', 'UID:c', 'DTSTART:20260323T150000', 'SUMMARY:Floating', 'END:VEVENT'),
      undefined,
      { timeZone: 'Asia/Tokyo' },
    );
    expect(r.talks[0]).toMatchObject({ start: '2026-03-23T15:00:00+09:00', timeZone: 'Asia/Tokyo', url: '' });
    expect(parseIcs('hello').warnings).toEqual(['This is not an iCalendar feed.']);
    expect(parseIcs(calendar()).warnings).toEqual(['This calendar has no events.']);
  });

  it('never throws on a caller’s bad feed address', () => {
    const r = parseIcs(
      calendar('BEGIN:VEVENT', 'UID:a', 'DTSTART:20260323T150000Z', 'SUMMARY:S', 'END:VEVENT'),
      'not a url',
    );
    expect(r.talks[0]).toMatchObject({ title: 'S', conference: { key: 'not a url' } });
  });

  it('gives talks without a URL an address inside the feed', () => {
    const r = parseIcs(
      calendar('BEGIN:VEVENT', 'UID:abc 1', 'DTSTART:20260323T150000Z', 'SUMMARY:S', 'END:VEVENT'),
      'https://conf.example/all.ics',
    );
    expect(r.talks[0]!.url).toBe('https://conf.example/all.ics#abc%201');
  });
});
