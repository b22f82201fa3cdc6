import { describe, expect, it } from 'vitest';
import { talkTimeLabel, venueZone } from '../../../lib/time/display';

const talk = {
  start: '2025-09-09T09:30:00-07:00',
  end: '2025-09-09T10:00:00-07:00',
  startAt: Date.UTC(2025, 8, 9, 16, 30),
  endAt: Date.UTC(2025, 8, 9, 17),
  timeZone: 'America/Los_Angeles',
};

describe('talkTimeLabel', () => {
  it('shows only the venue clock to a viewer at the venue', () => {
    expect(talkTimeLabel(talk, 'America/Los_Angeles', 'en-US')).toEqual({
      day: 'Tuesday, September 9, 2025',
      venue: '9:30 – 10:00 AM PDT',
      viewer: null,
    });
  });

  it('shows both clocks, and the date change, to a viewer elsewhere', () => {
    const label = talkTimeLabel(talk, 'Asia/Tokyo', 'en-US');
    expect(label?.venue).toBe('9:30 – 10:00 AM PDT');
    expect(label?.viewer).toBe('1:30 – 2:00 AM JST (next day)');
  });

  it('names a European venue’s zone as its schedule does (CEST), not GMT+2', () => {
    const berlin = {
      start: '2025-09-16T09:00:00+02:00',
      end: '2025-09-16T09:45:00+02:00',
      startAt: Date.UTC(2025, 8, 16, 7),
      endAt: Date.UTC(2025, 8, 16, 7, 45),
      timeZone: 'Europe/Berlin',
    };
    expect(talkTimeLabel(berlin, 'America/Los_Angeles', 'en-US')).toEqual({
      day: 'Tuesday, September 16, 2025',
      venue: '9:00 – 9:45 AM CEST',
      viewer: '12:00 – 12:45 AM PDT',
    });
    // In winter, CET; a zone with no common name keeps its offset.
    expect(
      talkTimeLabel({ ...berlin, startAt: Date.UTC(2025, 11, 2, 8), endAt: null }, 'Europe/Berlin', 'en-US')?.venue,
    ).toBe('9:00 AM CET');
    expect(talkTimeLabel({ ...berlin, timeZone: 'Asia/Kathmandu' }, 'Asia/Kathmandu', 'en-US')?.venue).toBe(
      '12:45 – 1:30 PM GMT+5:45',
    );
  });

  it('falls back to the offset the page wrote when the zone is unknown', () => {
    expect(venueZone({ start: '2026-03-23T14:05:00+01:00', timeZone: null })).toBe('Etc/GMT-1');
    expect(talkTimeLabel({ ...talk, timeZone: null }, 'America/Los_Angeles', 'en-US')?.viewer).toBeNull();
  });

  it('has no label for a talk without a time', () => {
    expect(talkTimeLabel({ ...talk, start: null, startAt: null }, 'UTC')).toBeNull();
  });
});
