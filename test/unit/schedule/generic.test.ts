import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/schedule/${name}`);

describe('schema.org Event in JSON-LD', () => {
  const url = 'https://devdays.example.com/2025/talks/designing-calm-apis/';

  it('reads a talk page’s event from @graph, skipping a broken block', () => {
    const result = extractTalks(loadDocument(fixture('jsonld-talk.html'), url), url);
    expect(result.source).toBe('jsonld');
    expect(result.talks).toHaveLength(1);
    expect(result.talks[0]).toMatchObject({
      source: 'jsonld',
      url,
      externalId: 'talk-042',
      title: 'Designing Calm APIs',
      start: '2025-11-05T14:00:00-05:00',
      end: '2025-11-05T14:45:00-05:00',
      timeZone: null,
      room: 'Room 101',
      tracks: ['APIs', 'Design'],
      videoUrl: 'https://vimeo.com/123456789',
      conference: {
        key: 'https://devdays.example.com/2025/',
        name: 'DevDays Boston 2025',
        url: 'https://devdays.example.com/2025/',
      },
    });
    expect(result.talks[0]!.speakers).toEqual([
      {
        name: 'Grace Okafor',
        role: 'Principal Engineer',
        company: 'Calm Corp',
        roleCompanyRaw: null,
        group: null,
        profileUrl: 'https://devdays.example.com/speakers/grace-okafor/',
        avatarUrl: 'https://devdays.example.com/img/grace.jpg',
      },
      {
        name: 'Sam Lee',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: null,
        avatarUrl: null,
      },
    ]);
    expect(result.talks[0]!.description).toBe('APIs that **do not surprise** their callers.');
    expect(result.talks[0]!.descriptionHtml).not.toMatch(/script|alert/);
    // An offset alone never names a zone: many zones share it.
    expect(result.warnings).toEqual([expect.stringMatching(/time zone is not named/)]);
  });

  it('uses a zone the caller knows when it fits the offsets', () => {
    const result = extractTalks(loadDocument(fixture('jsonld-talk.html'), url), url, { timeZone: 'America/New_York' });
    expect(result.talks[0]).toMatchObject({ timeZone: 'America/New_York', start: '2025-11-05T14:00:00-05:00' });
    expect(result.warnings).toEqual([]);
  });

  it('reads sessions nested as subEvents, not the date-only conference', () => {
    const u = 'https://rustfest.example/2026/programme';
    const result = extractTalks(loadDocument(fixture('jsonld-schedule.html'), u), u);
    expect(result.talks.map((t) => [t.title, t.start, t.room])).toEqual([
      ['Ownership in Practice', '2026-06-04T09:30:00+01:00', 'Main Stage'],
      ['Async Without Tears', '2026-06-04T10:30:00+01:00', 'Main Stage'],
      // A time without offset takes the one the page states for its other sessions.
      ['Embedded Rust Workshop', '2026-06-04T14:00:00+01:00', 'Room 2'],
    ]);
    expect(new Set(result.talks.map((t) => t.url)).size).toBe(3);
  });

  it('leaves zone-less times empty when the page states no offset at all', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"Event","name":"Lunch Talk","startDate":"2026-06-04T12:00:00"}</script></head><body></body></html>';
    const result = extractTalks(loadDocument(html, 'https://example.org/lunch'), 'https://example.org/lunch');
    expect(result.talks[0]).toMatchObject({ title: 'Lunch Talk', start: null });
    expect(result.warnings[0]).toMatch(/without a time zone/);
  });

  it('does not take a date-only conference Event for a talk', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"Event","name":"Conf 2026","startDate":"2026-06-04","endDate":"2026-06-05"}</script></head><body></body></html>';
    const result = extractTalks(loadDocument(html, 'https://conf.example/'), 'https://conf.example/');
    expect(result).toMatchObject({ talks: [], source: 'none' });
    expect(result.warnings[0]).toMatch(/dates only/);
  });
});

describe('schema.org Event in microdata', () => {
  it('reads the event’s own properties, not those of nested items', () => {
    const url = 'https://obsconf.example/2025/sessions/observability-on-a-budget';
    const result = extractTalks(loadDocument(fixture('microdata-talk.html'), url), url);
    expect(result.source).toBe('microdata');
    expect(result.talks[0]).toMatchObject({
      source: 'microdata',
      url,
      title: 'Observability on a Budget',
      start: '2025-09-18T11:00:00+02:00',
      end: '2025-09-18T11:40:00+02:00',
      room: 'Auditorium',
      speakers: [
        {
          name: 'Ola Nowak',
          role: 'SRE Lead',
          company: 'Example Sp. z o.o.',
          roleCompanyRaw: null,
          group: null,
          profileUrl: null,
          avatarUrl: null,
        },
      ],
      description: 'Metrics, logs and traces for teams _without_ a platform budget.',
    });
  });
});

describe('OpenGraph, the last resort', () => {
  it('gives a title-only talk at the page address, with a warning', () => {
    const url = 'https://www.youtube.com/watch?v=abc';
    const html =
      '<html><head><meta property="og:title" content="Keynote: The Future of Rust"><meta property="og:url" content="https://www.youtube.com/watch?v=abc"></head><body></body></html>';
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.source).toBe('opengraph');
    expect(result.talks[0]).toMatchObject({
      source: 'opengraph',
      title: 'Keynote: The Future of Rust',
      url,
      start: null,
      end: null,
      speakers: [],
    });
    expect(result.warnings[0]).toMatch(/Only this page’s title/);
  });

  it('is not used on a page a platform reader owns', () => {
    const url = 'https://cnsa2026.sched.com/event/2Aa1/x';
    const html =
      '<html><head><meta property="og:title" content="Cloud Native Summit Schedule"></head><body></body></html>';
    expect(extractTalks(loadDocument(html, url), url)).toMatchObject({ talks: [], source: 'sched' });
  });
});

describe('extractTalks dispatching', () => {
  it('rejects an address that is not a URL', () => {
    expect(extractTalks(loadDocument('<p>x</p>', 'https://example.com/'), 'not a url')).toMatchObject({
      talks: [],
      source: 'none',
    });
  });

  it('reads an .ics page shown as plain text, and says when a feed is broken', () => {
    const ics =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a1\r\nDTSTART:20260323T130500Z\r\nSUMMARY:Hello\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const url = 'https://conf.example/schedule.ics';
    const result = extractTalks(loadDocument(`<pre>${ics}</pre>`, url), url);
    expect(result).toMatchObject({
      source: 'ics',
      talks: [{ title: 'Hello', start: '2026-03-23T13:05:00Z', externalId: 'a1' }],
    });
    const broken = extractTalks(
      loadDocument('<pre>{"schedule": {"conference": </pre>', 'https://conf.example/schedule.json'),
      'https://conf.example/schedule.json',
    );
    expect(broken.talks).toEqual([]);
    expect(broken.warnings[0]).toMatch(/incomplete or broken/);
  });

  it('reads the <pre> of Chrome’s JSON view, next to its empty formatter', () => {
    const url = 'https://sessionize.com/api/v2/abc123xy/view/All';
    const json = JSON.stringify({
      sessions: [{ id: '1', title: 'T', startsAt: '2024-04-20T09:00:00', endsAt: null, speakers: [] }],
    });
    const doc = loadDocument(
      `<html><body><pre>${json}</pre><div class="json-formatter-container"></div></body></html>`,
      url,
    );
    expect(extractTalks(doc, url, { timeZone: 'Europe/Vienna' }).talks[0]).toMatchObject({
      title: 'T',
      start: '2024-04-20T09:00:00+02:00',
    });
  });

  it('never reads the body text of an ordinary page as a feed', () => {
    const html = '<html><body><div><p>{"schedule":1}</p></div><footer>BEGIN:VCALENDAR</footer></body></html>';
    expect(extractTalks(loadDocument(html, 'https://example.com/x.json'), 'https://example.com/x.json').source).toBe(
      'none',
    );
  });
});
