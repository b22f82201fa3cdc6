import { describe, expect, it } from 'vitest';
import { extractTalks, mergeTalks, parseIcs, parsePretalxSchedule, parseSessionizeAll } from '../../../lib/schedule';
import { offsetBetween, resolveTimeZone } from '../../../lib/time/parse';
import { REAL_FIXTURES, loadDocument, readFixture } from '../helpers';

const LIST_URL = 'https://dlfforum2017.sched.com/list/simple';
const ICS_URL = 'https://dlfforum2017.sched.com/all.ics';
const list = () =>
  extractTalks(loadDocument(readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-list.html`), LIST_URL), LIST_URL);
const icsText = () => readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-all.ics`);
const json = (name: string): unknown => JSON.parse(readFixture(`${REAL_FIXTURES}/${name}`));

describe('Sched /list/simple (dlfforum2017, 151 sessions, EDT)', () => {
  const result = list();

  it('reads every session with its Sched id, title, room and start in the conference zone', () => {
    expect(result.source).toBe('sched');
    expect(result.talks).toHaveLength(151);
    const ids = result.talks.map((t) => t.externalId);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(151);
    expect(
      result.talks.every((t) => t.start?.endsWith('-04:00') && t.end === null && t.timeZone === 'America/New_York'),
    ).toBe(true);
    expect(result.talks[0]).toMatchObject({
      title: 'continental breakfast and dot-voting on sessions',
      url: 'https://dlfforum2017.sched.com/event/Bzrg/continental-breakfast-and-dot-voting-on-sessions',
      start: '2017-10-22T08:00:00-04:00',
      room: 'Westmoreland',
      conference: {
        key: 'dlfforum2017.sched.com',
        name: 'DLF Forum 2017',
        url: 'https://dlfforum2017.sched.com',
        timeZone: 'America/New_York',
      },
    });
  });

  it('takes days from the day anchors and times from the headings', () => {
    const byId = new Map(result.talks.map((t) => [t.externalId, t]));
    expect(byId.get('c1c000f40849b829033b34b287ff9695')?.start).toBe('2017-10-23T07:30:00-04:00');
    expect(byId.get('a646e5c6eeae6b342a5481c0a34df7a4')).toMatchObject({
      title: 'NDSA Coordinating Committee',
      start: '2017-10-26T07:00:00-04:00',
    });
  });

  it('strips room and people spans from titles, splits speakers, and drops the "#" slug fragment from links', () => {
    const t = result.talks.find((x) => x.externalId === '1a6c9469dce249d4c0ccb8341efca7f4')!;
    expect(t.title).toBe('#dlfLAC-HBCU plenary: welcome and Loretta Parham keynote');
    expect(t.url).toBe('https://dlfforum2017.sched.com/event/Bzri/');
    expect(t.speakers.map((s) => s.name)).toEqual(['Sandra Phoenix', 'Loretta Parham']);
    expect(t.speakers[0]).toMatchObject({ role: null, company: null, profileUrl: null, avatarUrl: null });
    expect(result.talks.every((t) => !t.title.includes('•') && !t.url.includes('#'))).toBe(true);
  });

  it('says the list has no end times', () => {
    expect(result.warnings).toEqual([expect.stringMatching(/no end times/)]);
  });
});

describe('Sched all.ics (same 151 events, UTC)', () => {
  const ics = parseIcs(icsText(), ICS_URL);

  it('reads all events: UID as Sched id, event page URL, UTC times, room, type, decoded description', () => {
    expect(ics.source).toBe('ics');
    expect(ics.talks).toHaveLength(151);
    const t = ics.talks.find((x) => x.externalId === '1a6c9469dce249d4c0ccb8341efca7f4')!;
    expect(t).toMatchObject({
      url: 'https://dlfforum2017.sched.com/event/1a6c9469dce249d4c0ccb8341efca7f4',
      start: '2017-10-22T13:30:00Z',
      end: '2017-10-22T14:30:00Z',
      timeZone: null,
      room: 'Westmoreland',
      tracks: ['LACS-HBCUS PLENARY SESSIONS'],
      conference: { key: 'dlfforum2017.sched.com', name: 'DLF Forum 2017' },
    });
    expect(t.description).toContain('We’re very pleased');
    expect(t.description).toContain('pre-conference, which');
    expect(t.description).not.toMatch(/&rsquo;|\\,/);
    expect(ics.talks.find((x) => x.externalId === '81c9e4cafea68bf4173e89841f8af5b6')!.description).toBeNull();
  });

  it('does not invent the venue zone from a UTC-only feed', () => {
    expect(ics.talks.every((t) => t.timeZone === null && t.start!.endsWith('Z'))).toBe(true);
    expect(ics.warnings).toEqual([expect.stringMatching(/UTC only/)]);
  });

  it('matches every list session by UID, with the list’s EDT times equal to the ICS instants', () => {
    const listTalks = list().talks;
    const byUid = new Map(ics.talks.map((t) => [t.externalId, t]));
    expect([...byUid.keys()].sort()).toEqual(listTalks.map((t) => t.externalId).sort());
    const observed = listTalks.map((t) => {
      const other = byUid.get(t.externalId)!;
      expect(Date.parse(t.start!)).toBe(Date.parse(other.start!));
      const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(t.start!)!.map(Number);
      return {
        at: Date.parse(other.start!),
        offsetMinutes: offsetBetween(
          { year: y!, month: mo!, day: d!, hour: h!, minute: mi! },
          Date.parse(other.start!),
        ),
      };
    });
    expect(new Set(observed.map((o) => o.offsetMinutes))).toEqual(new Set([-240]));
    expect(resolveTimeZone({ printed: ['EDT'], observed }).timeZone).toBe('America/New_York');
  });

  it('merges into the list: end times and descriptions added, written in the venue zone', () => {
    const merged = mergeTalks(list(), ics);
    expect(merged.talks).toHaveLength(151);
    expect(merged.talks.every((t) => t.end?.endsWith('-04:00') && t.timeZone === 'America/New_York')).toBe(true);
    const t = merged.talks.find((x) => x.externalId === '1a6c9469dce249d4c0ccb8341efca7f4')!;
    expect(t).toMatchObject({
      start: '2017-10-22T09:30:00-04:00',
      end: '2017-10-22T10:30:00-04:00',
      url: 'https://dlfforum2017.sched.com/event/Bzri/',
    });
    expect(t.description).toContain('Loretta Parham');
    expect(merged.warnings).toEqual([]);
  });

  it('is read by extractTalks when the browser shows the feed as text', () => {
    const escaped = icsText().replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const doc = loadDocument(`<html><head></head><body><pre>${escaped}</pre></body></html>`, ICS_URL);
    const result = extractTalks(doc, ICS_URL);
    expect(result.source).toBe('ics');
    expect(result.talks).toHaveLength(151);
  });
});

describe('pretalx schedule.json', () => {
  it('reads the 48 rC3 talks with offsets, ends from durations, codes, speakers and Markdown', () => {
    const url = 'https://pretalx.rc3.studio/rc3-channels-2020/schedule/export/schedule.json';
    const result = parsePretalxSchedule(json('pretalx-rc3-channels-2020-schedule.json'), url);
    expect(result.talks).toHaveLength(48);
    expect(
      result.talks.every((t) => t.start?.endsWith('+01:00') && t.end?.endsWith('+01:00') && t.timeZone === null),
    ).toBe(true);
    const t = result.talks.find((x) => x.externalId === 'MJA8QY')!;
    expect(t).toMatchObject({
      source: 'pretalx',
      url: 'https://pretalx.rc3.studio/rc3-channels-2020/talk/MJA8QY/',
      title: 'Der faule Admin automatisiert: Gluon auf echter Hardware testen',
      start: '2020-12-27T11:30:00+01:00',
      end: '2020-12-27T12:10:00+01:00',
      room: 'r3s - Monheim/Rhein',
      tracks: ['MON r3s Rhein VHS'],
      customFields: { Type: 'Talk 30 min + 10min Q&A', Language: 'de' },
      conference: { key: 'https://pretalx.rc3.studio/rc3-channels-2020/', name: 'rC3 Channels', timeZone: null },
    });
    expect(t.speakers.map((s) => [s.name, s.profileUrl])).toEqual([
      ['Chris Fiege', 'https://pretalx.rc3.studio/rc3-channels-2020/speaker/SCD9VJ/'],
      ['Kasa', 'https://pretalx.rc3.studio/rc3-channels-2020/speaker/MCQKPV/'],
    ]);
    expect(t.description).toContain('[Gluon](https://gluon.readthedocs.io/)');
    expect(t.description).not.toContain('\r');
    expect(result.warnings).toEqual([expect.stringMatching(/does not name its time zone/)]);
  });

  it('keeps democon’s +01:00 instants although it claims UTC, and names no zone', () => {
    const result = parsePretalxSchedule(
      json('pretalx-democon-schedule.json'),
      'http://localhost/democon/schedule/export/schedule.json',
    );
    expect(result.talks).toHaveLength(36);
    const t = result.talks.find((x) => x.externalId === 'G9JGWY')!;
    expect(t).toMatchObject({
      start: '2020-12-14T09:00:00+01:00',
      end: '2020-12-14T09:30:00+01:00',
      timeZone: null,
      room: 'Gray Room',
    });
    expect(Date.parse(t.start!)).toBe(Date.UTC(2020, 11, 14, 8));
    expect(result.talks.every((t) => t.timeZone === null && t.start?.endsWith('+01:00'))).toBe(true);
    expect(result.warnings.join(' ')).toMatch(/“UTC”.*other offsets/);
  });

  it('uses the named zone when it fits the offsets', () => {
    const data = json('pretalx-democon-schedule.json') as { schedule: { conference: { time_zone_name: string } } };
    data.schedule.conference.time_zone_name = 'Europe/Berlin';
    const result = parsePretalxSchedule(data, 'http://localhost/democon/schedule.json');
    expect(result.talks.every((t) => t.timeZone === 'Europe/Berlin')).toBe(true);
    expect(result.warnings).toEqual([]);
  });
});

describe('Sessionize view/All (Global Azure Austria 2024)', () => {
  const url = 'https://sessionize.com/api/v2/abc123xy/view/All';

  it('reads the 15 sessions in Europe/Vienna (+02:00 in April) when the zone is known', () => {
    const result = parseSessionizeAll(json('sessionize-gaa2024-all.json'), url, { timeZone: 'Europe/Vienna' });
    expect(result.talks).toHaveLength(15);
    expect(
      result.talks.every(
        (t) => t.start?.endsWith('+02:00') && t.end?.endsWith('+02:00') && t.timeZone === 'Europe/Vienna',
      ),
    ).toBe(true);
    const t = result.talks.find((x) => x.externalId === '658419')!;
    expect(t).toMatchObject({
      source: 'sessionize',
      title: 'Keynote: Pioneering the Future of Java with Intelligent Apps',
      start: '2024-04-20T09:00:00+02:00',
      end: '2024-04-20T09:45:00+02:00',
      room: 'Aula',
      customFields: { 'Short Title': 'keynote-java-ai', 'YouTube Video': 'https://youtube.com/live/mIguuYMFbh0' },
      videoUrl: 'https://www.youtube.com/watch?v=mIguuYMFbh0',
      conference: { key: 'sessionize:abc123xy', timeZone: 'Europe/Vienna' },
    });
    expect(Date.parse(t.start!)).toBe(Date.UTC(2024, 3, 20, 7));
    expect(t.speakers[0]).toMatchObject({
      name: 'Ed Burns',
      role: 'Principal Architect on the Java Tooling and Experiences team',
      company: 'Microsoft',
      roleCompanyRaw: 'Principal Architect on the Java Tooling and Experiences team at Microsoft',
      avatarUrl: expect.stringMatching(/^https:\/\/sessionize\.com\/image\//),
    });
    expect(t.description).toContain('* What is the state of the art');
    expect(result.warnings).toEqual([]);
  });

  it('leaves times empty without a zone, and says why', () => {
    const result = parseSessionizeAll(json('sessionize-gaa2024-all.json'), url);
    expect(result.talks).toHaveLength(15);
    expect(result.talks.every((t) => t.start === null && t.timeZone === null)).toBe(true);
    expect(result.warnings[0]).toMatch(/without a time zone/);
  });

  it('does not split a free-text tagline without " at "', () => {
    const result = parseSessionizeAll(json('sessionize-gaa2024-all.json'), url);
    const speaker = result.talks.flatMap((t) => t.speakers).find((s) => s.name === 'Alex Kornfellner')!;
    expect(speaker).toMatchObject({
      role: 'Lehrer für Mathematik, KI und Advanced Algorithms an der HTL Leonding',
      company: null,
    });
  });

  it('is read by extractTalks from a JSON document, with the caller’s zone', () => {
    const text = readFixture(`${REAL_FIXTURES}/sessionize-gaa2024-all.json`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;');
    const doc = loadDocument(`<html><body><pre>${text}</pre></body></html>`, url);
    const result = extractTalks(doc, url, { timeZone: 'Europe/Vienna' });
    expect(result.source).toBe('sessionize');
    expect(result.talks).toHaveLength(15);
    expect(result.talks[0]!.start).toMatch(/\+02:00$/);
  });

  it('reads a pretalx export shown as a JSON document', () => {
    const url2 = 'https://pretalx.rc3.studio/rc3-channels-2020/schedule/export/schedule.json';
    const text = readFixture(`${REAL_FIXTURES}/pretalx-rc3-channels-2020-schedule.json`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;');
    const result = extractTalks(loadDocument(`<pre>${text}</pre>`, url2), url2);
    expect(result).toMatchObject({ source: 'pretalx' });
    expect(result.talks).toHaveLength(48);
  });
});
