import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { clippedKeys, upsertTalks } from '../../../lib/db/talks';
import { legacyTalkKey, talkKey } from '../../../lib/schedule/talk-key';
import type { ExtractedTalk } from '../../../lib/model';

const talk = (over: Partial<ExtractedTalk> = {}): ExtractedTalk => ({
  source: 'sched',
  url: 'https://conf.sched.com/event/abc/x',
  externalId: 'a'.repeat(32),
  title: 'A talk',
  start: '2025-09-09T09:30:00-07:00',
  end: '2025-09-09T10:00:00-07:00',
  timeZone: 'America/Los_Angeles',
  room: 'Room 1',
  tracks: [],
  customFields: {},
  speakers: [],
  descriptionHtml: '<p>Long</p>',
  description: 'Long',
  files: [],
  videoUrl: null,
  conference: { key: 'conf.sched.com', name: null, url: 'https://conf.sched.com', timeZone: null },
  ...over,
});

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('upsertTalks', () => {
  it('adds a talk with instants and a conference', async () => {
    const s = await upsertTalks(db, [talk()], 1000);
    expect(s).toMatchObject({ added: 1, updated: 0, skipped: 0 });
    const [stored] = await db.talks.toArray();
    expect(stored).toMatchObject({
      startAt: Date.UTC(2025, 8, 9, 16, 30),
      endAt: Date.UTC(2025, 8, 9, 17),
      clippedAt: 1000,
      links: [],
    });
    expect(await db.conferences.count()).toBe(1);
  });

  it('finds a talk stored under the old key, moves it to the new one, and clips from another link join it', async () => {
    const page = talk({ source: 'jsonld', externalId: null, url: 'https://devdays.example.com/talks/calm/' });
    await upsertTalks(db, [page], 1000);
    // As an older version stored it.
    const [stored] = await db.talks.toArray();
    await db.talks.update(stored!.id, { key: legacyTalkKey(page) });
    expect(await upsertTalks(db, [page], 2000)).toMatchObject({ added: 0, updated: 1 });
    expect((await db.talks.toArray()).map((t) => t.key)).toEqual([talkKey(page)]);
    // Someone else's clip, by an http link without the trailing slash: the same talk.
    const other = { ...page, url: 'http://devdays.example.com/talks/calm' };
    expect(await upsertTalks(db, [other], 3000)).toMatchObject({ added: 0 });
    expect(await db.talks.count()).toBe(1);
  });

  it('clipping the same talk twice updates it instead of duplicating it', async () => {
    await upsertTalks(db, [talk()], 1000);
    expect(await upsertTalks(db, [talk()], 2000)).toMatchObject({ added: 0, updated: 0, skipped: 1 });
    const s = await upsertTalks(db, [talk({ title: 'A better title', room: 'Room 2' })], 3000);
    expect(s).toMatchObject({ added: 0, updated: 1 });
    const all = await db.talks.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ title: 'A better title', room: 'Room 2', clippedAt: 1000, updatedAt: 3000 });
  });

  it('joins views of one session by host and id, and a poorer view keeps what a richer one knew', async () => {
    await upsertTalks(db, [talk()], 1000);
    await upsertTalks(
      db,
      [
        talk({
          url: 'https://conf.sched.com/event/' + 'a'.repeat(32),
          end: null,
          description: null,
          descriptionHtml: null,
        }),
      ],
      2000,
    );
    const [stored] = await db.talks.toArray();
    expect(stored).toMatchObject({ end: '2025-09-09T10:00:00-07:00', description: 'Long' });
  });

  it('a list view that prints names only keeps each speaker’s role, company and avatar, and follows it on who speaks', async () => {
    const ada = {
      name: 'Ada Lovelace',
      role: 'Engineer',
      company: 'Analytical',
      roleCompanyRaw: 'Engineer, Analytical',
      group: 'Speakers',
      profileUrl: 'https://conf.sched.com/speaker/ada',
      avatarUrl: 'https://static.sched.com/a.jpg',
    };
    const bob = {
      ...ada,
      name: 'Bob',
      role: 'PM',
      company: 'Acme',
      roleCompanyRaw: 'PM, Acme',
      profileUrl: null,
      avatarUrl: null,
    };
    const bare = (name: string) => ({
      name,
      role: null,
      company: null,
      roleCompanyRaw: null,
      group: null,
      profileUrl: null,
      avatarUrl: null,
    });
    await upsertTalks(db, [talk({ speakers: [ada, bob] })], 1000);
    expect(await upsertTalks(db, [talk({ speakers: [bare('ada  lovelace'), bare('Bob')] })], 2000)).toMatchObject({
      updated: 1,
    });
    let [stored] = await db.talks.toArray();
    expect(stored!.speakers).toEqual([{ ...ada, name: 'ada  lovelace' }, bob]);
    // Bob left the session, Cy joined: the fresh read says who speaks.
    await upsertTalks(db, [talk({ speakers: [bare('Cy'), bare('Ada Lovelace')] })], 3000);
    [stored] = await db.talks.toArray();
    expect(stored!.speakers).toEqual([bare('Cy'), ada]);
  });

  it('a session moved by a view without end times keeps its length', async () => {
    await upsertTalks(db, [talk()], 1000);
    await upsertTalks(db, [talk({ start: '2025-09-09T11:00:00-07:00', end: null })], 2000);
    const [stored] = await db.talks.toArray();
    expect(stored).toMatchObject({
      start: '2025-09-09T11:00:00-07:00',
      end: '2025-09-09T11:30:00-07:00',
      startAt: Date.UTC(2025, 8, 9, 18),
      endAt: Date.UTC(2025, 8, 9, 18, 30),
    });
  });

  it('a plain-text description replaces the HTML one as a pair, and custom fields are merged', async () => {
    await upsertTalks(db, [talk({ customFields: { Level: 'Any', Slides: 'later' } })], 1000);
    await upsertTalks(
      db,
      [talk({ descriptionHtml: null, description: 'From the feed', customFields: { Level: 'Advanced' } })],
      2000,
    );
    const [stored] = await db.talks.toArray();
    expect(stored).toMatchObject({
      descriptionHtml: null,
      description: 'From the feed',
      customFields: { Level: 'Advanced', Slides: 'later' },
    });
  });

  it('never touches notes', async () => {
    const { ids } = await upsertTalks(db, [talk()], 1000);
    await db.notes.add({ id: 'n1', talkId: ids[0]!, kind: 'plain', text: 'keep me', createdAt: 1, updatedAt: 1 });
    await upsertTalks(db, [talk({ title: 'Renamed' })], 2000);
    expect(await db.notes.get('n1')).toMatchObject({ text: 'keep me', talkId: ids[0] });
  });

  it('reports which keys are clipped', async () => {
    await upsertTalks(db, [talk()], 1000);
    const key = talkKey(talk());
    expect(await clippedKeys(db, [key, 'other'])).toEqual([key]);
  });
});
