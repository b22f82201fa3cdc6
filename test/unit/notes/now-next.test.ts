import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseNowAndNext, talkProgress } from '../../../lib/notes/now-next';
import { DEFAULT_TALK_DURATION_MS, talkSpans } from '../../../lib/notes/spans';
import { at, makeTalk, timedTalk } from './factories';

const LA = 'America/Los_Angeles';
const la = (time: string, date = '2025-09-09') => at(date, time, LA);
const ids = (r: { now: { id: string } | null; next: { id: string } | null }) => ({
  now: r.now?.id ?? null,
  next: r.next?.id ?? null,
});

describe('chooseNowAndNext', () => {
  const agenda = [
    timedTalk('keynote', '09:00', '09:45', { room: 'Hall A' }),
    timedTalk('a', '10:00', '10:30', { room: 'Room 1' }),
    timedTalk('b', '10:15', '11:00', { room: 'Room 2' }),
    timedTalk('lunch', '12:00', '13:00', { room: 'Hall A' }),
    timedTalk('undated', null, null),
  ];

  it('picks the running talk and the next one', () => {
    expect(ids(chooseNowAndNext(agenda, la('09:10')))).toEqual({ now: 'keynote', next: 'a' });
    expect(ids(chooseNowAndNext(agenda, la('08:00')))).toEqual({ now: null, next: 'keynote' });
    expect(ids(chooseNowAndNext(agenda, la('09:50')))).toEqual({ now: null, next: 'a' });
    expect(ids(chooseNowAndNext(agenda, la('13:30')))).toEqual({ now: null, next: null });
  });

  it('start is inclusive and end exclusive', () => {
    expect(ids(chooseNowAndNext(agenda, la('09:00'))).now).toBe('keynote');
    expect(ids(chooseNowAndNext(agenda, la('09:45'))).now).toBeNull();
  });

  it('among overlapping talks prefers the one started last, or the one the user picked', () => {
    expect(ids(chooseNowAndNext(agenda, la('10:20')))).toEqual({ now: 'b', next: 'lunch' });
    expect(ids(chooseNowAndNext(agenda, la('10:20'), { preferredId: 'a' }))).toEqual({ now: 'a', next: 'lunch' });
    // A preference for a talk that is not running is ignored.
    expect(ids(chooseNowAndNext(agenda, la('10:20'), { preferredId: 'lunch' })).now).toBe('b');
  });

  it('never chooses a talk without a time', () => {
    expect(chooseNowAndNext([timedTalk('undated', null, null)], la('10:00'))).toEqual({ now: null, next: null });
  });

  it('without an end assumes the default duration, cut at the next talk in the same room', () => {
    const talks = [
      timedTalk('open', '10:00', null, { room: 'Room 1' }),
      timedTalk('other-room', '10:10', '10:50', { room: 'Room 2' }),
    ];
    expect(ids(chooseNowAndNext(talks, la('10:25'), { preferredId: 'open' })).now).toBe('open');
    expect(ids(chooseNowAndNext(talks, la('10:31'), { preferredId: 'open' })).now).toBe('other-room');
    const sameRoom = [
      timedTalk('open', '10:00', null, { room: 'Room 1' }),
      timedTalk('then', '10:20', null, { room: 'room 1 ' }),
    ];
    expect(ids(chooseNowAndNext(sameRoom, la('10:19'))).now).toBe('open');
    expect(ids(chooseNowAndNext(sameRoom, la('10:20'))).now).toBe('then');
    expect(ids(chooseNowAndNext(sameRoom, la('10:50'))).now).toBeNull();
  });

  it('treats an end that is not after the start as missing', () => {
    const [span] = talkSpans([timedTalk('bad', '10:00', '09:00')]);
    expect(span).toMatchObject({ end: la('10:00') + DEFAULT_TALK_DURATION_MS, estimated: true });
  });

  it('honours a custom default duration', () => {
    const talks = [timedTalk('open', '10:00', null)];
    expect(chooseNowAndNext(talks, la('10:40'), { defaultDurationMs: 45 * 60_000 }).now?.id).toBe('open');
    expect(chooseNowAndNext(talks, la('10:40')).now).toBeNull();
  });

  describe('time zones', () => {
    let savedTz: string | undefined;
    beforeEach(() => {
      savedTz = process.env.TZ;
      process.env.TZ = 'Europe/Berlin';
    });
    afterEach(() => {
      process.env.TZ = savedTz;
    });

    it('chooses Los Angeles talks by instant for a viewer in Berlin', () => {
      // 09:30 in Los Angeles is 18:30 in Berlin: the Berlin wall clock never matches the venue's.
      const talks = [timedTalk('sf', '09:30', '10:00'), timedTalk('later', '11:00', '11:30')];
      const berlinEvening = at('2025-09-09', '18:45', 'Europe/Berlin');
      expect(ids(chooseNowAndNext(talks, berlinEvening))).toEqual({ now: 'sf', next: 'later' });
      // 09:45 Berlin time is night in Los Angeles: nothing runs, the first talk is next.
      expect(ids(chooseNowAndNext(talks, at('2025-09-09', '09:45', 'Europe/Berlin')))).toEqual({
        now: null,
        next: 'sf',
      });
    });

    // DST edges are written as UTC instants on purpose: the test must not trust a wall-time helper.
    it('works across the fall-back night in Los Angeles (2025-11-02)', () => {
      // 01:00 PDT (08:00Z) to 02:30 PST (10:30Z): 2.5 real hours because 01:00–02:00 happens twice.
      const night = makeTalk({ id: 'night', startAt: Date.UTC(2025, 10, 2, 8), endAt: Date.UTC(2025, 10, 2, 10, 30) });
      const secondOneThirty = Date.UTC(2025, 10, 2, 9, 30); // 01:30 PST, the repeated reading
      expect(chooseNowAndNext([night], secondOneThirty).now?.id).toBe('night');
      expect(talkProgress(night, secondOneThirty)).toMatchObject({ elapsedMs: 90 * 60_000, durationMs: 150 * 60_000 });
    });

    it('works across the spring-forward night in Berlin', () => {
      // 01:30 CET (00:30Z) to 03:30 CEST (01:30Z): 02:00 jumps to 03:00, so it lasts one hour.
      const talk = makeTalk({
        id: 'berlin',
        timeZone: 'Europe/Berlin',
        startAt: Date.UTC(2025, 2, 30, 0, 30),
        endAt: Date.UTC(2025, 2, 30, 1, 30),
      });
      const threeOClock = Date.UTC(2025, 2, 30, 1); // 03:00 CEST
      expect(talkProgress(talk, threeOClock)).toMatchObject({
        elapsedMs: 30 * 60_000,
        durationMs: 60 * 60_000,
        fraction: 0.5,
      });
      expect(chooseNowAndNext([talk], threeOClock).now?.id).toBe('berlin');
    });
  });
});

describe('talkProgress', () => {
  it('reports elapsed, remaining and a clamped fraction', () => {
    const t = timedTalk('t', '10:00', '10:40');
    expect(talkProgress(t, la('10:10'))).toEqual({
      elapsedMs: 600_000,
      durationMs: 2_400_000,
      remainingMs: 1_800_000,
      fraction: 0.25,
      endEstimated: false,
    });
    expect(talkProgress(t, la('09:50'))).toMatchObject({ elapsedMs: -600_000, fraction: 0 });
    expect(talkProgress(t, la('11:00'))).toMatchObject({ remainingMs: -1_200_000, fraction: 1 });
  });

  it('estimates a missing end from the agenda', () => {
    const open = timedTalk('open', '10:00', null, { room: 'R' });
    const next = timedTalk('next', '10:20', '11:00', { room: 'R' });
    expect(talkProgress(open, la('10:10'), [open, next])).toMatchObject({
      durationMs: 20 * 60_000,
      endEstimated: true,
    });
    expect(talkProgress(open, la('10:10'))).toMatchObject({ durationMs: DEFAULT_TALK_DURATION_MS, endEstimated: true });
  });

  it('is null for a talk without a start', () => {
    expect(talkProgress(timedTalk('x', null, null), la('10:00'))).toBeNull();
  });
});
