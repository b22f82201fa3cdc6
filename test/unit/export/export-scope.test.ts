import { describe, expect, it } from 'vitest';
import { dayKeyLabel, exportDays, settleSelection, talksInScope } from '../../../lib/export/export-scope';
import { makeTalk, START } from '../recap/builders';

const DAY = 86_400_000;
const a = makeTalk({ id: 'a', title: 'A' });
const b = makeTalk({ id: 'b', title: 'B', startAt: START + 3_600_000 });
const c = makeTalk({ id: 'c', title: 'C', start: '2025-09-10T09:30:00-07:00', startAt: START + DAY });
const untimed = makeTalk({ id: 'u', title: 'U', start: null, end: null, startAt: null, endAt: null });
const talks = [c, untimed, b, a];

describe('export days', () => {
  it('labels a day key as people read it, whatever the viewer zone', () => {
    expect(dayKeyLabel('2025-09-09')).toBe('Tue, Sep 9, 2025');
    expect(dayKeyLabel('')).toBe('Talks without a time');
  });

  it('lists the venue days newest first, talks in time order, untimed last', () => {
    expect(exportDays(talks)).toEqual([
      { key: '2025-09-10', label: 'Wed, Sep 10, 2025', talkIds: ['c'] },
      { key: '2025-09-09', label: 'Tue, Sep 9, 2025', talkIds: ['a', 'b'] },
      { key: '', label: 'Talks without a time', talkIds: ['u'] },
    ]);
  });
});

describe('talksInScope', () => {
  const ids = (scope: Parameters<typeof talksInScope>[1]) =>
    talksInScope(talks, scope)
      .map((t) => t.id)
      .sort();

  it('one talk, one day, several days, all', () => {
    expect(ids({ scope: 'talk', talkId: 'b', days: [] })).toEqual(['b']);
    expect(ids({ scope: 'day', talkId: null, days: ['2025-09-09', '2025-09-10'] })).toEqual(['a', 'b']);
    expect(ids({ scope: 'days', talkId: null, days: ['2025-09-09', '2025-09-10'] })).toEqual(['a', 'b', 'c']);
    expect(ids({ scope: 'days', talkId: null, days: [''] })).toEqual(['u']);
    expect(ids({ scope: 'all', talkId: null, days: [] })).toEqual(['a', 'b', 'c', 'u']);
  });

  it('covers nothing for a talk or day that is gone', () => {
    expect(ids({ scope: 'talk', talkId: 'gone', days: [] })).toEqual([]);
    expect(ids({ scope: 'days', talkId: null, days: ['2020-01-01'] })).toEqual([]);
  });
});

describe('settleSelection', () => {
  it('falls back to the first talk and the newest day', () => {
    expect(settleSelection(talks, { scope: 'day', talkId: 'gone', days: ['2020-01-01'] })).toEqual({
      scope: 'day',
      talkId: 'c',
      days: ['2025-09-10'],
    });
  });

  it('keeps known choices, and lets "several days" be empty', () => {
    expect(settleSelection(talks, { scope: 'days', talkId: 'a', days: ['2025-09-09', 'old'] })).toEqual({
      scope: 'days',
      talkId: 'a',
      days: ['2025-09-09'],
    });
    expect(settleSelection(talks, { scope: 'days', talkId: 'a', days: [] }).days).toEqual([]);
  });

  it('copes with no talks at all', () => {
    expect(settleSelection([], { scope: 'talk', talkId: 'x', days: [] })).toEqual({
      scope: 'talk',
      talkId: null,
      days: [],
    });
  });
});
