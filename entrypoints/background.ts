import { getDb } from '../lib/db/schema';
import { clippedKeys } from '../lib/db/talks';
import { clipTab } from '../lib/extension/clip';
import { isTrustedSender } from '../lib/extension/senders';
import { parseMessage } from '../lib/messages';

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
    }
  });
});
