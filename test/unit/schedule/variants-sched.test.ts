/**
 * Realistic variants of Sched session pages that the other fixtures do not show: a 24-hour time
 * with the zone glued on, grouped speakers, older markup, a session crossing midnight, an
 * ambiguous "CST" with no session JSON-LD.
 */
import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/sched/${name}`);
const NO_LD = /<script type="application\/ld\+json">.*?<\/script>/s;

describe('Sched session page: 24-hour clock, zone glued, grouped speakers, files and video', () => {
  const canonical = 'https://kccnceu2026.sched.com/event/2CW7x/panel-maintainers-qa-priya-shah-acme-corp';
  // Opened with a query string: the canonical link is the talk's address.
  const url = `${canonical}?iframe=no&w=100%25`;
  const read = (html = fixture('variant-session-24h.html')) => extractTalks(loadDocument(html, url), url);
  const result = read();
  const t = result.talks[0]!;

  it('reads the title as printed, entities decoded, emoji kept, the speaker suffix cut', () => {
    expect(result).toMatchObject({ source: 'sched', warnings: [] });
    expect(result.talks).toHaveLength(1);
    // "- Priya Shah, Acme Corp" names one of the panel's own people and her company.
    expect(t.title).toBe("🎤 Panel: Maintainers' Q&A");
    expect(t).toMatchObject({ source: 'sched', url: canonical, externalId: '7c2d0f4b9e8a41d3a6b5c4d3e2f1a0b9' });
  });

  it('reads times in the conference zone, named from CET and the venue city', () => {
    expect(t).toMatchObject({
      start: '2026-03-25T14:05:00+01:00',
      end: '2026-03-25T14:30:00+01:00',
      timeZone: 'Europe/Amsterdam',
    });
    expect(t.conference).toEqual({
      key: 'kccnceu2026.sched.com',
      name: 'KubeCon + CloudNativeCon Europe 2026',
      url: 'https://kccnceu2026.sched.com',
      timeZone: 'Europe/Amsterdam',
    });
  });

  it('reads room, types and custom fields, never a map link or a custom-field link', () => {
    expect(t.room).toBe('Hall 12 | Room F');
    expect(t.tracks).toEqual(['Maintainer Track', 'Panel Discussions']);
    expect(t.customFields).toEqual({
      'Content Experience Level': 'Intermediate',
      'Presentation Language': 'English',
      'Session Slides': 'see files below',
    });
  });

  it('reads moderators and panelists with their group, role and company', () => {
    expect(t.speakers).toEqual([
      {
        name: 'Dana Levi',
        role: 'Director, Open Source',
        company: 'Northwind Traders',
        roleCompanyRaw: 'Director, Open Source, Northwind Traders',
        group: 'Moderators',
        profileUrl: 'https://kccnceu2026.sched.com/speaker/dlevi',
        avatarUrl: 'https://static.sched.com/avatars/d/dlevi.320x320px.jpg?a1b',
      },
      {
        name: 'Priya Shah',
        role: 'VP, Engineering, Platform',
        company: 'Acme Corp',
        roleCompanyRaw: 'VP, Engineering, Platform, Acme Corp',
        group: 'Panelists',
        profileUrl: 'https://kccnceu2026.sched.com/speaker/priya.shah',
        avatarUrl: 'https://static.sched.com/avatars/p/priya.shah.320x320px.jpg',
      },
      {
        // "Example, Inc." is one company: its legal suffix is not a company of its own.
        name: 'Li Wei',
        role: 'Software Engineer',
        company: 'Example, Inc.',
        roleCompanyRaw: 'Software Engineer, Example, Inc.',
        group: 'Panelists',
        profileUrl: 'https://kccnceu2026.sched.com/speaker/liwei',
        avatarUrl: null,
      },
      {
        name: 'Tomás García',
        role: 'Maintainer',
        company: null,
        roleCompanyRaw: 'Maintainer',
        group: 'Panelists',
        profileUrl: 'https://kccnceu2026.sched.com/speaker/tgarcia',
        avatarUrl: null,
      },
    ]);
  });

  it('reads the description as Markdown, files (protocol-relative too) and the YouTube recording', () => {
    // <br><br> is a paragraph break, not two lines ending in spaces.
    expect(t.description).toBe(
      "Join the TOC & project maintainers for an open Q&A on what's next.\n\nSend questions ahead: [the question form](https://forms.example.com/toc-qa).",
    );
    expect(t.descriptionHtml).not.toMatch(/<strong><\/strong>/);
    expect(t.files).toEqual([
      {
        name: 'Maintainers QA 2026.pdf',
        url: 'https://static.sched.com/hosted_files/kccnceu2026/4e/Maintainers%20QA%202026.pdf',
      },
      { name: 'roadmap.pptx', url: 'https://hosted-files.sched.co/kccnceu2026/4e/roadmap.pptx' },
    ]);
    expect(t.videoUrl).toBe('https://www.youtube.com/watch?v=Qm9dW4kTz8E');
  });

  it('without the session JSON-LD, reads the printed time with its glued zone', () => {
    const r = read(fixture('variant-session-24h.html').replace(NO_LD, ''));
    // CET alone cannot say which of its cities; every one of them keeps the same clock all year.
    expect(r.talks[0]).toMatchObject({
      start: '2026-03-25T14:05:00+01:00',
      end: '2026-03-25T14:30:00+01:00',
      timeZone: 'Europe/Berlin',
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads only its own session when the page also lists related sessions', () => {
    const related = `<div class="sched-event-related"><h3>More in this track</h3>
      <span class="event"><a href="event/2CW8a/other" id="aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" class="name">Other Talk</a></span>
      <div class="list-single__date">Thursday March 26, 2026 09:00 - 09:30<span class="tz">CET</span></div>
      <span class="event"><a href="event/2CW8b/third" id="bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" class="name">Third Talk</a></span></div></body>`;
    const r = read(fixture('variant-session-24h.html').replace('</body>', related));
    expect(r.talks.map((x) => [x.title, x.url, x.start])).toEqual([[t.title, canonical, t.start]]);
    expect(r.talks[0]).toEqual(t);
    expect(r.warnings).toEqual([]);
  });

  it('keeps the JSON-LD instants when the viewer switched the displayed zone', () => {
    const html = fixture('variant-session-24h.html').replace(
      '14:05 - 14:30<span class="tz">CET</span>',
      '6:05am - 6:30am<span class="tz">PDT</span>',
    );
    const r = read(html);
    expect(r.talks[0]).toMatchObject({
      start: '2026-03-25T14:05:00+01:00',
      end: '2026-03-25T14:30:00+01:00',
      timeZone: null,
    });
    expect(r.warnings).toEqual([expect.stringMatching(/time zone is unknown/)]);
  });
});

describe('Sched session page, older markup: time and place in one block, crossing midnight', () => {
  const url = 'https://dlfforum2017.sched.com/event/Bzs0/working-group-meetup-late-night-hack';
  const result = extractTalks(loadDocument(fixture('variant-session-old.html'), url), url);
  const t = result.talks[0]!;

  it('reads the first line of .sched-event-details-timeandplace, the end on its own date', () => {
    expect(result).toMatchObject({ source: 'sched', warnings: [] });
    expect(t).toMatchObject({
      title: 'Working Group Meetup & Late Night Hack',
      url,
      externalId: '3e1f0c2b7a6d45e8b9c0d1e2f3a4b5c6',
      start: '2017-10-26T22:30:00-04:00',
      end: '2017-10-27T00:30:00-04:00',
      timeZone: 'America/New_York',
    });
  });

  it('reads a room whose name contains "map" (Maple Room), skipping the map link', () => {
    expect(t.room).toBe('Maple Room');
  });

  it('reads the rest, with nothing invented', () => {
    expect(t.tracks).toEqual(['working groups']);
    expect(t.customFields).toEqual({});
    expect(t.speakers).toEqual([
      {
        name: 'Jo Smith',
        role: 'Digital Scholarship Librarian',
        company: 'Carnegie Mellon University',
        roleCompanyRaw: 'Digital Scholarship Librarian, Carnegie Mellon University',
        group: 'Speakers',
        profileUrl: 'https://dlfforum2017.sched.com/speaker/jsmith',
        avatarUrl: 'https://static.sched.com/avatars/j/jsmith.jpg',
      },
    ]);
    expect(t.description).toBe(
      "Bring laptops & snacks. We'll hack on the [assessment wiki](https://wiki.diglib.org/Assessment) until late.",
    );
    expect(t.files).toEqual([]);
    expect(t.videoUrl).toBeNull();
    expect(t.conference).toEqual({
      key: 'dlfforum2017.sched.com',
      name: '2017 DLF Forum',
      url: 'https://dlfforum2017.sched.com',
      timeZone: 'America/New_York',
    });
  });

  it('infers the next day when a 12-hour range crosses midnight without repeating the date', () => {
    const html = fixture('variant-session-old.html').replace(
      '10:30pm - Friday October 27, 2017 12:30am',
      '11:00pm - 1:15am',
    );
    const r = extractTalks(loadDocument(html, url), url);
    expect(r.talks[0]).toMatchObject({ start: '2017-10-26T23:00:00-04:00', end: '2017-10-27T01:15:00-04:00' });
  });
});

describe('Sched session page printing "CST" (UTC+8) with no session JSON-LD', () => {
  const url = 'https://ossch2025.sched.com/event/1yT2a/rust-in-the-linux-kernel';

  it('resolves Asia/Shanghai from the conference venue', () => {
    const result = extractTalks(loadDocument(fixture('variant-session-cst.html'), url), url);
    expect(result.warnings).toEqual([]);
    expect(result.talks[0]).toMatchObject({
      title: 'Rust in the Linux Kernel',
      start: '2025-06-10T10:30:00+08:00',
      end: '2025-06-10T11:05:00+08:00',
      timeZone: 'Asia/Shanghai',
      room: 'Room 3A',
      tracks: ['Linux & Kernel'],
      description: null,
      descriptionHtml: null,
      files: [],
      videoUrl: null,
      speakers: [
        expect.objectContaining({
          name: 'Chen Jing',
          role: 'Kernel Engineer',
          company: 'Example Cloud',
          group: 'Speakers',
        }),
      ],
      conference: { name: 'Open Source Summit China 2025', timeZone: 'Asia/Shanghai' },
    });
  });

  it('leaves the time unknown, with a warning, when the venue does not settle which CST', () => {
    const html = fixture('variant-session-cst.html')
      .replace('Shanghai Convention Center', 'Convention Centre')
      .replace('Pudong, Shanghai, China', 'Wan Chai, Hong Kong');
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks[0]).toMatchObject({
      title: 'Rust in the Linux Kernel',
      start: null,
      end: null,
      timeZone: null,
      room: 'Room 3A',
    });
    expect(result.warnings).toEqual([expect.stringMatching(/left empty: “CST” can mean several time zones/)]);
  });
});

describe('Sched session page printing a bare offset ("+08"), as PHP does for zones without an abbreviation', () => {
  it('keeps the printed offset, and says a bare offset names no zone', () => {
    const url = 'https://kcdsg2025.sched.com/event/1yT2a/rust-in-the-linux-kernel';
    const html = fixture('variant-session-cst.html')
      .replace('<span class="tz">CST</span>', '<span class="tz">+08</span>')
      .replace('Pudong, Shanghai, China', 'Marina Bay, Singapore');
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks[0]).toMatchObject({
      start: '2025-06-10T10:30:00+08:00',
      end: '2025-06-10T11:05:00+08:00',
      timeZone: null,
    });
    expect(result.warnings).toEqual([expect.stringMatching(/time zone is unknown \(the page gives only a UTC offset/)]);
  });
});
