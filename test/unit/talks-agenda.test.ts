import { describe, expect, it } from 'vitest';
import type { Talk } from '../../lib/model';
import { groupByDay } from '../../lib/talks/agenda';

const talk = (title: string, start: string | null, timeZone: string | null = 'America/Los_Angeles'): Talk => ({
  id: title,
  key: title,
  title,
  start,
  end: null,
  startAt: start ? Date.parse(start) : null,
  endAt: null,
  timeZone,
  source: 'sched',
  url: 'https://x.sched.com/event/1',
  externalId: null,
  room: null,
  tracks: [],
  customFields: {},
  speakers: [],
  descriptionHtml: null,
  description: null,
  files: [],
  videoUrl: null,
  conferenceId: null,
  links: [],
  clippedAt: 0,
  updatedAt: 0,
});

describe('groupByDay', () => {
  it('puts the newest day first, talks in time order, and untimed talks last', () => {
    const groups = groupByDay([
      talk('Day 1 late', '2025-09-08T16:00:00-07:00'),
      talk('Untimed', null),
      talk('Day 2 late', '2025-09-09T17:00:00-07:00'),
      talk('Day 1 early', '2025-09-08T09:00:00-07:00'),
      // 21:00 in San Francisco is already the next day in UTC: it still belongs to the 9th.
      talk('Day 2 evening', '2025-09-09T21:00:00-07:00'),
      talk('Day 2 early', '2025-09-09T09:00:00-07:00'),
    ]);
    expect(groups.map((g) => [g.day, g.talks.map((t) => t.title)])).toEqual([
      ['2025-09-09', ['Day 2 early', 'Day 2 late', 'Day 2 evening']],
      ['2025-09-08', ['Day 1 early', 'Day 1 late']],
      ['', ['Untimed']],
    ]);
  });
});

describe('dayLabel', () => {
  it('reads a day key in the long and short forms, without any zone shifting the date', async () => {
    const { dayLabel } = await import('../../lib/talks/agenda');
    expect(dayLabel('2025-09-09')).toBe('Tuesday, September 9, 2025');
    expect(dayLabel('2025-09-09', 'short')).toBe('Tue, Sep 9, 2025');
    expect(dayLabel('')).toBe('No time given');
  });
});
