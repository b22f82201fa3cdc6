import { describe, expect, it } from 'vitest';
import { extractTalks, mergeTalks, parseIcs } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/schedule/${name}`);
const DESCRIPTIONS_URL = 'https://cnsa2026.sched.com/list/descriptions/';
const descriptions = (url = DESCRIPTIONS_URL, html = fixture('sched-descriptions.html')) =>
  extractTalks(loadDocument(html, url), url);

describe('Sched /list/descriptions/ with several sessions', () => {
  const result = descriptions();
  const [keynote, supply, night, registration, tutorial] = result.talks;

  it('scopes every session from its span.event to the next', () => {
    expect(result.source).toBe('sched');
    expect(result.warnings).toEqual([]);
    expect(result.talks.map((t) => t.title)).toEqual([
      'Opening Keynote: Platforms That Scale',
      '#cloudnative Supply Chains',
      'Night Owl Hack Session',
      'Registration & Coffee',
      '📚 Tutorial: Writing Operators',
    ]);
    // Details of one session never leak into the next.
    expect(supply!.speakers.map((s) => s.name)).toEqual(['Amrit Kaur']);
    expect(night!.speakers).toEqual([]);
    expect(night!.files).toEqual([]);
    expect(registration!.description).toBeNull();
    expect(keynote!.videoUrl).toBeNull();
  });

  it('reads 24-hour times in the conference zone, learned as Europe/Amsterdam from CET and the venue', () => {
    expect(keynote).toMatchObject({
      start: '2026-03-23T14:05:00+01:00',
      end: '2026-03-23T14:30:00+01:00',
      timeZone: 'Europe/Amsterdam',
    });
    expect(keynote!.conference).toEqual({
      key: 'cnsa2026.sched.com',
      name: 'Cloud Native Summit Amsterdam 2026',
      url: 'https://cnsa2026.sched.com',
      timeZone: 'Europe/Amsterdam',
    });
  });

  it('reads a zone glued to the time', () => {
    expect(supply).toMatchObject({ start: '2026-03-23T15:00:00+01:00', end: '2026-03-23T15:40:00+01:00' });
  });

  it('reads a session crossing midnight whose end repeats the date', () => {
    expect(night).toMatchObject({ start: '2026-03-23T23:30:00+01:00', end: '2026-03-24T01:00:00+01:00' });
  });

  it('falls back to the day anchor and time heading, and to the old time-and-place line', () => {
    expect(registration).toMatchObject({ start: '2026-03-24T09:00:00+01:00', end: null, room: 'Foyer' });
    expect(tutorial).toMatchObject({
      start: '2026-03-24T10:00:00+01:00',
      end: '2026-03-24T12:00:00+01:00',
      room: 'Room G104',
    });
  });

  it('reads speakers with groups, role/company split at the last ", ", absolute links and no placeholder avatar', () => {
    expect(keynote!.speakers).toEqual([
      {
        name: 'Marloes de Vries',
        role: 'VP, Platform Engineering',
        company: 'Tulip Systems B.V.',
        roleCompanyRaw: 'VP, Platform Engineering, Tulip Systems B.V.',
        group: 'Speakers',
        profileUrl: 'https://cnsa2026.sched.com/speaker/mvries',
        avatarUrl: 'https://static.sched.com/avatars/mvries.320x320px.jpg',
      },
      {
        name: 'Joost Bakker',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: 'Moderators',
        profileUrl: 'https://cnsa2026.sched.com/speaker/jbakker',
        avatarUrl: null,
      },
    ]);
    expect(tutorial!.speakers.map((s) => s.name)).toEqual(['Lena Fischer', 'Tom Braun']);
  });

  it('reads types (not custom-field links), custom fields, files, video and links', () => {
    expect(keynote!.tracks).toEqual(['Keynote']);
    expect(keynote!.customFields).toEqual({ 'Content Experience Level': 'Any', 'Session Slides': 'later' });
    expect(supply!.tracks).toEqual(['Security', 'Supply Chain']);
    expect(supply!.files.map((f) => f.name)).toEqual(['supply-chains.pdf', 'supply-chains.pptx']);
    expect(supply!.videoUrl).toBe('https://www.youtube.com/watch?v=Ab3dEfGh1Jk');
    expect(keynote!.url).toBe('https://cnsa2026.sched.com/event/2Aa1/opening-keynote-platforms-that-scale');
    expect(supply!.url).toBe('https://cnsa2026.sched.com/event/2Aa2/');
    expect(keynote!.externalId).toBe('0a1b2c3d4e5f60718293a4b5c6d7e8f9');
  });

  it('sanitizes descriptions, resolves their links and converts tables to GFM', () => {
    expect(keynote!.description).toBe(
      'Why platforms _stall_ at 50 teams, and what to do about it. See the [FAQ](https://cnsa2026.sched.com/info/faq).',
    );
    expect(supply!.description).toContain('| Tool | Purpose |\n| --- | --- |\n| cosign | signing |');
    expect(supply!.descriptionHtml).not.toMatch(/script|onerror|alert|<img/);
  });

  it('recognises Sched markup on an organiser’s own domain', () => {
    const url = 'https://schedule.cnsummit.example/list/descriptions/';
    const result = descriptions(url);
    expect(result.source).toBe('sched');
    expect(result.talks).toHaveLength(5);
    expect(result.talks[0]).toMatchObject({
      url: 'https://schedule.cnsummit.example/event/2Aa1/opening-keynote-platforms-that-scale',
      conference: { key: 'schedule.cnsummit.example' },
    });
  });

  it('says when CET cannot be placed without a venue, but still picks the zone CET always means', () => {
    const html = fixture('sched-descriptions.html').replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
    const result = descriptions(DESCRIPTIONS_URL, html);
    expect(result.talks[0]!.timeZone).toBe('Europe/Berlin');
    expect(result.talks[0]!.start).toBe('2026-03-23T14:05:00+01:00');
  });
});

describe('Sched session page with an ambiguous abbreviation', () => {
  const URL_ = 'https://kccncchn2025.sched.com/event/1x8Qz/scaling-inference-on-kubernetes';

  it('resolves "CST" as Asia/Shanghai through the JSON-LD offset', () => {
    const result = extractTalks(loadDocument(fixture('sched-session-cst.html'), URL_), URL_);
    expect(result.warnings).toEqual([]);
    expect(result.talks[0]).toMatchObject({
      start: '2025-06-10T10:30:00+08:00',
      end: '2025-06-10T11:05:00+08:00',
      timeZone: 'Asia/Shanghai',
      room: 'Level 1 | Hall 1',
      tracks: ['AI + ML'],
      conference: { name: 'KubeCon China 2025', timeZone: 'Asia/Shanghai' },
    });
  });

  it('leaves the time empty and says why when only "CST" is printed', () => {
    const html = fixture('sched-session-cst.html').replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
    const result = extractTalks(loadDocument(html, URL_), URL_);
    expect(result.talks[0]).toMatchObject({ start: null, end: null, timeZone: null });
    expect(result.warnings.join(' ')).toMatch(/“CST” can mean several time zones/);
  });

  it('uses the zone the caller knows when it fits', () => {
    const html = fixture('sched-session-cst.html').replace(/<script type="application\/ld\+json">.*?<\/script>/s, '');
    const result = extractTalks(loadDocument(html, URL_), URL_, { timeZone: 'Asia/Shanghai' });
    expect(result.talks[0]).toMatchObject({ start: '2025-06-10T10:30:00+08:00', timeZone: 'Asia/Shanghai' });
  });

  it('keeps JSON-LD instants when the viewer switched the printed zone', () => {
    const html = fixture('sched-session-cst.html')
      .replace('<span class="tz">CST</span>', '<span class="tz">CEST</span>')
      .replace('10:30am - 11:05am', '4:30am - 5:05am');
    const result = extractTalks(loadDocument(html, URL_), URL_);
    expect(result.talks[0]).toMatchObject({ start: '2025-06-10T10:30:00+08:00', timeZone: null });
    expect(result.warnings.join(' ')).toMatch(/time zone is unknown/);
  });
});

describe('Sched list printing an ambiguous zone, read with its all.ics', () => {
  const url = 'https://kccncchn2025.sched.com/list/simple';
  const ids = ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2'];
  const html = `<html><head><base href="/"><title>KubeCon China 2025: Schedule</title></head><body><div class="list-simple">
    <a class="sched-container-anchor" id="2025-06-10"></a>
    <h3>10:30am <span class='tz'>CST</span></h3>
    <div class="sched-container"><div class="sched-container-inner">
      <span class='event ev_1'><a href='event/1x8Qz/scaling-inference' class='name' id='${ids[0]}'><span class="session-title">Scaling Inference</span> <span class="vs">Hall 1</span></a></span>
    </div></div>
    <h3>11:15am <span class='tz'>CST</span></h3>
    <div class="sched-container"><div class="sched-container-inner">
      <span class='event ev_2'><a href='event/1x8R0/ebpf-deep-dive' class='name' id='${ids[1]}'><span class="session-title">eBPF Deep Dive</span> <span class="vs">Hall 2</span></a></span>
    </div></div></div></body></html>`;
  const ics = parseIcs(
    [
      'BEGIN:VCALENDAR',
      'PRODID:-//Sched.com KubeCon China 2025//EN',
      'X-WR-TIMEZONE:UTC',
      'BEGIN:VEVENT',
      'DTSTART:20250610T023000Z',
      'DTEND:20250610T030500Z',
      'SUMMARY:Scaling Inference',
      `UID:${ids[0]}`,
      `URL:http://kccncchn2025.sched.com/event/${ids[0]}`,
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20250610T031500Z',
      'DTEND:20250610T035000Z',
      'SUMMARY:eBPF Deep Dive',
      `UID:${ids[1]}`,
      `URL:http://kccncchn2025.sched.com/event/${ids[1]}`,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n'),
    'https://kccncchn2025.sched.com/all.ics',
  );

  it('leaves times empty from the list alone', () => {
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks.map((t) => t.start)).toEqual([null, null]);
    expect(result.warnings.join(' ')).toMatch(/“CST” can mean several time zones/);
  });

  it('learns Asia/Shanghai from the feed’s instants, then merges in the end times', () => {
    const list = extractTalks(loadDocument(html, url), url, { reference: ics.talks });
    expect(list.talks.map((t) => [t.start, t.timeZone])).toEqual([
      ['2025-06-10T10:30:00+08:00', 'Asia/Shanghai'],
      ['2025-06-10T11:15:00+08:00', 'Asia/Shanghai'],
    ]);
    const merged = mergeTalks(list, ics);
    expect(merged.talks.map((t) => t.end)).toEqual(['2025-06-10T11:05:00+08:00', '2025-06-10T11:50:00+08:00']);
    expect(merged.warnings).toEqual([]);
  });
});

describe('Sched embedded on an organiser site', () => {
  it('returns no talks and names the Sched site to open', () => {
    const url = 'https://osdays.example.org/schedule/';
    const result = extractTalks(loadDocument(fixture('sched-embed.html'), url), url);
    expect(result.talks).toEqual([]);
    expect(result.source).toBe('sched-embed');
    expect(result.warnings).toEqual([expect.stringContaining('open https://osdays2026.sched.com/')]);
  });

  it('also finds the iframe Sched’s script inserts', () => {
    const html = '<html><body><iframe src="https://osdays2026.sched.com/?iframe=yes&w=100%"></iframe></body></html>';
    const result = extractTalks(loadDocument(html, 'https://osdays.example.org/'), 'https://osdays.example.org/');
    expect(result.warnings[0]).toContain('https://osdays2026.sched.com/');
  });
});

describe('bot checks and half-rendered Sched pages', () => {
  it('says a bot-check page on a Sched host has no session, without guessing from its title', () => {
    const html =
      '<html><head><title>Just a moment...</title><meta property="og:title" content="Just a moment..."></head><body><div id="challenge-running">Checking your browser</div></body></html>';
    const url = 'https://cnsa2026.sched.com/event/2Aa1/opening-keynote';
    const result = extractTalks(loadDocument(html, url), url);
    expect(result).toMatchObject({ talks: [], source: 'sched' });
    expect(result.warnings[0]).toMatch(/no session/);
  });

  it('says a list still loading shows no sessions', () => {
    const url = 'https://cnsa2026.sched.com/list/descriptions/';
    const html =
      '<html><body><div class="list-descriptions"><a class="sched-container-anchor" id="2026-03-23"></a><div class="sched-loading">Loading…</div></div></body></html>';
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks).toEqual([]);
    expect(result.warnings[0]).toMatch(/no sessions yet/);
  });

  it('falls back to the session’s JSON-LD when its markup has not rendered', () => {
    const url = 'https://kccncchn2025.sched.com/event/1x8Qz/scaling-inference-on-kubernetes';
    const html = fixture('sched-session-cst.html').replace(
      /<body>[\s\S]*<\/body>/,
      '<body><div class="sched-loading"></div></body>',
    );
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks[0]).toMatchObject({
      source: 'sched',
      url,
      title: 'Scaling Inference on Kubernetes',
      start: '2025-06-10T10:30:00+08:00',
      room: 'Level 1 | Hall 1',
      speakers: [],
    });
    expect(result.warnings[0]).toMatch(/Only the session’s title, time and room/);
  });

  it('keeps a session whose details have not rendered, with what its anchor states', () => {
    const cut = fixture('sched-descriptions.html').split('<div class="sched-event-details">')[0]!;
    const result = descriptions(DESCRIPTIONS_URL, cut);
    expect(result.talks).toHaveLength(1);
    expect(result.talks[0]).toMatchObject({
      title: 'Opening Keynote: Platforms That Scale',
      start: '2026-03-23T14:05:00+01:00',
      room: 'Hall A',
      end: null,
    });
  });
});

/** A /list/descriptions/ page of `n` sessions, 20-minute slots over three days, built from one template. */
function bigDescriptionsPage(n: number): string {
  const blocks: string[] = [];
  let day = -1;
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / 200);
    if (d !== day) {
      day = d;
      blocks.push(`<a class="sched-container-anchor" id="2026-05-${String(12 + d).padStart(2, '0')}"></a>`);
    }
    const minutes = 8 * 60 + ((i % 200) % 40) * 20;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    const endMinutes = minutes + 20;
    const eh = String(Math.floor(endMinutes / 60)).padStart(2, '0');
    const em = String(endMinutes % 60).padStart(2, '0');
    const id = i.toString(16).padStart(32, '0');
    blocks.push(`<h3>${hh}:${mm} <span class='tz'>EDT</span></h3>
<div class="sched-container"><div class="sched-container-inner">
<span class="event ev_${i % 7}"><a href="event/s${i}/session-${i}" id="${id}" class="name"><span class="session-title">Session ${i}</span> <span class="vs">Room ${i % 12}</span></a></span>
<div class="sched-event-details">
<div class="list-single__date">Tuesday May ${12 + d}, 2026 ${hh}:${mm} - ${eh}:${em} <span class='tz'>EDT</span></div>
<div class="list-single__location"><a href="venue/Room+${i % 12}">Room ${i % 12}</a></div>
<div class="sched-event-type"><a href="list/descriptions/type/Track+${i % 5}">Track ${i % 5}</a></div>
<div class="tip-description"><strong></strong>Abstract of session <em>${i}</em> with a <a href="https://example.com/${i}">link</a>.</div>
<div class="tip-roles"><strong>Speakers</strong><div class="sched-person-session"><a class="sched-avatar" href="speaker/p${i}"><img src="//static.sched.com/avatars/p${i}.jpg"></a><h2><a href="speaker/p${i}" title="Person ${i}">Person ${i}</a></h2><div class="sched-event-details-role-company">Engineer, Company ${i}</div></div></div>
</div><br class="s-clr"></div></div>`);
  }
  return `<!DOCTYPE html><html><head><base href="/"><title>Big Conf 2026: Schedule</title></head><body><div class="list-descriptions">${blocks.join('\n')}</div></body></html>`;
}

describe('a 600-session /list/descriptions/ page', () => {
  // Correctness only: jsdom is many times slower than a browser, and this machine is shared.
  it('reads every session with its own details', { timeout: 30_000 }, () => {
    const url = 'https://bigconf2026.sched.com/list/descriptions/';
    const result = extractTalks(loadDocument(bigDescriptionsPage(600), url), url);
    expect(result.talks).toHaveLength(600);
    expect(result.warnings).toEqual([]);
    result.talks.forEach((t, i) => {
      expect(t.externalId).toBe(i.toString(16).padStart(32, '0'));
      expect(t.title).toBe(`Session ${i}`);
      expect(t.speakers).toEqual([expect.objectContaining({ name: `Person ${i}`, company: `Company ${i}` })]);
      expect(t.tracks).toEqual([`Track ${i % 5}`]);
      expect(t.description).toBe(`Abstract of session _${i}_ with a [link](https://example.com/${i}).`);
    });
    expect(result.talks[599]).toMatchObject({
      start: '2026-05-14T21:00:00-04:00',
      end: '2026-05-14T21:20:00-04:00',
      timeZone: 'America/New_York',
    });
  });
});
