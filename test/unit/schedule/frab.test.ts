/** C3VOC / frab schedules (issue 15): schedule.json v1 and v2, an unsupported variant, frab's HTML pages. */
import { describe, expect, it } from 'vitest';
import { extractTalks, parseFeedText } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/frab/${name}`);

describe('C3VOC schedule.json v2 (events beside the days, as the CCC hub writes since 38C3)', () => {
  const url = 'https://events.example.org/congress/2026/hub/schedule.json';
  const result = parseFeedText(fixture('schedule-v2-hub.json'), url);
  const [talk, night] = result.talks;

  it('reads every event, never "no talks"', () => {
    expect(result).toMatchObject({ source: 'frab', warnings: [] });
    expect(result.talks.map((t) => t.title)).toEqual(['Breaking Baseband Firmware', 'Late Night Lightning Talks']);
  });

  it('reads start and end, the room and track by reference, in the named zone', () => {
    expect(talk).toMatchObject({
      start: '2026-12-27T11:00:00+01:00',
      end: '2026-12-27T11:40:00+01:00',
      timeZone: 'Europe/Berlin',
      room: 'Saal 1',
      tracks: ['Security'],
      externalId: '5a1f0c1e-2222-4c3d-8e4f-000000000001',
      url: 'https://events.example.org/congress/2026/hub/event/breaking-baseband-firmware/',
      conference: {
        key: 'https://events.example.org/congress/2026/',
        name: '40th Chaos Example Congress',
        timeZone: 'Europe/Berlin',
      },
    });
    expect(night).toMatchObject({
      start: '2026-12-28T00:30:00+01:00',
      room: 'Stage HUFF',
      tracks: ['Art & Beauty'],
      description: null,
    });
  });

  it('reads participants with the top-level persons’ details, roles as groups, not the heralds', () => {
    expect(talk!.speakers).toEqual([
      {
        name: 'Ada Lovelace',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: 'https://events.example.org/congress/2026/hub/user/ada/',
        avatarUrl: 'https://events.example.org/media/avatars/ada.png',
      },
      {
        name: 'Bob Builder',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: 'Moderator',
        profileUrl: null,
        avatarUrl: null,
      },
    ]);
  });

  it('reads a language map as English, markup-looking words kept as text; links as files and recording', () => {
    expect(talk!.description).toBe('We fuzzed \\<Modem> stacks.');
    expect(talk!.customFields).toMatchObject({ Subtitle: 'A year of fuzzing modems', Type: 'talk', Language: 'en' });
    expect(talk!.videoUrl).toBe('https://media.ccc.de/v/40c3-breaking-baseband-firmware');
    expect(talk!.files).toEqual([{ name: 'Slides', url: 'https://events.example.org/media/bbf-slides.pdf' }]);
  });
});

describe('frab schedule.json v1 (days → rooms → events)', () => {
  const url = 'https://fahrplan.example.org/camp/2027/Fahrplan/schedule.json';
  const result = parseFeedText(fixture('schedule-v1-frab.json'), url);

  it('reads dated events, and events dated only by their day and "HH:MM" in the named zone', () => {
    expect(result.source).toBe('frab');
    expect(result.warnings).toEqual([]);
    expect(result.talks.map((t) => [t.title, t.start, t.end, t.room])).toEqual([
      ['Solar Powered Mesh', '2027-08-18T11:00:00+02:00', '2027-08-18T12:00:00+02:00', 'Main Tent'],
      ['Night Soldering', '2027-08-18T23:30:00+02:00', '2027-08-19T00:30:00+02:00', 'Workshop Dome'],
    ]);
    expect(result.talks[0]!.speakers.map((s) => s.name)).toEqual(['Grace Hopper']);
    expect(result.talks[0]!.files).toEqual([
      { name: 'Slides', url: 'https://fahrplan.example.org/system/attachments/1/original/mesh.pdf' },
    ]);
    expect(result.talks[1]!.customFields).toMatchObject({ Recording: 'Not recorded' });
  });

  it('leaves day-and-clock times empty, and says why, when the file names no zone', () => {
    const r = parseFeedText(fixture('schedule-v1-frab.json').replace('"time_zone_name": "Europe/Berlin",', ''), url);
    expect(r.talks[1]!.start).toBeNull();
    expect(r.warnings).toContain(
      'The time of 1 talk could not be read (the file names no time zone for its wall times).',
    );
  });
});

describe('schedule.json variants', () => {
  const url = 'https://example.org/schedule.json';

  it('says "unsupported schedule format" when the events sit where no version puts them', () => {
    const json = {
      schedule: {
        version: 'x',
        conference: { title: 'X', days: [{ index: 1, date: '2026-01-01' }], sessions: [{ title: 'Hidden' }] },
      },
    };
    const r = parseFeedText(JSON.stringify(json), url);
    expect(r.talks).toEqual([]);
    expect(r.warnings).toEqual([expect.stringMatching(/^Unsupported schedule format/)]);
  });

  it('says "no talks yet" only for a readable file with empty rooms or events', () => {
    expect(
      parseFeedText(JSON.stringify({ schedule: { conference: { days: [{ date: '2026-01-01', rooms: {} }] } } }), url)
        .warnings,
    ).toEqual(['This schedule has no talks in it yet.']);
    expect(parseFeedText(JSON.stringify({ schedule: { conference: { days: [] }, events: [] } }), url).warnings).toEqual(
      ['This schedule has no talks in it yet.'],
    );
  });
});

describe('frab HTML pages', () => {
  const eventUrl = 'https://frab.example.org/en/camp2027/public/events/10245';

  it('reads an event page: wall times placed by its JSON-LD offset, across midnight', () => {
    const r = extractTalks(loadDocument(fixture('event-page.html'), eventUrl), eventUrl);
    expect(r.source).toBe('frab');
    expect(r.warnings).toEqual([
      'This frab page gives only a UTC offset, not the conference’s time zone: times keep the offset.',
    ]);
    expect(r.talks[0]).toMatchObject({
      title: 'Solar Powered Mesh',
      externalId: '10245',
      start: '2027-08-18T23:30:00+02:00',
      end: '2027-08-19T00:30:00+02:00',
      room: 'Main Tent',
      tracks: ['Hardware & Making'],
      videoUrl: 'https://media.ccc.de/v/camp2027-10245-solar-powered-mesh',
      conference: { key: 'https://frab.example.org/en/camp2027/', name: 'Example Camp 2027' },
    });
    expect(r.talks[0]!.speakers).toEqual([
      expect.objectContaining({
        name: 'Grace Hopper',
        profileUrl: 'https://frab.example.org/en/camp2027/public/speakers/7001',
        avatarUrl: 'https://frab.example.org/system/people/avatars/000/007/001/small/grace.jpg',
      }),
    ]);
    expect(r.talks[0]!.files.map((f) => f.name)).toEqual(['Project site', 'Slides']);
    expect(r.talks[0]!.description).toBe(
      'Off-grid networks for everyone & their \\<Router>.\n\nBatteries, panels and routing.',
    );
  });

  it('reads it in the conference’s zone when known, and leaves the time empty and asks when nothing places it', () => {
    const known = extractTalks(loadDocument(fixture('event-page.html'), eventUrl), eventUrl, {
      timeZone: 'Europe/Berlin',
    });
    expect(known.warnings).toEqual([]);
    expect(known.talks[0]).toMatchObject({ start: '2027-08-18T23:30:00+02:00', timeZone: 'Europe/Berlin' });
    const bare = fixture('event-page.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    const r = extractTalks(loadDocument(bare, eventUrl), eventUrl);
    expect(r.talks[0]!.start).toBeNull();
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /without a time zone or offset: the time was left empty until the conference’s time zone is chosen/,
      ),
    ]);
  });

  it('points a schedule grid at its schedule.json export', () => {
    const grid =
      '<html><body><div id="main-table"><table class="rooms-table"><tr><td><div class="event"><div class="event-header"><h2><a href="/en/camp2027/public/events/10245">Solar Powered Mesh</a></h2></div></div></td></tr></table></div></body></html>';
    const url = 'https://frab.example.org/en/camp2027/public/schedule/0';
    const r = extractTalks(loadDocument(grid, url), url);
    expect(r).toMatchObject({ talks: [], source: 'frab' });
    expect(r.warnings[0]).toContain('https://frab.example.org/en/camp2027/public/schedule.json');
  });
});
