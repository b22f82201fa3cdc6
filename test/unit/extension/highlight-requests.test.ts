import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { handleHighlightMessage, sameSite } from '../../../lib/extension/highlight-requests';
import { parseMessage } from '../../../lib/messages';
import type { Highlight } from '../../../lib/model';
import { makeTalk } from '../notes/factories';

const A = 'https://blog.example.dev/paved-roads';
const B = 'https://news.example.org/story';
const NOW = 1_800_000_000_000;
const quote = { type: 'TextQuoteSelector' as const, exact: 'paved roads', prefix: 'build ', suffix: ' for all' };

const record = (id: string, pageUrl: string, over: Partial<Highlight> = {}): Highlight => ({
  id,
  talkId: 'talk-1',
  pageUrl,
  pageTitle: 'Title',
  quote,
  position: { type: 'TextPositionSelector', start: 6, end: 17 },
  comment: `private comment on ${id}`,
  color: 'yellow',
  orphanedAt: null,
  createdAt: 1000,
  updatedAt: 1000,
  ...over,
});

let db: TalkmarkDB;
const a1 = record('a1', A);
const b1 = record('b1', B, { talkId: 'talk-2', color: 'blue' });

beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.talks.add(makeTalk({ id: 'talk-1', description: `Read [the post](${A}).` }));
  await db.highlights.bulkAdd([a1, b1]);
});

type HighlightMessage = Parameters<typeof handleHighlightMessage>[1];

/** Sends a raw message as the worker does: parsed first, then handled for the sender's URL. */
function send(raw: Record<string, unknown>, senderUrl: string | undefined): Promise<unknown> {
  const message = parseMessage(raw);
  if (!message) throw new Error(`not a message: ${JSON.stringify(raw)}`);
  return handleHighlightMessage(db, message as HighlightMessage, senderUrl, NOW);
}

const save = (pageUrl: string) => ({
  type: 'highlight-save',
  pageUrl,
  pageTitle: 'Post',
  quote,
  position: null,
  color: 'green',
});

describe('sameSite', () => {
  it('is the same scheme, host (www. or not) and port', () => {
    expect(sameSite(A, 'https://blog.example.dev/other?q=1#x')).toBe(true);
    expect(sameSite('https://www.blog.example.dev/a', 'https://BLOG.example.dev/b')).toBe(true);
    expect(sameSite('https://blog.example.dev:443/a', A)).toBe(true);
    expect(sameSite('http://blog.example.dev:80/a', 'http://blog.example.dev/b')).toBe(true);
  });

  it('is not another scheme, port, host, subdomain or parent domain', () => {
    for (const other of [
      'http://blog.example.dev/paved-roads',
      'https://blog.example.dev:8443/',
      'https://example.dev/',
      'https://x.blog.example.dev/',
      'https://blog.example.dev.evil.example/',
      'https://blog.example.dev@evil.example/',
      'https://evil.example/https://blog.example.dev/',
    ]) {
      expect(sameSite(A, other), other).toBe(false);
      expect(sameSite(other, A), other).toBe(false);
    }
  });

  it('is never true without two http(s) URLs', () => {
    expect(sameSite(undefined, undefined)).toBe(false);
    expect(sameSite(A, undefined)).toBe(false);
    expect(sameSite('not a url', 'not a url')).toBe(false);
    expect(sameSite('file:///tmp/a.html', 'file:///tmp/b.html')).toBe(false);
    expect(sameSite('chrome-extension://abc/a.html', 'chrome-extension://abc/b.html')).toBe(false);
    expect(sameSite('javascript:alert(1)', 'javascript:alert(1)')).toBe(false);
  });
});

describe('handleHighlightMessage: saving', () => {
  it('saves a highlight of the sender’s own site, and answers only its id', async () => {
    const res = await send(save(A), 'https://www.blog.example.dev/paved-roads#top');
    expect(Object.keys(res as object).sort()).toEqual(['id', 'message', 'ok']);
    const { id } = res as { id: string };
    expect(res).toEqual({ ok: true, id, message: null });
    // The worker did find a talk for the page: the answer just does not tell it.
    expect(await db.highlights.get(id)).toMatchObject({
      pageUrl: A,
      talkId: 'talk-1',
      comment: '',
      color: 'green',
      createdAt: NOW,
    });
  });

  it('refuses to save for another site, or for no known page', async () => {
    for (const sender of [B, 'http://blog.example.dev/paved-roads', undefined]) {
      expect(await send(save(A), sender)).toEqual({ ok: false, id: null, message: expect.any(String) });
    }
    expect(await db.highlights.count()).toBe(2);
  });
});

describe('handleHighlightMessage: reading', () => {
  it('gives a page its own highlights with no comment, talk or title', async () => {
    const list = await send({ type: 'highlights-for-page', pageUrl: A }, `${A}?ref=x`);
    expect(list).toEqual([{ id: 'a1', quote: a1.quote, position: a1.position, color: 'yellow' }]);
    expect(JSON.stringify(list)).not.toContain('private comment');
    expect(JSON.stringify(list)).not.toContain('talk-1');
  });

  it('gives a page nothing of another site, whatever URL it claims', async () => {
    expect(await send({ type: 'highlights-for-page', pageUrl: B }, A)).toEqual([]);
    expect(await send({ type: 'highlights-for-page', pageUrl: B }, undefined)).toEqual([]);
  });
});

describe('handleHighlightMessage: changing', () => {
  it('recolours the page’s own highlights only', async () => {
    expect(await send({ type: 'highlight-update', id: 'b1', color: 'pink' }, A)).toEqual({ ok: false });
    expect(await send({ type: 'highlight-update', id: 'nope', color: 'pink' }, A)).toEqual({ ok: false });
    expect(await db.highlights.get('b1')).toEqual(b1);
    expect(await send({ type: 'highlight-update', id: 'a1', color: 'pink' }, A)).toEqual({ ok: true });
    expect(await db.highlights.get('a1')).toEqual({ ...a1, color: 'pink', updatedAt: NOW });
  });

  it('deletes the page’s own highlights only, and hands the record back to the content script for undo', async () => {
    expect(await send({ type: 'highlight-delete', id: 'b1' }, A)).toEqual({ ok: false, deleted: null });
    expect(await send({ type: 'highlight-delete', id: 'a1' }, undefined)).toEqual({ ok: false, deleted: null });
    expect(await db.highlights.get('b1')).toEqual(b1);
    expect(await send({ type: 'highlight-delete', id: 'a1' }, A)).toEqual({ ok: true, deleted: a1 });
    expect(await db.highlights.get('a1')).toBeUndefined();
  });

  it('restores a deleted highlight of the page’s own site', async () => {
    await db.highlights.delete('a1');
    expect(await send({ type: 'highlight-restore', highlight: a1 }, A)).toEqual({ ok: true });
    expect(await db.highlights.get('a1')).toEqual(a1);
  });

  it('restores nothing for another site, nothing malformed, and never over an existing record', async () => {
    await db.highlights.delete('b1');
    expect(await send({ type: 'highlight-restore', highlight: b1 }, A)).toEqual({ ok: false });
    expect(await send({ type: 'highlight-restore', highlight: { ...b1, pageUrl: 'javascript:alert(1)' } }, A)).toEqual({
      ok: false,
    });
    expect(
      await send({ type: 'highlight-restore', highlight: { ...a1, id: 'a2', createdAt: 'yesterday' } }, A),
    ).toEqual({ ok: false });
    expect(await send({ type: 'highlight-restore', highlight: { id: 'a2' } }, A)).toEqual({ ok: false });
    expect(await db.highlights.get('b1')).toBeUndefined();
    expect(await db.highlights.get('a2')).toBeUndefined();

    // An id of another site's highlight, dressed as this site's: refused, the other record untouched.
    await db.highlights.add(b1);
    expect(
      await send({ type: 'highlight-restore', highlight: { ...a1, id: 'b1', comment: 'overwritten' } }, A),
    ).toEqual({ ok: false });
    expect(await send({ type: 'highlight-restore', highlight: { ...a1, comment: 'overwritten' } }, A)).toEqual({
      ok: false,
    });
    expect(await db.highlights.get('b1')).toEqual(b1);
    expect(await db.highlights.get('a1')).toEqual(a1);
  });
});

describe('handleHighlightMessage: anchoring', () => {
  it('marks the page’s own highlights found or lost', async () => {
    expect(await send({ type: 'highlights-anchored', pageUrl: A, found: [], lost: ['a1'] }, A)).toBeUndefined();
    expect((await db.highlights.get('a1'))?.orphanedAt).toBe(NOW);
    await send({ type: 'highlights-anchored', pageUrl: A, found: ['a1'], lost: [] }, A);
    expect((await db.highlights.get('a1'))?.orphanedAt).toBeNull();
  });

  it('marks nothing of another site, by its URL or by ids listed under the page’s own', async () => {
    await send({ type: 'highlights-anchored', pageUrl: B, found: [], lost: ['b1'] }, A);
    await send({ type: 'highlights-anchored', pageUrl: A, found: [], lost: ['b1'] }, A);
    await send({ type: 'highlights-anchored', pageUrl: B, found: [], lost: ['b1'] }, undefined);
    expect(await db.highlights.get('b1')).toEqual(b1);

    await db.highlights.update('b1', { orphanedAt: 5 });
    await send({ type: 'highlights-anchored', pageUrl: B, found: ['b1'], lost: [] }, A);
    expect((await db.highlights.get('b1'))?.orphanedAt).toBe(5);
  });
});
