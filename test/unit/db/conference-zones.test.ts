import { beforeEach, describe, expect, it } from 'vitest';
import { chooseConferenceZone, knownConferenceZone } from '../../../lib/db/conference-zones';
import { TalkmarkDB } from '../../../lib/db/schema';
import { upsertTalks } from '../../../lib/db/talks';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

const ref = { key: 'sessionize:abc123de', name: null, url: null, timeZone: null };

describe('conference zones', () => {
  it('remembers a chosen zone as Intl spells it, for a conference never clipped', async () => {
    expect(await knownConferenceZone(db, ref.key)).toBeNull();
    await chooseConferenceZone(db, ref, 'europe/vienna', 1000);
    expect(await knownConferenceZone(db, ref.key)).toBe('Europe/Vienna');
    expect(await db.conferences.toArray()).toMatchObject([
      { key: ref.key, timeZone: 'Europe/Vienna', updatedAt: 1000 },
    ]);
  });

  it('refuses a name that is no zone, and changes nothing', async () => {
    await chooseConferenceZone(db, ref, 'Europe/Vienna');
    await expect(chooseConferenceZone(db, ref, 'Mars/Olympus')).rejects.toThrow(/not a time zone/);
    expect(await knownConferenceZone(db, ref.key)).toBe('Europe/Vienna');
  });

  it('keeps the record a clip made (one conference per key) and what the clip said of it', async () => {
    await upsertTalks(db, [
      {
        source: 'sessionize',
        url: 'https://sessionize.com/api/v2/abc123de/view/All#sz-session-1',
        externalId: '1',
        title: 'T',
        start: null,
        end: null,
        timeZone: null,
        room: null,
        tracks: [],
        customFields: {},
        speakers: [],
        descriptionHtml: null,
        description: null,
        files: [],
        videoUrl: null,
        conference: { ...ref, name: 'Global Azure', url: 'https://example.org' },
      },
    ]);
    await chooseConferenceZone(db, ref, 'Europe/Vienna');
    expect(await db.conferences.toArray()).toMatchObject([
      { key: ref.key, name: 'Global Azure', url: 'https://example.org', timeZone: 'Europe/Vienna' },
    ]);
  });

  it('ignores a stored value that is no zone (a restored file may hold anything)', async () => {
    await db.conferences.add({
      id: 'c1',
      key: 'x.example',
      name: null,
      url: null,
      timeZone: 'Not/AZone',
      updatedAt: 1,
    });
    expect(await knownConferenceZone(db, 'x.example')).toBeNull();
  });
});
