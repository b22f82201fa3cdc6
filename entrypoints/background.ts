import { browser } from 'wxt/browser';
import { getDb } from '../lib/db/schema';
import { clippedKeys } from '../lib/db/talks';
import { clipTab } from '../lib/extension/clip';
import { reinjectSchedTabs } from '../lib/extension/reinject';
import { isTrustedSender } from '../lib/extension/senders';
import { OPEN_PANEL_COMMAND, parseMessage, type Message } from '../lib/messages';

// No state lives here: the worker may die at any moment; every listener is registered synchronously.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = parseMessage(raw);
    if (!message || !isTrustedSender(sender, browser.runtime.id)) return undefined;
    switch (message.type) {
      case 'clip-page':
        if (sender.tab?.id === undefined) return undefined;
        return clipTab(getDb(), sender.tab.id, { frameId: sender.frameId, keys: message.keys });
      case 'clipped-keys':
        return clippedKeys(getDb(), message.keys);
      default:
        return undefined;
    }
  });

  browser.runtime.onInstalled.addListener(() => void reinjectSchedTabs());

  // Chrome: the shortcut opens the side panel (a command counts as a user gesture) and asks an
  // already open panel to focus its note box. Firefox binds the key to _execute_sidebar_action.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== OPEN_PANEL_COMMAND) return;
    if (tab?.windowId !== undefined) void chrome.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
    const focus: Message = { type: 'focus-composer' };
    void browser.runtime.sendMessage(focus).catch(() => {}); // no panel open: nothing to focus
  });
});
