/**
 * pretalx as real events print it (issue 15): month-day slots without a year, the no-JavaScript
 * schedule, the iCalendar export's "Title - Speakers" summaries, "[Organisation]" after names and
 * legacy zone names.
 */
import { describe, expect, it } from 'vitest';
import { extractTalks, parseIcs } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/schedule/${name}`);

describe('pretalx talk page with a month-day slot ("03-19, 16:00–16:25 (US/Eastern), Room 2")', () => {
  const url = 'https://pretalx.example.net/nbps26/talk/RX7KQP/';
  const read = (html: string) => extractTalks(loadDocument(html, url), url);

  it('takes the year from the event’s name in the page title, and the canonical zone', () => {
    const r = read(
      fixture('pretalx-talk-monthday.html').replace(
        ':: NorthBay Python Summit</title>',
        ':: NorthBay Python Summit 2026</title>',
      ),
    );
    expect(r.warnings).toEqual([]);
    expect(r.talks[0]).toMatchObject({
      title: 'Packaging Python in 2019 and Beyond',
      start: '2026-03-19T16:00:00-04:00',
      end: '2026-03-19T16:25:00-04:00',
      timeZone: 'America/New_York',
      room: 'Room 2',
    });
    expect(r.talks[0]!.conference?.timeZone).toBe('America/New_York');
  });

  it('takes the year from the event header, or from the event’s export links', () => {
    const header = read(
      fixture('pretalx-talk-monthday.html').replace(
        '<h1>NorthBay Python Summit</h1>',
        '<h1>NorthBay Python Summit</h1><span class="dates">March 18 – 20, 2026</span>',
      ),
    );
    expect(header.talks[0]!.start).toBe('2026-03-19T16:00:00-04:00');
    const links = read(
      fixture('pretalx-talk-monthday.html').replace(
        /nbps26\/talk\/RX7KQP\.ics/,
        'nbps26/schedule/export/nbps-2027.ics',
      ),
    );
    expect(links.talks[0]!.start).toBe('2027-03-19T16:00:00-04:00');
  });

  it('says exactly that no year exists, and invents none (not the talk title’s, not the footer’s)', () => {
    const r = read(fixture('pretalx-talk-monthday.html'));
    expect(r.talks[0]).toMatchObject({ start: null, end: null, timeZone: 'America/New_York', room: 'Room 2' });
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^The session’s date is printed without a year \(“03-19”\) and nothing on the page names the event’s year/,
      ),
    ]);
  });

  it('reads an "[Organisation]" after a speaker’s name as the company', () => {
    const r = read(fixture('pretalx-talk-monthday.html'));
    expect(r.talks[0]!.speakers).toEqual([
      {
        name: 'Grace Hopper',
        role: null,
        company: 'Python Software Foundation',
        roleCompanyRaw: 'Python Software Foundation',
        group: null,
        profileUrl: 'https://pretalx.example.net/nbps26/speaker/AB12CD/',
        avatarUrl: null,
      },
    ]);
  });
});

describe('pretalx /schedule/nojs (the schedule without JavaScript)', () => {
  const url = 'https://pretalx.example.net/fns26/schedule/nojs';
  const result = extractTalks(loadDocument(fixture('pretalx-nojs.html'), url), url);

  it('reads every session under its day, breaks left out, as a pretalx list', () => {
    expect(result.source).toBe('pretalx');
    expect(result.talks.map((t) => [t.externalId, t.title, t.url])).toEqual([
      ['KEY001', 'Opening Keynote: Twenty Years of Free Software', 'https://pretalx.example.net/fns26/talk/KEY001/'],
      ['RST002', 'Rust in the Kernel', 'https://pretalx.example.net/fns26/talk/RST002/'],
      ['WEB003', 'Accessible Web Components', 'https://pretalx.example.net/fns26/talk/WEB003/'],
      ['LATE04', 'Midnight Hack Session', 'https://pretalx.example.net/fns26/talk/LATE04/'],
    ]);
  });

  it('computes start and end from the day, the time and the duration, past midnight too', () => {
    expect(result.talks.map((t) => [t.start, t.end])).toEqual([
      ['2026-03-30T09:00:00+02:00', '2026-03-30T09:45:00+02:00'],
      ['2026-03-30T10:00:00+02:00', '2026-03-30T10:30:00+02:00'],
      ['2026-03-30T10:00:00+02:00', '2026-03-30T10:30:00+02:00'],
      ['2026-03-31T23:30:00+02:00', '2026-04-01T00:30:00+02:00'],
    ]);
  });

  it('keeps the offset and asks for the zone, which this view does not name', () => {
    expect(result.talks.every((t) => t.timeZone === null)).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/only UTC offsets, not the event’s time zone/)]);
    const zoned = extractTalks(loadDocument(fixture('pretalx-nojs.html'), url), url, { timeZone: 'Europe/Stockholm' });
    expect(zoned.warnings).toEqual([]);
    expect(zoned.talks[0]).toMatchObject({ start: '2026-03-30T09:00:00+02:00', timeZone: 'Europe/Stockholm' });
  });

  it('reads rooms, tracks and speakers, organisations as companies', () => {
    const [keynote, rust] = result.talks;
    expect(keynote).toMatchObject({
      room: 'Main Hall',
      tracks: ['Keynotes'],
      conference: { key: 'https://pretalx.example.net/fns26/', name: 'FOSS North Summit 2026' },
    });
    expect(keynote!.speakers.map((s) => [s.name, s.company])).toEqual([
      ['Ada Lovelace', 'Analytical Engines Ltd'],
      ['Bob Builder', null],
    ]);
    expect(rust).toMatchObject({ room: 'Room B', tracks: ['Systems'] });
  });

  it('points a script-drawn schedule page at the no-JavaScript view', () => {
    const page = 'https://pretalx.example.net/fns26/schedule/';
    const r = extractTalks(
      loadDocument(
        '<html><head><meta name="generator" content="pretalx"></head><body><div id="app"></div></body></html>',
        page,
      ),
      page,
    );
    expect(r.warnings[0]).toContain('https://pretalx.example.net/fns26/schedule/nojs');
  });
});

describe('pretalx iCalendar export (PRODID -//pretalx//…)', () => {
  const feedUrl = 'https://pretalx.example.net/fns26/schedule/export/schedule.ics';
  const result = parseIcs(fixture('pretalx-schedule.ics'), feedUrl);

  it('splits "Title - Speaker, Speaker" into the title and its speakers, with no dangling " -"', () => {
    expect(result.talks.map((t) => [t.title, t.speakers.map((s) => s.name)])).toEqual([
      ['Opening Keynote: Twenty Years of Free Software', ['Ada Lovelace', 'Bob Builder']],
      ['Lightning Talks', []],
      ['Build - Test - Ship: CI for Embedded', ['Mo Chen']],
    ]);
    expect(result.talks[0]!.speakers[0]!.company).toBe('Analytical Engines Ltd');
  });

  it('keys talks as pretalx pages do (code, talk URL, event URL), in the event’s zone', () => {
    expect(result.talks[0]).toMatchObject({
      source: 'pretalx',
      externalId: 'KEY001',
      url: 'https://pretalx.example.net/fns26/talk/KEY001/',
      start: '2026-03-30T09:00:00+02:00',
      end: '2026-03-30T09:45:00+02:00',
      timeZone: 'Europe/Stockholm',
      room: 'Main Hall',
      conference: { key: 'https://pretalx.example.net/fns26/', url: 'https://pretalx.example.net/fns26/' },
    });
  });

  it('does not split other feeds’ summaries', () => {
    const other = parseIcs(
      fixture('pretalx-schedule.ics').replace('PRODID:-//pretalx//', 'PRODID:-//Other//'),
      feedUrl,
    );
    expect(other.talks[0]!.title).toBe(
      'Opening Keynote: Twenty Years of Free Software - Ada Lovelace [Analytical Engines Ltd], Bob Builder',
    );
    expect(other.talks[0]!.source).toBe('ics');
  });
});
