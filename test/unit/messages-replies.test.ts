/**
 * Replies are part of the message contract (`Responses` in lib/messages.ts). Most of this file is
 * checked by tsc, which `npm test` runs over test/: each `@ts-expect-error` line must be an error,
 * so if the contract stopped rejecting a wrong reply or a wrong payload, tsc would fail here
 * ("unused @ts-expect-error directive").
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../lib/db/schema';
import { handleHighlightMessage } from '../../lib/extension/highlight-requests';
import {
  parseMessage,
  reply,
  type ClipResponse,
  type Message,
  type MessageOf,
  type ReplyTo,
  type Responses,
  type Sender,
} from '../../lib/messages';

const PAGE = 'https://blog.example.dev/paved-roads';
const quote = { type: 'TextQuoteSelector' as const, exact: 'paved roads', prefix: 'build ', suffix: ' for all' };

let db: TalkmarkDB;
beforeEach(() => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
});

/**
 * A Sender over the worker's real highlight handler, as the highlighter reaches it: parsed,
 * handled for the sender's URL, answered with the handler's typed reply.
 */
const sendFromPage: Sender = async (message) => {
  const parsed = parseMessage(structuredClone(message));
  if (!parsed || parsed.type !== message.type) return null;
  switch (parsed.type) {
    case 'highlight-save':
    case 'highlights-for-page':
    case 'highlight-update':
    case 'highlight-delete':
    case 'highlight-restore':
    case 'highlights-anchored':
      // The handler's answer is the union of its messages' replies; the type tested above picks one.
      return (await handleHighlightMessage(db, parsed, PAGE)) as ReplyTo<typeof message>;
    default:
      return null;
  }
};

describe('typed replies', () => {
  it('a sender gets back the reply type of the message it sent, from the real handler', async () => {
    const saved = await sendFromPage({
      type: 'highlight-save',
      pageUrl: PAGE,
      pageTitle: 'Post',
      quote,
      position: null,
      color: 'green',
    });
    // `saved.id` is a string | null here without a cast: the reply type is HighlightSaved.
    expect(saved?.ok).toBe(true);
    const id: string | null = saved?.id ?? null;
    expect(id).toMatch(/^[\w-]+$/);

    const list = await sendFromPage({ type: 'highlights-for-page', pageUrl: PAGE });
    // PageHighlight[]: fields a page may see, and the comment is not among them.
    expect(list?.map((h) => [h.id, h.color])).toEqual([[id, 'green']]);

    const deleted = await sendFromPage({ type: 'highlight-delete', id: id ?? '' });
    expect(deleted?.deleted?.pageUrl).toBe(PAGE);
  });

  it('reply passes the answer through unchanged', async () => {
    const clipped: MessageOf<'clipped-keys'> = { type: 'clipped-keys', keys: ['a'] };
    expect(reply(clipped, ['a'])).toEqual(['a']);
    await expect(reply(clipped, Promise.resolve(['b']))).resolves.toEqual(['b']);
  });
});

// ——— Compile-time checks: each line below the directive must not compile. ———

function handlerSide(clipped: MessageOf<'clipped-keys'>, save: MessageOf<'highlight-save'>, message: Message) {
  const clip: ClipResponse = { ok: true, added: 1, updated: 0, skipped: 0, keys: ['k'], message: null };
  // @ts-expect-error a `clipped-keys` is answered with the keys, not a ClipResponse
  void reply(clipped, clip);
  // @ts-expect-error nor with a promise of the wrong thing
  void reply(clipped, Promise.resolve(clip));
  // @ts-expect-error a saved highlight's reply needs its id and message
  void reply(save, { ok: true });
  switch (message.type) {
    case 'highlight-update':
      // @ts-expect-error the narrowed message picks its line of Responses: `{ ok }`, not a list
      return reply(message, []);
    case 'offscreen-backup-blob':
      // @ts-expect-error a blob reply is `{ ok, url, bytes }` or `{ ok: false, message }`
      return reply(message, { ok: true, url: 'blob:x' });
    default:
      return undefined;
  }
}

async function senderSide(send: Sender) {
  // @ts-expect-error wrong payload: keys is a list (or null), never a text
  await send({ type: 'clip-page', keys: 'all' });
  // @ts-expect-error wrong payload: a recolour names the colour
  await send({ type: 'highlight-update', id: 'h1' });
  // @ts-expect-error not a message type at all
  await send({ type: 'delete-everything' });
  // @ts-expect-error wrong reply type: clipped-keys answers string[], not ClipResponse
  const clip: ClipResponse | null = await send({ type: 'clipped-keys', keys: [] });
  // @ts-expect-error wrong reply type: a ping answers `true`, not a list
  const list: string[] | null = await send({ type: 'highlighter-ping' });
  // Right ones compile.
  const keys: string[] | null = await send({ type: 'clipped-keys', keys: [] });
  const offscreen: Responses['offscreen-revoke-blob'] | null = await send({ type: 'offscreen-revoke-blob', url: 'u' });
  return [clip, list, keys, offscreen];
}

// Referenced so that they count as used; they are only compiled, never called.
void [handlerSide, senderSide];
