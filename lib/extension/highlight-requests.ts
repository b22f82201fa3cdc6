/**
 * The worker's side of highlighting. Content scripts cannot reach the extension's IndexedDB, so
 * their highlight messages land here, and each is scoped to the sender's own site: a page can
 * never read or change highlights of another site, whatever URL it claims (a hostile page could
 * point its canonical link anywhere).
 */
import { getSetting } from '../db/settings';
import type { TalkmarkDB } from '../db/schema';
import { addHighlight, deleteHighlight, highlightsForPage, recordAnchoring, updateHighlight } from '../highlights/store';
import { talkForPage } from '../highlights/talk-links';
import type { HighlightSaved, Message, PageHighlight } from '../messages';
import { chooseNowAndNext } from '../notes/now-next';

type HighlightMessage = Extract<Message, { type: 'highlight-save' | 'highlights-for-page' | 'highlight-update' | 'highlight-delete' | 'highlights-anchored' }>;

const siteOf = (url: string | undefined): string | null => {
  try {
    const u = new URL(url ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
};

/** Same host, ignoring a leading www. */
export function sameSite(a: string | undefined, b: string | undefined): boolean {
  const x = siteOf(a);
  return x !== null && x === siteOf(b);
}

async function talkForNewHighlight(db: TalkmarkDB, pageUrl: string, now: number): Promise<string | null> {
  const [talks, picked] = await Promise.all([db.talks.toArray(), getSetting(db, 'pickedTalkId')]);
  const nowTalk = picked ?? chooseNowAndNext(talks, now).now?.id ?? null;
  return talkForPage(pageUrl, talks, nowTalk);
}

const failed = (message: string): HighlightSaved => ({ ok: false, id: null, talkTitle: null, message });

export async function handleHighlightMessage(db: TalkmarkDB, message: HighlightMessage, senderUrl: string | undefined, now = Date.now()): Promise<unknown> {
  switch (message.type) {
    case 'highlight-save': {
      if (!sameSite(message.pageUrl, senderUrl)) return failed('This page cannot save highlights for another site.');
      if (message.id) {
        // Undo of a delete: the same record comes back, only onto its own page.
        const existing = await db.highlights.get(message.id);
        if (existing) return failed('That highlight exists already.');
      }
      const talkId = await talkForNewHighlight(db, message.pageUrl, now);
      const result = await addHighlight(db, { ...message, talkId }, now);
      if (!result.ok) return failed(result.error.message);
      if (message.id) {
        await db.transaction('rw', db.highlights, async () => {
          await db.highlights.delete(result.value.id);
          await db.highlights.add({ ...result.value, id: message.id! });
        });
      }
      const talk = talkId ? await db.talks.get(talkId) : undefined;
      return { ok: true, id: message.id ?? result.value.id, talkTitle: talk?.title ?? null, message: null } satisfies HighlightSaved;
    }
    case 'highlights-for-page': {
      if (!sameSite(message.pageUrl, senderUrl)) return [];
      const list = await highlightsForPage(db, message.pageUrl);
      return list.map(({ id, quote, position, color, comment }): PageHighlight => ({ id, quote, position, color, comment }));
    }
    case 'highlight-update':
    case 'highlight-delete': {
      const existing = await db.highlights.get(message.id);
      if (!existing || !sameSite(existing.pageUrl, senderUrl)) return { ok: false };
      const result =
        message.type === 'highlight-delete'
          ? await deleteHighlight(db, message.id)
          : await updateHighlight(db, message.id, {
              ...(message.color !== null ? { color: message.color } : {}),
              ...(message.comment !== null ? { comment: message.comment } : {}),
            });
      return { ok: result.ok };
    }
    case 'highlights-anchored': {
      if (!sameSite(message.pageUrl, senderUrl)) return undefined;
      await recordAnchoring(db, message.pageUrl, message.found, message.lost, now);
      return undefined;
    }
  }
}
