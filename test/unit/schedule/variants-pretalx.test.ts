/** pretalx in other locales, with several speakers, and a schedule export whose zone name is wrong. */
import { describe, expect, it } from 'vitest';
import { extractTalks, parsePretalxSchedule } from '../../../lib/schedule';
import { parseTimeRange } from '../../../lib/time/parse';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/schedule/${name}`);
const none = { role: null, company: null, roleCompanyRaw: null, group: null };

describe('pretalx talk page in German, released markup (slot printed as text), three speakers', () => {
  const url = 'https://fahrplan.example.org/38c3/talk/KX7RPL/';
  const result = extractTalks(loadDocument(fixture('variant-pretalx-de-old.html'), url), url);
  const t = result.talks[0]!;

  it('reads the German date, the end after midnight, room and conference', () => {
    expect(result).toMatchObject({ source: 'pretalx', warnings: [] });
    expect(t).toMatchObject({
      source: 'pretalx',
      url,
      externalId: 'KX7RPL',
      title: 'Sichere Lieferketten für Open-Source-Software',
      start: '2024-12-28T23:15:00+01:00',
      end: '2024-12-29T00:15:00+01:00',
      timeZone: 'Europe/Berlin',
      room: 'Saal Zuse',
      tracks: [],
      videoUrl: null,
      files: [],
      conference: {
        key: 'https://fahrplan.example.org/38c3/',
        name: '38C3',
        url: 'https://fahrplan.example.org/38c3/',
        timeZone: 'Europe/Berlin',
      },
    });
  });

  it('reads the language line and the do-not-record mark, as the schedule export does', () => {
    expect(t.customFields).toEqual({ Sprache: 'Deutsch', Recording: 'Not recorded' });
  });

  it('reads every speaker, linked or not, without placeholder avatars or their other talks', () => {
    expect(t.speakers).toEqual([
      {
        name: 'Jana Müller',
        ...none,
        profileUrl: 'https://fahrplan.example.org/38c3/speaker/AB12CD/',
        avatarUrl: 'https://fahrplan.example.org/media/38c3/avatars/AB12CD_thumb.png',
      },
      {
        name: 'Ömer Yılmaz',
        ...none,
        profileUrl: 'https://fahrplan.example.org/38c3/speaker/EF34GH/',
        avatarUrl: null,
      },
      { name: 'Kim Schröder', ...none, profileUrl: null, avatarUrl: null },
    ]);
  });

  it('joins abstract and description into Markdown with absolute links', () => {
    expect(t.description).toBe(
      'Signaturen, SBOMs und reproduzierbare Builds – was davon hilft wirklich?\n\n* * *\n\nWir zeigen [Beispiele](https://fahrplan.example.org/38c3/talk/KX7RPL/) aus drei Projekten.',
    );
  });

  it('reads the German day-first date form too', () => {
    const html = fixture('variant-pretalx-de-old.html').replace(
      'Samstag, Dezember 28th, 23:15–00:15',
      'Samstag, 28. Dezember 2024, 23:15–00:15',
    );
    const r = extractTalks(loadDocument(html, url), url);
    expect(r.talks[0]).toMatchObject({ start: '2024-12-28T23:15:00+01:00', end: '2024-12-29T00:15:00+01:00' });
  });
});

describe('pretalx talk page in German, newer markup (<time data-isodatetime>), two speakers', () => {
  const url = 'https://programm.froscon.example/2025/talk/PQ8STU/';
  const result = extractTalks(loadDocument(fixture('variant-pretalx-de-new.html'), url), url);
  const t = result.talks[0]!;

  it('reads instants, zone and a room name holding parentheses', () => {
    expect(result).toMatchObject({ source: 'pretalx', warnings: [] });
    expect(t).toMatchObject({
      externalId: 'PQ8STU',
      title: 'Barrierefreie Formulare',
      start: '2025-08-16T14:00:00+02:00',
      end: '2025-08-16T14:45:00+02:00',
      timeZone: 'Europe/Berlin',
      room: 'HS 1 (Hörsaal 1)',
      customFields: {},
      tracks: [],
      description: 'Wie Formulare für _alle_ funktionieren.',
      conference: { key: 'https://programm.froscon.example/2025/', name: 'FrOSCon 2025', timeZone: 'Europe/Berlin' },
    });
    expect(t.speakers).toEqual([
      {
        name: 'Sophie Wagner',
        ...none,
        profileUrl: 'https://programm.froscon.example/2025/speaker/LMN789/',
        avatarUrl: 'https://programm.froscon.example/media/avatars/LMN789_thumb.webp',
      },
      {
        name: 'Felix Neumann',
        ...none,
        profileUrl: 'https://programm.froscon.example/2025/speaker/OPQ123/',
        avatarUrl: null,
      },
    ]);
  });

  it('takes a linked recording as the video, as the schedule export does, and keeps the slides as a file', () => {
    expect(t.videoUrl).toBe('https://media.ccc.de/v/froscon2025-3401-barrierefreie_formulare');
    expect(t.files).toEqual([
      { name: 'Folien', url: 'https://programm.froscon.example/media/2025/submissions/PQ8STU/resources/folien.pdf' },
    ]);
  });
});

describe('pretalx mounted under a sub-path', () => {
  it('reads the talk and names the event by its full base address', () => {
    const url = 'https://events.example.org/pretalx/2025/talk/PQ8STU/';
    const html = fixture('variant-pretalx-de-new.html').replaceAll('"/2025/', '"/pretalx/2025/');
    const result = extractTalks(loadDocument(html, url), url);
    expect(result.talks[0]).toMatchObject({
      externalId: 'PQ8STU',
      title: 'Barrierefreie Formulare',
      start: '2025-08-16T14:00:00+02:00',
      conference: { key: 'https://events.example.org/pretalx/2025/', url: 'https://events.example.org/pretalx/2025/' },
    });
    expect(result.talks[0]!.speakers[0]!.profileUrl).toBe('https://events.example.org/pretalx/2025/speaker/LMN789/');
  });
});

describe('dates printed in other languages', () => {
  it.each([
    ['Samstag, 28. Dezember 2024, 11:00–11:40 (Europe/Berlin)', 2024, 12, 28],
    ['Samstag, Dezember 28th, 11:00–11:40', 2024, 12, 28],
    ['Mo., 3. März 2025, 09:00–09:30', 2025, 3, 3],
    ['samedi 28 décembre 2024, 11:00–11:40', 2024, 12, 28],
    ['1er février 2025 10:00 – 10:30', 2025, 2, 1],
    ['sábado, 28 de diciembre de 2024, 11:00–11:40', 2024, 12, 28],
    ['sabato 14 settembre 2024, 11:00–11:40', 2024, 9, 14],
    ['zaterdag 1 februari 2025 11:00–11:40', 2025, 2, 1],
    ['quinta-feira, 5 de junho de 2025, 11:00–11:40', 2025, 6, 5],
  ])('%s', (text, year, month, day) => {
    expect(parseTimeRange(text, { year: 2024 })).toMatchObject({
      startDate: { year, month, day },
      start: { hour: expect.any(Number) },
    });
  });

  it('does not read a month out of a longer word', () => {
    expect(parseTimeRange('14 Mayfair Place, 10:00–11:00')?.startDate ?? null).toBeNull();
  });
});

describe('pretalx schedule.json whose time_zone_name disagrees with its offsets', () => {
  const json = JSON.parse(fixture('variant-pretalx-tz-mismatch.json')) as unknown;
  const url = 'https://pretalx.example.pt/lisbonpy-2025/schedule/export/schedule.json';

  it('keeps the offsets as written, names no zone and says why', () => {
    const result = parsePretalxSchedule(json, url);
    expect(result.talks.map((t) => [t.title, t.start, t.end, t.timeZone])).toEqual([
      ['Typing in Anger', '2025-03-14T09:30:00+01:00', '2025-03-14T11:00:00+01:00', null],
      ['Night Hacking', '2025-03-14T23:30:00+01:00', '2025-03-15T00:30:00+01:00', null],
    ]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/names its time zone “Europe\/Lisbon”, but its times are written with other offsets/),
    ]);
  });

  it('reads every other field of each talk', () => {
    const [typing, night] = parsePretalxSchedule(json, url).talks;
    expect(typing).toMatchObject({
      url: 'https://pretalx.example.pt/lisbonpy-2025/talk/ABC123/',
      externalId: 'ABC123',
      room: 'Auditório',
      tracks: ['Web'],
      customFields: { Type: 'Talk', Language: 'pt' },
      description: 'Tipos **na prática**.',
      videoUrl: 'https://www.youtube.com/watch?v=Lp0Ab3Cd9Ef',
      files: [
        {
          name: 'Slides',
          url: 'https://pretalx.example.pt/media/lisbonpy-2025/submissions/ABC123/resources/slides.pdf',
        },
      ],
      conference: {
        key: 'https://pretalx.example.pt/lisbonpy-2025/',
        name: 'LisbonPy 2025',
        url: 'https://pretalx.example.pt/lisbonpy-2025/',
        timeZone: null,
      },
    });
    expect(typing!.speakers).toEqual([
      {
        name: 'Inês Costa',
        ...none,
        profileUrl: 'https://pretalx.example.pt/lisbonpy-2025/speaker/PX9AB1/',
        avatarUrl: null,
      },
      {
        name: 'Rui Alves',
        ...none,
        profileUrl: 'https://pretalx.example.pt/lisbonpy-2025/speaker/QW2ER3/',
        avatarUrl: 'https://pretalx.example.pt/media/avatars/rui.png',
      },
    ]);
    expect(night).toMatchObject({
      externalId: 'DEF456',
      room: 'Sala 2',
      tracks: [],
      speakers: [],
      description: null,
      files: [],
      videoUrl: null,
      customFields: { Subtitle: 'Bring your laptop', Type: 'Workshop', Language: 'en', Recording: 'Not recorded' },
    });
  });

  it('uses the zone the caller knows when it fits the offsets', () => {
    const result = parsePretalxSchedule(json, url, { timeZone: 'Europe/Paris' });
    expect(result.talks[0]).toMatchObject({ start: '2025-03-14T09:30:00+01:00', timeZone: 'Europe/Paris' });
    expect(result.warnings).toEqual([]);
  });

  it('is read the same when the browser shows it as a JSON document', () => {
    const doc = loadDocument(
      `<html><body><pre>${fixture('variant-pretalx-tz-mismatch.json').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`,
      url,
    );
    expect(extractTalks(doc, url).talks.map((t) => t.start)).toEqual([
      '2025-03-14T09:30:00+01:00',
      '2025-03-14T23:30:00+01:00',
    ]);
  });
});
