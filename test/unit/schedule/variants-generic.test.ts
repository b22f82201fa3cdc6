/**
 * schema.org Events as sites in the wild print them (WordPress' The Events Calendar, Yoast
 * graphs, @id references, event series), and pages that hold no talk at all.
 */
import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/schedule/${name}`);
const read = (name: string, url: string, html = fixture(name)) => extractTalks(loadDocument(html, url), url);
const NOT_A_SCHEDULE = 'No talk found on this page: it does not look like a conference schedule.';

describe('a blog post with The Events Calendar’s JSON-LD for a meetup', () => {
  const url = 'https://cloudnative-pgh.example.org/event/kubernetes-meetup-october/';
  const result = read('variant-blog-meetup.html', url);
  const t = result.talks[0]!;

  it('clips the meetup, its name and place decoded from HTML entities', () => {
    expect(result.source).toBe('jsonld');
    expect(result.talks).toHaveLength(1);
    expect(t).toMatchObject({
      source: 'jsonld',
      url,
      externalId: null,
      title: 'Kubernetes Meetup – October: GitOps & You',
      start: '2025-10-16T18:00:00-04:00',
      end: '2025-10-16T20:30:00-04:00',
      timeZone: null,
      room: 'Code & Supply',
      tracks: [],
      customFields: {},
      files: [],
      videoUrl: null,
      conference: null,
    });
    expect(result.warnings).toEqual([expect.stringMatching(/time zone is not named/)]);
  });

  it('does not take the plugin’s literal "performer": "Organization" or the post’s author for a speaker', () => {
    expect(t.speakers).toEqual([]);
  });

  it('reads the entity-escaped HTML description as HTML', () => {
    expect(t.description).toBe(
      'Two talks on **GitOps** and a pizza break. Doors open at 5:30pm.\n\nRSVP on [Meetup](https://www.meetup.com/cloud-native-pgh/).',
    );
    expect(t.descriptionHtml).toContain('<strong>GitOps</strong>');
  });
});

describe('an @graph of several Events with performers, @id references and statuses', () => {
  const url = 'https://dataconf.example.ie/2026/programme/day-1/';
  const result = read('variant-jsonld-graph.html', url);
  const [lakehouse, privacy, roundtable] = result.talks;
  const conference = {
    key: 'https://dataconf.example.ie/2026/',
    name: 'DataConf Dublin 2026',
    url: 'https://dataconf.example.ie/2026/',
    timeZone: 'Europe/Dublin',
  };

  it('reads every timed Event, whatever form its @type takes, and not the date-only conference', () => {
    expect(result.source).toBe('jsonld');
    expect(result.talks.map((t) => t.title)).toEqual([
      'Lakehouses Without the Hype',
      'Privacy Engineering 101',
      'Vendor Roundtable',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('names the zone from the venue city that fits the offsets, and the conference from superEvent’s @id', () => {
    expect(lakehouse).toMatchObject({
      url: 'https://dataconf.example.ie/2026/sessions/lakehouse/',
      start: '2026-04-14T09:30:00+01:00',
      end: '2026-04-14T10:15:00+01:00',
      timeZone: 'Europe/Dublin',
      room: 'Liffey Hall 1',
      tracks: ['Data Engineering', 'Storage'],
      customFields: {},
      description: 'Table formats, catalogs & what actually matters.',
      files: [],
      videoUrl: null,
      conference,
    });
  });

  it('resolves a performer given by @id, with its company given by @id too', () => {
    expect(lakehouse!.speakers).toEqual([
      {
        name: 'Aoife Byrne',
        role: 'Head of Data',
        company: 'Tidewater Analytics',
        roleCompanyRaw: null,
        group: null,
        profileUrl: 'https://dataconf.example.ie/speakers/aoife-byrne/',
        avatarUrl: 'https://dataconf.example.ie/img/aoife.jpg',
      },
      {
        name: 'Seán Ó Briain',
        role: 'Data Engineer',
        company: 'Acme',
        roleCompanyRaw: null,
        group: null,
        profileUrl: 'https://www.linkedin.com/in/seanobriain',
        avatarUrl: null,
      },
    ]);
  });

  it('says a session is cancelled or rescheduled, keeping its (new) time', () => {
    expect(privacy).toMatchObject({
      start: '2026-04-14T11:00:00+01:00',
      end: '2026-04-14T12:30:00+01:00',
      room: 'Liffey Hall 2',
      customFields: { Status: 'Cancelled' },
      speakers: [expect.objectContaining({ name: 'Nadia Haddad', role: null, company: null })],
      description: null,
      conference,
    });
    expect(roundtable).toMatchObject({
      start: '2026-04-14T16:00:00+01:00',
      end: '2026-04-14T17:00:00+01:00',
      room: null,
      customFields: { Status: 'Rescheduled' },
      videoUrl: 'https://www.youtube.com/watch?v=Xy7dWq2LmN0',
      conference,
    });
  });
});

describe('an EventSeries nesting a conference nesting sessions, times without an offset', () => {
  const url = 'https://techseries.example.at/2026/programm/';

  it('places the floating times in the zone of the venue’s city, across the DST change', () => {
    const result = read('variant-jsonld-series.html', url);
    expect(result.warnings).toEqual([]);
    expect(result.talks.map((t) => [t.title, t.start, t.end, t.timeZone, t.room])).toEqual([
      [
        'Observability für Einsteiger',
        '2026-03-26T09:00:00+01:00',
        '2026-03-26T09:45:00+01:00',
        'Europe/Vienna',
        'Saal A',
      ],
      ['Platform Teams & DevEx', '2026-03-28T23:30:00+01:00', '2026-03-29T03:30:00+02:00', 'Europe/Vienna', 'Saal B'],
    ]);
    expect(result.talks[0]!.speakers).toEqual([
      {
        name: 'Lukas Huber',
        role: 'SRE',
        company: 'Beispiel GmbH',
        roleCompanyRaw: null,
        group: null,
        profileUrl: null,
        avatarUrl: null,
      },
    ]);
    expect(result.talks[1]!.speakers).toEqual([]);
    // The conference they belong to is the Event that nests them.
    expect(result.talks[0]!.conference).toMatchObject({
      name: 'Vienna Tech Series – Frühjahr',
      timeZone: 'Europe/Vienna',
    });
  });

  it('leaves them empty when the city is another one of that name (Vienna, Virginia)', () => {
    const html = fixture('variant-jsonld-series.html').replaceAll('"addressCountry": "AT"', '"addressCountry": "US"');
    const result = read('variant-jsonld-series.html', url, html);
    expect(result.talks.map((t) => [t.start, t.end, t.timeZone])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    expect(result.warnings).toEqual([expect.stringMatching(/2 sessions is given without a time zone/)]);
  });
});

describe('Event times as scripts and PHP sites write them', () => {
  const url = 'https://meetup.example.ie/events/42/';
  const page = (event: object) =>
    `<html><head><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'Event', name: 'Talk', ...event })}</script></head><body></body></html>`;
  const dublin = {
    location: {
      '@type': 'Place',
      name: 'Hall',
      address: { '@type': 'PostalAddress', addressLocality: 'Dublin', addressCountry: 'IE' },
    },
  };

  it('places UTC times ("…Z", fractions too) in the venue city’s zone: Z names no venue offset', () => {
    const r = extractTalks(
      loadDocument(page({ startDate: '2026-04-14T08:30:00Z', endDate: '2026-04-14T09:15:00.000Z', ...dublin }), url),
      url,
    );
    expect(r.talks[0]).toMatchObject({
      start: '2026-04-14T09:30:00+01:00',
      end: '2026-04-14T10:15:00+01:00',
      timeZone: 'Europe/Dublin',
      room: 'Hall',
    });
    expect(r.warnings).toEqual([]);
  });

  it('keeps UTC times in UTC, in one form, when nothing names the venue’s zone', () => {
    const r = extractTalks(
      loadDocument(page({ startDate: '2026-04-14T08:30:00Z', endDate: '2026-04-14T09:15:00.000Z' }), url),
      url,
    );
    expect(r.talks[0]).toMatchObject({ start: '2026-04-14T08:30:00Z', end: '2026-04-14T09:15:00Z', timeZone: null });
    expect(r.warnings).toEqual([expect.stringMatching(/time zone is not named/)]);
  });

  it('reads a date and time separated by a space, and an offset without seconds', () => {
    const r = extractTalks(
      loadDocument(page({ startDate: '2026-04-14 09:30:00+01:00', endDate: '2026-04-14T10:15+01:00' }), url),
      url,
    );
    expect(r.talks[0]).toMatchObject({ start: '2026-04-14T09:30:00+01:00', end: '2026-04-14T10:15:00+01:00' });
  });
});

describe('pages that hold no talk', () => {
  it('a plain blog article gives no talk and the one-line warning, not a talk made of its title', () => {
    const url = 'https://marco.example.dev/2026/06/what-i-learned-running-400-clusters/';
    expect(read('variant-plain-article.html', url)).toEqual({ talks: [], warnings: [NOT_A_SCHEDULE], source: 'none' });
  });

  it('a Cloudflare check says it is one, on a pretalx address or any other', () => {
    for (const url of ['https://pretalx.com/pyconf-2025/talk/QW7RTZ/', 'https://www.devconf.example/agenda/']) {
      const result = read('variant-cloudflare.html', url);
      expect(result.talks).toEqual([]);
      expect(result.warnings).toEqual([expect.stringMatching(/bot check/)]);
    }
  });

  it('a Cloudflare check on a Sched host is still Sched’s, saying it has no session', () => {
    const url = 'https://kccnceu2026.sched.com/event/2CW7x/panel';
    const result = read('variant-cloudflare.html', url);
    expect(result).toMatchObject({ talks: [], source: 'sched' });
    expect(result.warnings[0]).toMatch(/no session/);
  });
});

describe('JSON-LD graphs that refer to themselves', () => {
  it('reads each event once, and a cycle of @id references ends', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'EventSeries',
          '@id': '#series',
          name: 'Meetups',
          subEvent: [{ '@id': '#series' }, { '@id': '#talk' }],
        },
        {
          '@type': 'Event',
          '@id': '#talk',
          name: 'Loops All The Way Down',
          startDate: '2026-05-05T18:00:00+02:00',
          superEvent: { '@id': '#series' },
          subEvent: { '@id': '#talk' },
        },
      ],
    };
    const url = 'https://meetup.example/loops';
    const doc = loadDocument(
      `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body></html>`,
      url,
    );
    const result = extractTalks(doc, url);
    expect(result.talks.map((t) => t.title)).toEqual(['Loops All The Way Down']);
    expect(result.warnings.join(' ')).not.toMatch(/failed/);
  });
});

describe('generic pages, from review', () => {
  const page = (head: string, body = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

  it('a Hugo or Jekyll talk page (og:type article with a date, no Article JSON-LD) still clips by its title', () => {
    const url = 'https://devopsdays.example.org/events/2026-zurich/program/jane-doe/';
    const html = page(
      '<title>Paved Roads | DevOpsDays Zurich 2026</title><meta property="og:title" content="Paved Roads"><meta property="og:type" content="article"><meta property="article:published_time" content="2026-01-10T00:00:00+00:00">',
    );
    expect(extractTalks(loadDocument(html, url), url).talks.map((t) => [t.title, t.source])).toEqual([
      ['Paved Roads', 'opengraph'],
    ]);
  });

  it('a talk about browser checks is no bot check', () => {
    const url = 'https://webconf.example/talks/baseline';
    const html = page(
      `<title>Checking your browser support with Baseline | WebConf</title>${ld({ '@context': 'https://schema.org', '@type': 'Event', name: 'Checking your browser support with Baseline', startDate: '2026-09-09T10:00:00+02:00' })}`,
    );
    expect(extractTalks(loadDocument(html, url), url).talks.map((t) => t.title)).toEqual([
      'Checking your browser support with Baseline',
    ]);
  });

  it('a session listed before the series that nests it still gets the series as its conference', () => {
    const url = 'https://conf.example/2026/sessions';
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Event', '@id': '#s1', name: 'First Session', startDate: '2026-05-05T10:00:00+02:00' },
        {
          '@type': 'EventSeries',
          '@id': '#series',
          name: 'ConfX 2026',
          url: 'https://conf.example/2026/',
          subEvent: [{ '@id': '#s1' }],
        },
      ],
    };
    const [talk] = extractTalks(loadDocument(page(ld(graph)), url), url).talks;
    expect(talk?.conference?.name).toBe('ConfX 2026');
  });
});
