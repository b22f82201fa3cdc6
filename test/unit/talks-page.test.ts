import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import { talkForPage } from '../../lib/highlights/talk-links';
import { extractTalks } from '../../lib/schedule';
import { isPartialRead, pageReadKind, thinReadNotice } from '../../lib/talks/page-read';
import { pageTalkChoice, sendPageTo } from '../../lib/talks/page-talk';
import { loadDocument, OWN_FIXTURES, readFixture } from './helpers';
import { makeTalk } from './notes/factories';

const read = (file: string, url: string) => extractTalks(loadDocument(readFixture(join(OWN_FIXTURES, file)), url), url);

describe('what the popup makes of a page', () => {
  it('a blog post with only OpenGraph is thin, and says what it missed', () => {
    const blog = read('articles/blog-post-og.html', 'https://blog.example.dev/paved-roads');
    expect(pageReadKind(blog)).toBe('thin');
    expect(thinReadNotice(blog)).toMatch(/^Only this page’s title could be read/);
  });

  it('an article (schema.org Article) holds no talk; a session page and a list are schedules', () => {
    expect(
      pageReadKind(
        read(
          'schedule/variant-plain-article.html',
          'https://marco.example.dev/2026/06/what-i-learned-running-400-clusters/',
        ),
      ),
    ).toBe('none');
    expect(
      pageReadKind(
        read(
          'sched/kcdsf2025-session.html',
          'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team',
        ),
      ),
    ).toBe('schedule');
    expect(
      pageReadKind(read('schedule/sched-descriptions.html', 'https://cnsa2026.sched.com/list/descriptions/')),
    ).toBe('schedule');
  });
});

describe('a half-read talk on a schedule page', () => {
  it('is still a schedule (it has its time), but is clipped for completing, with the reader’s words', () => {
    const url = 'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team';
    const full = read('sched/kcdsf2025-session.html', url);
    const partial = {
      ...full,
      warnings: [
        'Only the session’s title, time and room could be read (the page has not finished loading); speakers and description are missing.',
      ],
    };
    expect(pageReadKind(partial)).toBe('schedule');
    expect(isPartialRead(partial)).toBe(true);
    expect(isPartialRead(full)).toBe(false);
    expect(thinReadNotice(partial)).toMatch(/^Only the session’s title, time and room/);
  });
});

describe('choosing the talk a page’s highlights go to', () => {
  let db: TalkmarkDB;
  beforeEach(async () => {
    db = new TalkmarkDB(`p-${crypto.randomUUID()}`);
    await db.open();
  });

  it('attaches the page to the chosen talk, which then outranks a description’s link, and moves the page’s highlights', async () => {
    const page = 'https://blog.example.dev/paved-roads';
    const linking = makeTalk({ title: 'Linking', description: `See [the post](${page})` });
    const chosen = makeTalk({ title: 'Chosen' });
    await db.talks.bulkAdd([linking, chosen]);
    await db.highlights.add({
      id: 'h',
      talkId: linking.id,
      pageUrl: page,
      pageTitle: 'P',
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: null,
      comment: '',
      color: 'yellow',
      createdAt: 1,
      updatedAt: 1,
    });
    expect((await pageTalkChoice(db, `${page}?utm_source=x`)).talkId).toBe(linking.id);

    expect(await sendPageTo(db, page, chosen.id, 5)).toBe(1);
    expect((await db.highlights.get('h'))!.talkId).toBe(chosen.id);
    expect((await pageTalkChoice(db, page)).talkId).toBe(chosen.id);
    expect(talkForPage(page, await db.talks.toArray(), null)).toBe(chosen.id);

    // Changing one's mind detaches it from the first choice.
    await sendPageTo(db, page, linking.id);
    expect((await db.talks.get(chosen.id))!.links).toEqual([]);
    expect((await db.talks.get(linking.id))!.links).toEqual([page]);
  });
});
