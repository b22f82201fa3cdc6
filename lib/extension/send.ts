import { browser } from 'wxt/browser';
import type { Message, ReplyTo } from '../messages';

/** "Nobody is listening yet": the worker (or Firefox's event page) is still starting up. */
const NOT_YET_LISTENING = /Receiving end does not exist|Could not establish connection/i;

/**
 * Send from a content script to the extension. A worker that is starting (first use after
 * install, or woken on a slow laptop) may not be listening yet: retry a few times, briefly.
 * Resolves null when the extension is gone from under the page (updated or removed), or never
 * answered — callers then say "reload the page". The reply is typed by `Responses`.
 */
export async function sendToExtension<M extends Message>(message: M, attempts = 4): Promise<ReplyTo<M> | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await browser.runtime.sendMessage(message)) as ReplyTo<M>;
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      if (attempt >= attempts || !NOT_YET_LISTENING.test(text)) return null;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
