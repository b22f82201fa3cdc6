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
  const matches = origins.filter((o) => /^https?:\/\//.test(o) && !/sched\.com/.test(o));
  await browser.scripting.unregisterContentScripts({ ids: [REPAINT_SCRIPT_ID] }).catch(() => {});
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([
    { id: REPAINT_SCRIPT_ID, matches, js: [HIGHLIGHT_SCRIPT.slice(1)], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** Tell every open highlighter that highlights changed (edited in the side panel, say). */
export async function broadcastHighlightsChanged(): Promise<void> {
  const message: Message = { type: 'highlights-changed' };
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => {});
  }
}
