import { browser } from 'wxt/browser';

/** The built Sched content script (WXT writes it here) and the pages it runs on. */
const SCHED_SCRIPT = '/content-scripts/sched.js';
const SCHED_TABS = ['https://*.sched.com/*'];

/**
 * After an install or update, tabs opened before it still run the old content script, whose
 * connection to the extension is gone ("Extension context invalidated"). Inject the new one:
 * WXT's content-script context notices the newer copy and tears the old one (and its buttons)
 * down, so each session keeps exactly one working "Clip".
 */
export async function reinjectSchedTabs(): Promise<number> {
  const tabs = await browser.tabs.query({ url: SCHED_TABS });
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    try {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [SCHED_SCRIPT] });
      injected++;
    } catch {
      /* a tab that is loading or an error page: its next load runs the script anyway */
    }
  }
  return injected;
}
