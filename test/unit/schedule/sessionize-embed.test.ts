import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const URL_ = 'https://globalazure.at/agenda';
const html = () => readFixture(`${OWN_FIXTURES}/schedule/sessionize-embed.html`);
const extract = (source = html(), options = {}) => extractTalks(loadDocument(source, URL_), URL_, options);
const withCity = (source: string) =>
  source.replace(
    '<div class="sz-timezone__radio sz-timezone__radio--event"><label for="event-timezone"><span class="sz-timezone__name"></span>',
    '<div class="sz-timezone__radio sz-timezone__radio--event"><label for="event-timezone"><span class="sz-timezone__name">Vienna</span>',
  );

describe('Sessionize embed (GridSmart + list)', () => {
  it('reads sessions once each, with instants from data-sztz written in the venue offset', () => {
    const result = extract();
    expect(result.source).toBe('sessionize');
    expect(result.talks.map((t) => t.externalId)).toEqual(['658419', '7e3b1d2c-0000-4aaa-9bbb-123456789abc', '646535']);
    expect(result.talks[0]).toMatchObject({
      url: 'https://globalazure.at/agenda#sz-session-658419',
      title: 'Keynote: Pioneering the Future of Java with Intelligent Apps',
      start: '2024-04-20T09:00:00+02:00',
      end: '2024-04-20T09:45:00+02:00',
      room: 'Aula',
      tracks: ['Java'],
      customFields: { Level: 'Introductory and overview' },
    });
    expect(result.talks[0]!.speakers.map((s) => s.name)).toEqual(['Ed Burns', 'Sandra Ahlgrimm']);
    expect(result.talks[2]).toMatchObject({
      title: 'Hello AI',
      description: 'What large language models can and cannot do.',
    });
  });

  it('names no zone from the offset alone, and says so', () => {
    const result = extract();
    expect(result.talks.every((t) => t.timeZone === null)).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/time zone is unknown/)]);
  });

  it('takes the zone from the embed’s city, or from the caller', () => {
    expect(extract(withCity(html())).talks[0]).toMatchObject({
      timeZone: 'Europe/Vienna',
      start: '2024-04-20T09:00:00+02:00',
    });
    expect(extract(html(), { timeZone: 'Europe/Vienna' }).talks[0]!.timeZone).toBe('Europe/Vienna');
    // A zone that does not fit the instants is not used.
    expect(extract(html(), { timeZone: 'America/New_York' }).talks[0]!.timeZone).toBeNull();
  });

  it('reads the printed day and time once Sessionize’s script has replaced data-sztz', () => {
    const after = withCity(html())
      .replace(/data-sztz="TimeWithDuration\|[^"]*"/g, '')
      .replace(/>09:00 → 45 min</, ' data-sztz-e="09:00 → 45 min">09:00 → 45 min<');
    const result = extract(after);
    expect(result.talks[0]).toMatchObject({
      start: '2024-04-20T09:00:00+02:00',
      end: '2024-04-20T09:45:00+02:00',
      timeZone: 'Europe/Vienna',
    });
    expect(result.talks[2]).toMatchObject({ start: '2024-04-20T10:00:00+02:00' });
  });

  it('says a loader that has not rendered yet shows no sessions', () => {
    const loading = '<html><body><div class="sessionize-loader"><div class="sz-spinner"></div></div></body></html>';
    const result = extract(loading);
    expect(result).toMatchObject({ talks: [], source: 'sessionize' });
    expect(result.warnings[0]).toMatch(/no sessions yet/);
  });
});
