import type { Browser } from 'wxt/browser';
import { isSchedHost } from '../schedule/sched-host';

export type SenderKind = 'extension-page' | 'sched-content-script' | 'content-script';

/**
 * Who sent a runtime message. Only our own extension can (no `externally_connectable`); within
 * it, extension pages, the Sched content script (on Sched pages; loopback in the demo build)
 * and the highlighter on any http(s) page are told apart, because each may ask different things.
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (!sender.tab) return 'extension-page';
  try {
    const { protocol, hostname } = new URL(sender.url ?? '');
    if (protocol === 'https:' && isSchedHost(hostname)) return 'sched-content-script';
    if (import.meta.env.WXT_DEMO === 'true' && hostname === '127.0.0.1') return 'sched-content-script';
    return protocol === 'https:' || protocol === 'http:' ? 'content-script' : null;
  } catch {
    return null;
  }
}
