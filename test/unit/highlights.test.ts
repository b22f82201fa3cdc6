import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import {
  addHighlight,
  deleteHighlight,
  highlightsForPage,
  highlightsForTalk,
  recordAnchoring,
  restoreHighlight,
  textFragmentUrl,
  updateHighlight,
} from '../../lib/highlights/store';
import { talkForPage, talkLinks } from '../../lib/highlights/talk-links';
import type { Talk } from '../../lib/model';

const talk = (id: string, over: Partial<Talk> = {}): Talk => ({
  id,
  key: id,
  title: id,
  source: 'sched',
  url: `https://conf.sched.com/event/${id}`,
  externalId: null,
  start: null,
  end: null,
  startAt: null,
  endAt: null,
  timeZone: null,
  room: null,
  tracks: [],
  customFields: {},
  speakers: [],
  descriptionHtml: null,
  description: null,
  files: [],
  videoUrl: null,
  conferenceId: null,
  links: [],
  clippedAt: 0,
  updatedAt: 0,
  ...over,
});

const quote = { type: 'TextQuoteSelector' as const, exact: 'paved roads', prefix: 'build ', suffix: ' for all' };

describe('which talk a page belongs to', () => {
  const withBlog = talk('a', {
    description: 'Read [the write-up](https://blog.example.dev/paved-roads?utm_source=sched).',
    startAt: 1,
  });
  const withSlides = talk('b', {
    files: [{ name: 'slides', url: 'https://static.sched.com/s.pdf' }],
    links: ['https://github.com/acme/roads'],
  });

  it('collects description links, files, the recording and attached links, cleaned', () => {
    expect(talkLinks(withBlog).has('https://blog.example.dev/paved-roads')).toBe(true);
    expect(talkLinks(withSlides)).toEqual(
      new Set(['https://conf.sched.com/event/b', 'https://static.sched.com/s.pdf', 'https://github.com/acme/roads']),
    );
  });

  it('prefers the talk that links to the page, else the Now talk, else none', () => {
    expect(talkForPage('https://blog.example.dev/paved-roads#section-2', [withBlog, withSlides], 'b')).toBe('a');
    expect(talkForPage('https://github.com/acme/roads', [withBlog, withSlides], 'a')).toBe('b');
    expect(talkForPage('https://unrelated.example/', [withBlog, withSlides], 'b')).toBe('b');
    expect(talkForPage('https://unrelated.example/', [withBlog], 'deleted-talk')).toBeNull();
  });
});

describe('highlight store', () => {
  let db: TalkmarkDB;
  beforeEach(async () => {
    db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
    await db.open();
  });

  it('adds, recolours, moves, deletes and restores', async () => {
    const added = await addHighlight(
      db,
      { pageUrl: 'https://b.dev/p', pageTitle: 'P', quote, position: null, talkId: 't1' },
      5,
    );
    if (!added.ok) throw new Error('add failed');
    expect(added.value).toMatchObject({ color: 'yellow', comment: '', orphanedAt: null, createdAt: 5 });
    await updateHighlight(db, added.value.id, { color: 'green', comment: 'key point', talkId: 't2' });
    expect(await highlightsForTalk(db, 't2')).toMatchObject([{ color: 'green', comment: 'key point' }]);
    const deleted = await deleteHighlight(db, added.value.id);
    expect(await highlightsForPage(db, 'https://b.dev/p')).toEqual([]);
    if (deleted.ok) await restoreHighlight(db, deleted.value);
    expect(await highlightsForPage(db, 'https://b.dev/p')).toHaveLength(1);
  });

  it('marks orphans without deleting them, and clears the mark when found again', async () => {
    const a = await addHighlight(db, {
      pageUrl: 'https://b.dev/p',
      pageTitle: 'P',
      quote,
      position: null,
      talkId: null,
    });
    const id = a.ok ? a.value.id : '';
    await recordAnchoring(db, 'https://b.dev/p', [], [id], 100);
    expect((await db.highlights.get(id))?.orphanedAt).toBe(100);
    await recordAnchoring(db, 'https://b.dev/p', [], [id], 200);
    expect((await db.highlights.get(id))?.orphanedAt).toBe(100);
    await recordAnchoring(db, 'https://b.dev/p', [id], [], 300);
    expect((await db.highlights.get(id))?.orphanedAt).toBeNull();
  });

  it('links to the quote with a text fragment', () => {
    expect(
      textFragmentUrl({ pageUrl: 'https://b.dev/p#top', quote: { ...quote, exact: 'self-serve paved roads' } }),
    ).toBe('https://b.dev/p#:~:text=self%2Dserve%20paved%20roads');
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(textFragmentUrl({ pageUrl: 'https://b.dev/p', quote: { ...quote, exact: long } })).toBe(
      'https://b.dev/p#:~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen',
    );
  });
});
