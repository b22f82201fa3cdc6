import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import { upsertTalks } from '../../lib/db/talks';
import type { ExtractedTalk, Talk } from '../../lib/model';
import { recapTalks } from '../../lib/recap';
import {
  addTalkByHand,
  checkTalkForm,
  currentConferenceId,
  deleteTalk,
  formFromTalk,
  newTalkForm,
  restoreTalk,
  saveTalkEdit,
  talkBelongings,
  type TalkForm,
} from '../../lib/talks/edit';

const clipped = (over: Partial<ExtractedTalk> = {}): ExtractedTalk => ({
  source: 'sched',
  url: 'https://conf.sched.com/event/abc/x',
  externalId: 'a'.repeat(32),
  title: 'Platform Engineering',
  start: '2025-09-09T09:30:00-07:00',
  end: '2025-09-09T10:00:00-07:00',
  timeZone: 'America/Los_Angeles',
  room: 'Room 1',
  tracks: ['Platform'],
  customFields: {},
  speakers: [
    {
      name: 'Jane Doe',
      role: 'Staff Engineer',
      company: 'Acme',
      roleCompanyRaw: 'Staff Engineer, Acme',
      group: 'Speakers',
      profileUrl: 'https://conf.sched.com/speaker/jdoe',
      avatarUrl: null,
    },
  ],
  descriptionHtml: null,
  description: 'About it',
  files: [{ name: 'slides.pdf', url: 'https://static.sched.com/slides.pdf' }],
  videoUrl: null,
  conference: { key: 'conf.sched.com', name: 'Conf', url: 'https://conf.sched.com', timeZone: 'America/Los_Angeles' },
  ...over,
});

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`edit-${crypto.randomUUID()}`);
  await db.open();
});

const stored = async (): Promise<Talk> => (await db.talks.toArray())[0]!;
const check = (form: TalkForm, previous: Talk | null = null) => {
  const result = checkTalkForm(form, previous);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.talk;
};

describe('the talk form', () => {
  it('shows a clipped talk in its venue’s clock, whatever the viewer’s zone', async () => {
    await upsertTalks(db, [clipped()]);
    const form = formFromTalk(await stored(), 'Europe/Berlin');
    expect(form).toMatchObject({
      date: '2025-09-09',
      startTime: '09:30',
      endTime: '10:00',
      timeZone: 'America/Los_Angeles',
      tracks: 'Platform',
      slides: 'https://static.sched.com/slides.pdf',
    });
    expect(form.speakers).toEqual([{ name: 'Jane Doe', role: 'Staff Engineer', company: 'Acme' }]);
  });

  it('a new talk starts now, for half an hour, in the viewer’s zone', () => {
    const form = newTalkForm(Date.UTC(2026, 2, 23, 13, 7, 42), 'Europe/Amsterdam');
    expect(form).toMatchObject({
      title: '',
      date: '2026-03-23',
      startTime: '14:07',
      endTime: '14:37',
      timeZone: 'Europe/Amsterdam',
    });
  });

  it('refuses links that are not http(s), zones that are not IANA zones, and a missing title — each on its field', () => {
    const form = {
      ...newTalkForm(0, 'UTC'),
      title: ' ',
      timeZone: 'CST',
      videoUrl: 'javascript:alert(1)',
      slides: 'https://ok.example/a.pdf\nftp://x/y',
      links: 'data:text/html,hi',
      url: 'not a url',
    };
    const result = checkTalkForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['links', 'slides', 'timeZone', 'title', 'url', 'videoUrl']);
    expect(result.errors.timeZone).toMatch(/abbreviation/);
    expect(result.errors.slides).toMatch(/ftp:\/\/x\/y/);
  });

  it('refuses a link longer than any other reader keeps (the rule in lib/validate), so a backup of the edit restores', () => {
    const long = `https://x.example/${'a'.repeat(2 * 1024 * 1024)}`;
    const result = checkTalkForm({ ...newTalkForm(0, 'UTC'), title: 'T', videoUrl: long, slides: long });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['slides', 'videoUrl']);
  });

  it('reads a zone as typed (any case, or a city) in its canonical spelling', () => {
    expect(check({ ...newTalkForm(0, 'UTC'), title: 'T', timeZone: 'europe/vienna' }).timeZone).toBe('Europe/Vienna');
    expect(check({ ...newTalkForm(0, 'UTC'), title: 'T', timeZone: 'Vienna' }).timeZone).toBe('Europe/Vienna');
  });

  it('an end before the start crosses midnight; no times at all is a talk without a time', () => {
    const late = check({
      ...newTalkForm(0, 'UTC'),
      title: 'T',
      date: '2026-03-23',
      startTime: '23:30',
      endTime: '00:15',
      timeZone: 'UTC',
    });
    expect([late.start, late.end]).toEqual(
      ['2026-03-23T23:30:00Z', '2026-03-24T00:15:00Z'].map((s) => s.replace('Z', '+00:00')),
    );
    const timeless = check({
      ...newTalkForm(0, 'UTC'),
      title: 'T',
      date: '',
      startTime: '',
      endTime: '',
      timeZone: '',
    });
    expect([timeless.start, timeless.end, timeless.timeZone]).toEqual([null, null, null]);
  });
});

describe('editing a clipped talk', () => {
  it('saves the corrections, records the edited fields, and keeps what the form does not show', async () => {
    await upsertTalks(db, [clipped()]);
    const talk = await stored();
    const form = formFromTalk(talk, 'UTC');
    form.title = 'Platform Engineering, for real';
    form.startTime = '09:45';
    form.timeZone = 'America/Los_Angeles';
    form.speakers = [
      { ...form.speakers[0]!, company: 'Acme Corp' },
      { name: 'Ravi Kumar', role: 'Maintainer', company: '' },
    ];
    expect(await saveTalkEdit(db, talk.id, check(form, talk), 5000)).toBe(true);
    const after = await stored();
    expect(after).toMatchObject({
      title: 'Platform Engineering, for real',
      start: '2025-09-09T09:45:00-07:00',
      startAt: Date.UTC(2025, 8, 9, 16, 45),
      updatedAt: 5000,
    });
    expect(after.speakers[0]).toMatchObject({
      name: 'Jane Doe',
      company: 'Acme Corp',
      roleCompanyRaw: 'Staff Engineer, Acme Corp',
      profileUrl: 'https://conf.sched.com/speaker/jdoe',
    });
    expect(after.files).toEqual([{ name: 'slides.pdf', url: 'https://static.sched.com/slides.pdf' }]);
    expect(after.editedFields!.sort()).toEqual(['end', 'speakers', 'start', 'timeZone', 'title']);
    expect(after.description).toBe('About it');
  });

  it('user edits survive re-clipping: a later clip fills other fields but never the edited ones', async () => {
    await upsertTalks(db, [clipped()]);
    const talk = await stored();
    const form = {
      ...formFromTalk(talk, 'UTC'),
      title: 'My title',
      room: 'Hallway B',
      startTime: '11:00',
      endTime: '11:30',
    };
    await saveTalkEdit(db, talk.id, check(form, talk));
    await upsertTalks(db, [
      clipped({
        title: 'Clipped title',
        room: 'Room 9',
        start: '2025-09-09T13:00:00-07:00',
        end: null,
        videoUrl: 'https://www.youtube.com/watch?v=abc',
      }),
    ]);
    expect(await stored()).toMatchObject({
      title: 'My title',
      room: 'Hallway B',
      start: '2025-09-09T11:00:00-07:00',
      end: '2025-09-09T11:30:00-07:00',
      videoUrl: 'https://www.youtube.com/watch?v=abc',
    });
  });

  it('saving an unchanged form changes nothing', async () => {
    await upsertTalks(db, [clipped()], 1000);
    const talk = await stored();
    expect(await saveTalkEdit(db, talk.id, check(formFromTalk(talk, 'Asia/Tokyo'), talk), 2000)).toBe(false);
    expect((await stored()).updatedAt).toBe(1000);
  });
});

describe('adding a talk by hand', () => {
  it('stores a hallway talk with no page under the current conference, untouched by any clip', async () => {
    await upsertTalks(db, [clipped()]);
    const talks = await db.talks.toArray();
    const conference = currentConferenceId(talks, null);
    const talk = await addTalkByHand(
      db,
      check({
        ...newTalkForm(Date.UTC(2025, 8, 9, 20), 'America/Los_Angeles'),
        title: 'Hallway: eBPF chat',
        speakers: [{ name: 'Liz', role: '', company: 'Isovalent' }],
      }),
      conference,
      7000,
    );
    expect(talk).toMatchObject({
      source: 'manual',
      url: '',
      conferenceId: conference,
      start: '2025-09-09T13:00:00-07:00',
      startAt: Date.UTC(2025, 8, 9, 20),
    });
    expect(talk.key).toBe(`manual:${talk.id}`);
    expect(await db.talks.count()).toBe(2);
    await upsertTalks(db, [clipped({ title: 'Hallway: eBPF chat' })]);
    expect(await db.talks.count()).toBe(2);
  });
});

describe('deleting a talk', () => {
  it('takes its notes, highlights and draft with it, and Undo puts everything back', async () => {
    const { ids } = await upsertTalks(db, [clipped(), clipped({ externalId: 'b'.repeat(32), title: 'Other' })]);
    const [id, other] = ids as [string, string];
    await db.notes.bulkAdd([
      { id: 'n1', talkId: id, kind: 'plain', text: 'one', createdAt: 1, updatedAt: 1 },
      { id: 'n2', talkId: other, kind: 'plain', text: 'other talk', createdAt: 1, updatedAt: 1 },
    ]);
    await db.highlights.add({
      id: 'h1',
      talkId: id,
      pageUrl: 'https://blog.example/p',
      pageTitle: 'P',
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: null,
      comment: '',
      color: 'yellow',
      createdAt: 1,
      updatedAt: 1,
    });
    await db.drafts.put({ key: id, text: 'half a thought', updatedAt: 1 });
    expect(await talkBelongings(db, id)).toEqual({ notes: 1, highlights: 1 });

    const removed = await deleteTalk(db, id);
    expect(await db.talks.get(id)).toBeUndefined();
    expect(await db.notes.toArray()).toEqual([expect.objectContaining({ id: 'n2' })]);
    expect(await db.highlights.count()).toBe(0);
    expect(await db.drafts.count()).toBe(0);

    await restoreTalk(db, removed);
    expect(await db.talks.get(id)).toEqual(removed.talk);
    expect((await db.notes.toArray()).map((n) => n.id).sort()).toEqual(['n1', 'n2']);
    expect(await db.highlights.get('h1')).toEqual(removed.highlights[0]);
    expect(await db.drafts.get(id)).toMatchObject({ text: 'half a thought' });
  });
});

describe('day exports', () => {
  it('leave out talks not attended, and (when asked) talks without notes or highlights', async () => {
    const { ids } = await upsertTalks(db, [
      clipped(),
      clipped({ externalId: 'b'.repeat(32), title: 'Skipped' }),
      clipped({ externalId: 'c'.repeat(32), title: 'Quiet' }),
    ]);
    const [noted, skipped] = ids as [string, string, string];
    const talks = await db.talks.toArray();
    const form = { ...formFromTalk(talks.find((t) => t.id === skipped)!, 'UTC'), notAttended: true };
    await saveTalkEdit(db, skipped, check(form, talks.find((t) => t.id === skipped)!));
    const input = {
      talks: await db.talks.toArray(),
      notes: [
        { id: 'n', talkId: noted, kind: 'plain' as const, text: 'x', createdAt: 1, updatedAt: 1 },
        { id: 'm', talkId: skipped, kind: 'plain' as const, text: 'y', createdAt: 1, updatedAt: 1 },
      ],
      highlights: [],
    };
    expect(
      recapTalks(input, { skipNotAttended: true })
        .map((t) => t.title)
        .sort(),
    ).toEqual(['Platform Engineering', 'Quiet']);
    expect(recapTalks(input, { skipNotAttended: true, onlyWithNotes: true }).map((t) => t.title)).toEqual([
      'Platform Engineering',
    ]);
    expect(recapTalks(input, {}).length).toBe(3);
  });
});
