import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/schedule/${name}`);

describe('pretalx talk page, released markup (slot printed as text)', () => {
  const url = 'https://pretalx.example.org/democon/talk/G9JGWY/';
  const result = extractTalks(loadDocument(fixture('pretalx-talk-old.html'), url), url);
  const t = result.talks[0]!;

  it('reads title, code, time in the printed zone, room and conference', () => {
    expect(result.source).toBe('pretalx');
    expect(result.warnings).toEqual([]);
    expect(t).toMatchObject({
      source: 'pretalx',
      url,
      externalId: 'G9JGWY',
      title: 'Focused 5thgeneration hardware',
      start: '2020-12-14T09:00:00+01:00',
      end: '2020-12-14T09:30:00+01:00',
      timeZone: 'Europe/Berlin',
      room: 'Gray Room',
      conference: {
        key: 'https://pretalx.example.org/democon/',
        name: 'DemoCon',
        url: 'https://pretalx.example.org/democon/',
        timeZone: 'Europe/Berlin',
      },
    });
  });

  it('reads speakers, dropping the default avatar', () => {
    expect(t.speakers).toEqual([
      {
        name: 'Brian Robinson',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: 'https://pretalx.example.org/democon/speaker/NQTF8Y/',
        avatarUrl: 'https://pretalx.example.org/media/avatars/brian_robinson.png',
      },
      {
        name: 'Dana Whitfield',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: 'https://pretalx.example.org/democon/speaker/XK3LPQ/',
        avatarUrl: null,
      },
    ]);
  });

  it('joins abstract and description, and reads answers and resources', () => {
    expect(t.description).toMatch(
      /^Brand back-end models!\n\n\* \* \*\n\nStation provide certain mean\. Read \[the call for papers\]\(https:\/\/pretalx\.example\.org\/democon\/cfp\)\.$/,
    );
    expect(t.customFields).toEqual({ 'Audience level': 'Beginner' });
    expect(t.files).toEqual([
      { name: 'Slides', url: 'https://pretalx.example.org/media/democon/submissions/G9JGWY/resources/slides.pdf' },
      { name: 'Source code', url: 'https://github.com/example/hardware-demo' },
    ]);
  });

  it('leaves the time empty when no year can be found for the printed date', () => {
    const html = fixture('pretalx-talk-old.html').replace('<span class="dates">Dec. 14 – 16, 2020</span>', '');
    const r = extractTalks(loadDocument(html, url), url);
    expect(r.talks[0]!.start).toBeNull();
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^The session’s date is printed without a year \(“Monday, December 14th, 09:00–09:30 \(Europe\/Berlin\), Gray Room”\) and nothing on the page names the event’s year/,
      ),
    ]);
  });
});

describe('pretalx talk page, newer markup (<time data-isodatetime>)', () => {
  const url = 'https://pretalx.com/pyconf-2025/talk/QW7RTZ/';
  const result = extractTalks(loadDocument(fixture('pretalx-talk-new.html'), url), url);
  const t = result.talks[0]!;

  it('reads instants and zone from the time elements, across midnight', () => {
    expect(result.warnings).toEqual([]);
    expect(t).toMatchObject({
      externalId: 'QW7RTZ',
      title: 'Reproducible builds for everyone',
      start: '2025-10-25T23:40:00-05:00',
      end: '2025-10-26T00:10:00-05:00',
      timeZone: 'America/Chicago',
      room: 'Ballroom B',
      conference: { name: 'PyConf 2025', timeZone: 'America/Chicago' },
    });
  });

  it('reads language, answers, recording, resources and speaker avatar', () => {
    expect(t.customFields).toEqual({ Language: 'English', 'Expected audience expertise': 'Intermediate' });
    expect(t.videoUrl).toBe('https://www.youtube.com/watch?v=Zx9Yw8Vu7Ts');
    expect(t.files).toEqual([
      {
        name: 'Slides (2.1 MB)',
        url: 'https://pretalx.com/media/pyconf-2025/submissions/QW7RTZ/resources/repro-slides.pdf',
      },
    ]);
    expect(t.speakers[0]).toMatchObject({
      name: 'Priya Raman',
      profileUrl: 'https://pretalx.com/pyconf-2025/speaker/HJ8KLM/',
      avatarUrl: 'https://pretalx.com/media/avatars/HJ8KLM_thumb.webp',
    });
    expect(t.description).toContain('**every time**');
    expect(t.description).toContain('Pinning toolchains');
  });

  it('is recognised by its URL and markup even without the generator tag', () => {
    const html = fixture('pretalx-talk-new.html').replace('<meta name="generator" content="pretalx">', '');
    expect(extractTalks(loadDocument(html, url), url).source).toBe('pretalx');
  });
});

describe('pretalx pages without a session', () => {
  it('points at the JSON export from the script-drawn schedule page', () => {
    const url = 'https://pretalx.com/pyconf-2025/schedule/';
    const html =
      '<html><head><meta name="generator" content="pretalx"><meta property="og:title" content="Schedule"></head><body><pretalx-schedule event-url="/pyconf-2025/"></pretalx-schedule></body></html>';
    const result = extractTalks(loadDocument(html, url), url);
    expect(result).toMatchObject({ talks: [], source: 'pretalx' });
    expect(result.warnings[0]).toContain('https://pretalx.com/pyconf-2025/schedule/export/schedule.json');
  });

  it('says a half-rendered talk page shows no session', () => {
    const url = 'https://pretalx.com/pyconf-2025/talk/QW7RTZ/';
    const html =
      '<html><head><meta name="generator" content="pretalx"></head><body><main><div class="spinner"></div></main></body></html>';
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks).toEqual([]);
    expect(result.warnings[0]).toMatch(/no single session/);
  });
});
