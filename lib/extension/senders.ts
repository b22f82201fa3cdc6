import type { Browser } from 'wxt/browser';
import { isSchedHost } from '../schedule/sched';

/**
 * Messages are accepted only from our own extension, and from content scripts only on the hosts
 * they are declared for (Sched; loopback for the bundled demo). Web pages cannot send at all
 * (no `externally_connectable`), but a compromised frame elsewhere must not clip either.
 */
export function isTrustedSender(sender: Browser.runtime.MessageSender, extensionId: string): boolean {
  if (sender.id !== extensionId) return false;
  if (!sender.tab) return true; // an extension page
  try {
    const { protocol, hostname } = new URL(sender.url ?? '');
    if (protocol === 'https:' && isSchedHost(hostname)) return true;
    return import.meta.env.WXT_DEMO === 'true' && hostname === '127.0.0.1';
  } catch {
    return false;
  }
}
