/** Indico (issue 15): contribution pages, the timetable and event JSON exports, its iCalendar export. */
import { describe, expect, it } from 'vitest';
import { extractTalks, parseFeedText, parseIcs } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/indico/${name}`);
const CONTRIBUTION = 'https://indico.example.org/event/1234/contributions/5678/';

describe('Indico contribution page', () => {
  const read = (html = fixture('contribution.html'), options = {}) =>
    extractTalks(loadDocument(html, CONTRIBUTION), CONTRIBUTION, options);

  it('reads title, time in the zone the page names, room, type, track and session', () => {
    const r = read();
    expect(r).toMatchObject({ source: 'indico', warnings: [] });
    expect(r.talks[0]).toMatchObject({
      title: 'Machine Learning for Jet Tagging',
      externalId: '1234/5678',
      url: CONTRIBUTION,
      start: '2026-03-17T09:30:00+01:00',
      end: null,
      timeZone: 'Europe/Zurich',
      room: '500/1-001 - Main Auditorium',
      tracks: ['Plenary talk', 'Data Analysis', 'Tuesday Morning'],
      conference: {
        key: 'https://indico.example.org/event/1234/',
        name: 'International Workshop on Detector Physics 2026',
        timeZone: 'Europe/Zurich',
      },
    });
  });

  it('reads speakers with their affiliation as company, then the other authors, each once', () => {
    expect(read().talks[0]!.speakers.map((s) => [s.name, s.company, s.group])).toEqual([
      ['Marie Curie', 'CERN', null],
      ['Pierre Auger', 'Université Paris-Saclay', 'Authors'],
    ]);
  });

  it('reads the description (markup-looking words kept as text) and the material', () => {
    const t = read().talks[0]!;
    expect(t.description).toBe('Graph networks for \\<b>-jets and beyond.');
    expect(t.files).toEqual([
      {
        name: 'jet-tagging.pdf',
        url: 'https://indico.example.org/event/1234/contributions/5678/attachments/1/2/jet-tagging.pdf',
      },
    ]);
  });

  it('leaves the time empty and asks for the zone when the page names none; uses the conference’s zone when known', () => {
    const html = fixture('contribution.html').replace('var eventSettings = {"timezone": "Europe/Zurich"};', '');
    const r = read(html);
    expect(r.talks[0]!.start).toBeNull();
    expect(r.warnings).toEqual([expect.stringMatching(/does not name its time zone: the time was left empty/)]);
    expect(read(html, { timeZone: 'Europe/Zurich' }).talks[0]!.start).toBe('2026-03-17T09:30:00+01:00');
  });

  it('says when a contribution is not scheduled', () => {
    const r = read(fixture('contribution.html').replace('17 Mar 2026, 09:30', 'Not scheduled'));
    expect(r.talks[0]!.start).toBeNull();
    expect(r.warnings).toEqual(['This contribution is not scheduled yet.']);
  });
});

describe('Indico timetable page (drawn by a script)', () => {
  it('points at the timetable and event exports', () => {
    const url = 'https://indico.example.org/event/1234/timetable/';
    const html =
      '<html><head><title>Timetable · International Workshop on Detector Physics 2026 · Indico</title></head><body><div id="timetable"></div></body></html>';
    const r = extractTalks(loadDocument(html, url), url);
    expect(r).toMatchObject({ talks: [], source: 'indico' });
    expect(r.warnings[0]).toContain('https://indico.example.org/export/timetable/1234.json');
  });
});

describe('Indico JSON exports', () => {
  it('reads the timetable export: contributions inside sessions, breaks left out, wall times in their zone', () => {
    const r = parseFeedText(fixture('timetable.json'), 'https://indico.example.org/export/timetable/1234.json');
    expect(r).toMatchObject({ source: 'indico', warnings: [] });
    expect(r.talks.map((t) => [t.title, t.start, t.end, t.externalId])).toEqual([
      ['Machine Learning for Jet Tagging', '2026-03-17T09:30:00+01:00', '2026-03-17T10:00:00+01:00', '1234/5678'],
      ['Closing Remarks', '2026-03-17T17:45:00+01:00', '2026-03-17T18:00:00+01:00', '1234/5679'],
    ]);
    expect(r.talks[0]).toMatchObject({
      url: CONTRIBUTION,
      timeZone: 'Europe/Zurich',
      room: '500/1-001 - Main Auditorium',
      tracks: ['Tuesday Morning'],
      description: 'Graph networks for \\<Jets>.',
    });
    expect(r.talks[0]!.speakers.map((s) => [s.name, s.company])).toEqual([['Marie Curie', 'CERN']]);
    expect(r.talks[1]!.url).toBe('https://indico.example.org/event/1234/contributions/5679/');
  });

  it('reads the event export with contributions, names "Last, First" turned round, unscheduled ones said', () => {
    const r = parseFeedText(
      fixture('event-contributions.json'),
      'https://indico.example.org/export/event/1234.json?detail=contributions',
    );
    expect(r.talks[0]).toMatchObject({
      title: 'Machine Learning for Jet Tagging',
      externalId: '1234/5678',
      start: '2026-03-17T09:30:00+01:00',
      end: '2026-03-17T10:00:00+01:00',
      tracks: ['Data Analysis', 'Plenary talk', 'Tuesday Morning'],
      description: 'Graph networks.',
      conference: {
        key: 'https://indico.example.org/event/1234/',
        name: 'International Workshop on Detector Physics 2026',
      },
    });
    expect(r.talks[0]!.speakers[0]).toMatchObject({ name: 'Marie Curie', company: 'CERN' });
    expect(r.talks[1]).toMatchObject({ title: 'Poster: Silicon Trackers', start: null });
    expect(r.warnings).toEqual([
      'The time of 1 contribution could not be read (not scheduled, or no time zone given).',
    ]);
  });
});

describe('Indico iCalendar export', () => {
  it('reads speakers from the description and keys the talk as its page does', () => {
    const r = parseIcs(fixture('event.ics'), 'https://indico.example.org/export/event/1234.ics?detail=contributions');
    expect(r.talks[0]).toMatchObject({
      source: 'indico',
      externalId: '1234/5678',
      url: CONTRIBUTION,
      start: '2026-03-17T08:30:00Z',
    });
    expect(r.talks[0]!.speakers.map((s) => [s.name, s.company])).toEqual([['Marie Curie', 'CERN']]);
    // UTC only: the venue's zone is not known from the feed, and the reader says so.
    expect(r.warnings.join(' ')).toMatch(/time zone is unknown/);
  });
});
