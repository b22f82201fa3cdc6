/** Sessionize's `view/GridSmart` JSON: days → rooms → sessions, plenary sessions repeated in every room. */
import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const text = readFixture(`${OWN_FIXTURES}/schedule/variant-sessionize-gridsmart.json`);
const url = 'https://sessionize.com/api/v2/q1w2e3r4/view/GridSmart';
const page = `<html><body><pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre></body></html>`;
const person = (name: string) => ({
  name,
  role: null,
  company: null,
  roleCompanyRaw: null,
  group: null,
  profileUrl: null,
  avatarUrl: null,
});

describe('Sessionize GridSmart JSON opened in the browser', () => {
  it('reads each session once, in the zone the caller knows', () => {
    const result = extractTalks(loadDocument(page, url), url, { timeZone: 'Europe/Vienna' });
    expect(result).toMatchObject({ source: 'sessionize', warnings: [] });
    expect(result.talks.map((t) => [t.title, t.start, t.end, t.room])).toEqual([
      ['Keynote: Azure in 2024', '2024-04-20T09:00:00+02:00', '2024-04-20T09:45:00+02:00', 'Saal 1'],
      ['Lunch', '2024-04-20T12:00:00+02:00', '2024-04-20T13:00:00+02:00', 'Saal 1'],
      ['Bicep vs. Terraform', '2024-04-20T10:00:00+02:00', '2024-04-20T10:45:00+02:00', 'Saal 2'],
    ]);
    const [keynote, lunch, bicep] = result.talks;
    expect(keynote).toMatchObject({
      externalId: '612345',
      url: `${url}#sz-session-612345`,
      timeZone: 'Europe/Vienna',
      tracks: ['Cloud'],
      customFields: { Level: 'Beginner' },
      description: 'Where the platform is going.\n\nWith demos.',
      videoUrl: 'https://www.youtube.com/watch?v=Gr1dSm4rt00',
      files: [],
      conference: { key: 'sessionize:q1w2e3r4', timeZone: 'Europe/Vienna' },
    });
    expect(keynote!.speakers).toEqual([person('Eva Gruber')]);
    expect(lunch).toMatchObject({ speakers: [], tracks: [], description: null, videoUrl: null });
    expect(bicep!.speakers).toEqual([person('Jakob Steiner'), person('Mia Hofer')]);
    expect(bicep).toMatchObject({ tracks: ['DevOps'], description: null });
  });

  it('leaves the times empty and asks for the zone when none is known', () => {
    const result = extractTalks(loadDocument(page, url), url);
    expect(result.talks.map((t) => t.start)).toEqual([null, null, null]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/without a time zone, so the times of 3 sessions were left empty/),
    ]);
  });
});
