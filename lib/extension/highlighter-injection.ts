import { browser } from 'wxt/browser';
import type { Message } from '../messages';

export const HIGHLIGHT_SCRIPT = '/content-scripts/highlight.js';
const REPAINT_SCRIPT_ID = 'talkmark-highlight-repaint';

/** Make sure the highlighter runs in a tab (once): ask first, inject only if nobody answers. */
export async function ensureHighlighter(tabId: number, frameId = 0): Promise<boolean> {
  const ping: Message = { type: 'highlighter-ping' };
  const alive = await browser.tabs.sendMessage(tabId, ping, { frameId }).catch(() => false);
  if (alive === true) return true;
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [HIGHLIGHT_SCRIPT] });
    return true;
  } catch {
    return false; // no permission for this page (a browser page, the web store)
  }
}

/** Highlight the selection in a tab: from the context menu or the keyboard shortcut. */
export async function highlightSelectionIn(tabId: number, frameId = 0): Promise<void> {
  if (!(await ensureHighlighter(tabId, frameId))) return;
  const message: Message = { type: 'highlight-selection' };
  await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => {});
}

/**
 * Sites the user allowed (optional host permissions) get the highlighter on every visit, so
 * their highlights are painted again without a click. Re-registered whenever grants change.
 */
export async function syncRepaintRegistration(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  // Every granted site but Sched's standing permission (the user never asked to repaint there).
  const matches = origins.filter((o) => /^https?:\/\//.test(o) && o !== 'https://*.sched.com/*');
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [REPAINT_SCRIPT_ID] }).catch(() => []);
  if (!matches.length) {
    if (registered.length)
      await browser.scripting.unregisterContentScripts({ ids: [REPAINT_SCRIPT_ID] }).catch(() => {});
    return;
  }
  const script = {
    id: REPAINT_SCRIPT_ID,
    matches,
    js: [HIGHLIGHT_SCRIPT.slice(1)],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  // Update in place when it exists: unregister-then-register races when grants arrive together.
  if (registered.length) await browser.scripting.updateContentScripts([script]);
  else
    await browser.scripting
      .registerContentScripts([script])
      .catch(() => browser.scripting.updateContentScripts([script]));
}

/** Tell every open highlighter that highlights changed (edited in the side panel, say). */
export async function broadcastHighlightsChanged(): Promise<void> {
  const message: Message = { type: 'highlights-changed' };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => {});
  }
}
