import { browser } from 'wxt/browser';

export interface PageTarget {
  tabId: number;
  url: string;
  title: string;
}

/**
 * The tab the popup acts on: the active tab of the window it was opened from. `?tab=<id>` names
 * one explicitly — used when the popup is opened as a page (tests, keyboard users).
 */
export async function popupTarget(params: URLSearchParams): Promise<PageTarget | null> {
  const explicit = Number(params.get('tab'));
  const tab =
    Number.isInteger(explicit) && explicit > 0
      ? await browser.tabs.get(explicit).catch(() => null)
      : ((await browser.tabs.query({ active: true, currentWindow: true }))[0] ?? null);
  if (!tab?.id || !tab.url || !/^https?:/.test(tab.url)) return null;
  return { tabId: tab.id, url: tab.url, title: tab.title ?? '' };
}

/**
 * Chrome's side panel or Firefox's sidebar, for the window the popup belongs to, with the
 * keyboard focus in it. Both only open inside a user gesture, and an `await` before the call
 * loses it: the window id is looked up when the popup opens (`currentWindowId`), and the call
 * here is the first thing a click or a command does.
 *
 * Chrome gives the side panel the keyboard focus only when it opens: `open()` on a panel that is
 * already showing changes nothing (a key press then still goes to the web page), and `close()`
 * animates, so an `open()` right after it merely cancels the close. Turning the panel off closes
 * it at once, without animation; turned on again and opened in the same gesture, it opens afresh,
 * focused (its note box takes the caret on load, and drafts live in storage, so nothing is lost).
 * All three calls are made now, synchronously: the gesture lasts only until the handler returns.
 */
export function openSidePanel(windowId: number | null): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) return sidebar.open();
  // Build-time constant: the Firefox build carries no sidePanel call (web-ext lint flags it).
  if (import.meta.env.FIREFOX) return Promise.reject(new Error('This browser has no sidebar to open.'));
  if (windowId === null) return Promise.reject(new Error('No browser window to open the side panel in.'));
  void chrome.sidePanel.setOptions({ enabled: false }).catch(() => {});
  void chrome.sidePanel.setOptions({ enabled: true }).catch(() => {});
  return chrome.sidePanel.open({ windowId });
}

/** The popup's own window (looked up at start, before any click). */
export async function currentWindowId(): Promise<number | null> {
  return (await browser.windows.getCurrent().catch(() => null))?.id ?? null;
}

/**
 * Whether highlights repaint on this site by themselves: an optional host permission for the
 * site's origin, asked only when the user turns it on (the browser shows its own prompt).
 */
export async function siteAccessFor(url: string): Promise<{ origin: string; granted: boolean } | null> {
  let origin: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    origin = u.origin;
  } catch {
    return null;
  }
  const granted = await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
  return { origin, granted };
}

/** Turn the per-site repaint on (asks the user) or off; resolves to the state now in force. */
export async function setSiteAccess(origin: string, granted: boolean): Promise<boolean> {
  const origins = [`${origin}/*`];
  try {
    if (granted) return await browser.permissions.request({ origins });
    await browser.permissions.remove({ origins });
    return false;
  } catch {
    return browser.permissions.contains({ origins }).catch(() => false);
  }
}
