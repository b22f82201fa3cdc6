import { browser } from 'wxt/browser';
import { getDb } from '../lib/db/schema';
import { clippedKeys } from '../lib/db/talks';
import { clipTab } from '../lib/extension/clip';
import { ensureDailyBackupAlarm, runDailyBackup } from '../lib/extension/daily-backup';
import { DAILY_BACKUP_ALARM } from '../lib/backup/daily';
import { handleHighlightMessage } from '../lib/extension/highlight-requests';
import { highlightSelectionIn, syncRepaintRegistration } from '../lib/extension/highlighter-injection';
import { reinjectSchedTabs } from '../lib/extension/reinject';
import { senderKind } from '../lib/extension/senders';
import { openSidePanel } from '../lib/extension/tabs';
import { HIGHLIGHT_COMMAND, OPEN_PANEL_COMMAND, parseMessage, reply, type Message } from '../lib/messages';

const HIGHLIGHT_MENU = 'talkmark-highlight';

// No state lives here: the worker may die at any moment; every listener is registered synchronously.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = parseMessage(raw);
    const kind = message && senderKind(sender, browser.runtime.id);
    if (!message || !kind) return undefined;
    switch (message.type) {
      case 'clip-page':
        if (kind !== 'sched-content-script' || sender.tab?.id === undefined) return undefined;
        return reply(message, clipTab(getDb(), sender.tab.id, { frameId: sender.frameId, keys: message.keys }));
      case 'clipped-keys':
        return kind === 'sched-content-script' ? reply(message, clippedKeys(getDb(), message.keys)) : undefined;
      case 'highlight-save':
      case 'highlights-for-page':
      case 'highlight-update':
      case 'highlight-delete':
      case 'highlight-restore':
      case 'highlights-anchored':
        // Only the highlighter in a tab, and only about its own site (answers typed in there).
        return kind === 'extension-page' ? undefined : handleHighlightMessage(getDb(), message, sender.url);
      // For the side panel, the highlighter and the offscreen page: not the worker's to answer.
      // Listed, not defaulted, so a new message type must be routed here on purpose (biome.jsonc).
      case 'focus-composer':
      case 'highlight-selection':
      case 'highlights-changed':
      case 'highlighter-ping':
      case 'offscreen-backup-blob':
      case 'offscreen-revoke-blob':
        return undefined;
    }
  });

  browser.runtime.onInstalled.addListener(() => {
    void ensureDailyBackupAlarm();
    void reinjectSchedTabs();
    void syncRepaintRegistration();
    browser.contextMenus.create(
      { id: HIGHLIGHT_MENU, title: 'Highlight with Talkmark', contexts: ['selection'] },
      () => void browser.runtime.lastError,
    );
  });
  browser.runtime.onStartup.addListener(() => void ensureDailyBackupAlarm());
  browser.alarms.onAlarm.addListener((alarm) => {
    // Failures are recorded for the settings page; it rejects only if even that fails, and then
    // the rejection is left to surface in the extension's error log.
    if (alarm.name === DAILY_BACKUP_ALARM) void runDailyBackup(getDb());
  });
  browser.permissions.onAdded.addListener(() => void syncRepaintRegistration());
  browser.permissions.onRemoved.addListener(() => void syncRepaintRegistration());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === HIGHLIGHT_MENU && tab?.id !== undefined)
      void highlightSelectionIn(tab.id, info.frameId ?? 0);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === HIGHLIGHT_COMMAND) {
      if (tab?.id !== undefined) void highlightSelectionIn(tab.id);
      return;
    }
    if (command !== OPEN_PANEL_COMMAND) return;
    // The key press is a user gesture: the panel opens (Chrome: afresh, so that it takes the
    // keyboard focus; see openSidePanel) and its note box takes the caret as it loads. Firefox
    // leaves an open sidebar as it is: the message asks it to focus its note box.
    void openSidePanel(tab?.windowId ?? null).catch(() => {});
    const focus: Message = { type: 'focus-composer' };
    void browser.runtime.sendMessage(focus).catch(() => {}); // no panel listening: nothing to focus
  });
});
