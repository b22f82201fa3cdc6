/**
 * The worker's side of highlighting. Content scripts cannot reach the extension's IndexedDB, so
 * their highlight messages land here, and each is scoped to the sender's own site: a page can
 * never read or change highlights of another site, whatever URL it claims (a hostile page could
 * point its canonical link anywhere).
 */
import { highlightCheck } from '../backup/record-checks';
import type { TalkmarkDB } from '../db/schema';
import {
  addHighlight,
  deleteHighlight,
  highlightsForPage,
  recordAnchoring,
  restoreHighlight,
  updateHighlight,
} from '../highlights/store';
import { reply, type HighlightSaved, type Message, type PageHighlight, type ReplyTo } from '../messages';
import { talkForNewHighlight } from '../talks/page-talk';

type HighlightMessage = Extract<
  Message,
  {
    type:
      | 'highlight-save'
      | 'highlights-for-page'
      | 'highlight-update'
      | 'highlight-delete'
      | 'highlight-restore'
      | 'highlights-anchored';
  }
>;

/** Scheme, host (without a leading www.) and port: an http page or another port is another site. */
const siteOf = (url: string | undefined): string | null => {
  try {
    const u = new URL(url ?? '');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname.toLowerCase().replace(/^www\./, '')}:${u.port}`;
  } catch {
    return null;
  }
};

export function sameSite(a: string | undefined, b: string | undefined): boolean {
  const x = siteOf(a);
  return x !== null && x === siteOf(b);
}

const failed = (message: string): HighlightSaved => ({ ok: false, id: null, message });

export async function handleHighlightMessage(
  db: TalkmarkDB,
  message: HighlightMessage,
  senderUrl: string | undefined,
  now = Date.now(),
): Promise<ReplyTo<HighlightMessage>> {
  switch (message.type) {
    case 'highlight-save': {
      if (!sameSite(message.pageUrl, senderUrl))
        return reply(message, failed('This page cannot save highlights for another site.'));
      const talkId = await talkForNewHighlight(db, message.pageUrl, now);
      const result = await addHighlight(db, { ...message, talkId }, now);
      return reply(
        message,
        result.ok ? { ok: true, id: result.value.id, message: null } : failed(result.error.message),
      );
    }
    case 'highlights-for-page': {
      if (!sameSite(message.pageUrl, senderUrl)) return reply(message, []);
      const list = await highlightsForPage(db, message.pageUrl);
      return reply(
        message,
        list.map(({ id, quote, position, color }): PageHighlight => ({ id, quote, position, color })),
      );
    }
    case 'highlight-update': {
      const existing = await db.highlights.get(message.id);
      if (!existing || !sameSite(existing.pageUrl, senderUrl)) return reply(message, { ok: false });
      return reply(message, { ok: (await updateHighlight(db, message.id, { color: message.color }, now)).ok });
    }
    case 'highlight-delete': {
      const existing = await db.highlights.get(message.id);
      if (!existing || !sameSite(existing.pageUrl, senderUrl)) return reply(message, { ok: false, deleted: null });
      const result = await deleteHighlight(db, message.id);
      // The record goes back to the content script (its isolated world, not the page) for undo.
      return reply(message, { ok: result.ok, deleted: result.ok ? result.value : null });
    }
    case 'highlight-restore': {
      let record;
      try {
        record = highlightCheck(message.highlight, 'highlight');
      } catch {
        return reply(message, { ok: false });
      }
      // biome-ignore lint/nursery/noMisusedPromises: false positive, the lookup is awaited and sameSite() is a boolean
      if (!sameSite(record.pageUrl, senderUrl) || (await db.highlights.get(record.id)))
        return reply(message, { ok: false });
      return reply(message, { ok: (await restoreHighlight(db, record)).ok });
    }
    case 'highlights-anchored': {
      if (!sameSite(message.pageUrl, senderUrl)) return reply(message, undefined);
      await recordAnchoring(db, message.pageUrl, message.found, message.lost, now);
      return reply(message, undefined);
    }
  }
}
