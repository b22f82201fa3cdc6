/**
 * 1. What the highlighter costs a heavy page that has no highlights: the 1 MB article loaded
 * with the highlighter registered for its origin (A), without (B), and — the control — with an
 * empty content script registered the same way (C). Arms rotate through all six orders so
 * drift cancels; each load is a fresh tab, served `no-store` from loopback.
 *
 * Two figures per load:
 * - navigation start → load event end (Navigation Timing);
 * - main-thread busy time from commit until settled (CDP `Performance.getMetrics` TaskDuration,
 *   thread-time clock, read 600 ms after load): the script's parse, compile and start-up
 *   whenever they run, without the waits.
 * The control arm separates what Chrome does for *any* `document_idle` content script (it holds
 * the load event until the script has run, after the page's first layout) from what ours costs.
 */
import { median } from '../lib/stats.mjs';

const SETTLE_MS = 600;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ORDERS = [
  ['A', 'B', 'C'],
  ['B', 'C', 'A'],
  ['C', 'A', 'B'],
  ['C', 'B', 'A'],
  ['B', 'A', 'C'],
  ['A', 'C', 'B'],
];
const SCRIPT = { A: 'content-scripts/highlight.js', B: null, C: 'content-scripts/bench-empty.js' };

export async function pageLoad({ context, worker, origin, triples }) {
  const url = `${origin}/article.html`;
  // The highlighter leaves nothing in a page without highlights; WXT's context announces each
  // content-script start with a DOM event the page's world can hear: that tells the arm ran.
  const started = `${new URL(worker.url()).host}:highlight:wxt:content-script-started`;
  // The worker registers the highlighter itself for every granted site (here 127.0.0.1, see
  // build.mjs): take that registration down and register identical ones of our own per arm.
  await worker.evaluate(async () => {
    const ids = (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
    if (ids.length) await chrome.scripting.unregisterContentScripts({ ids });
  });
  let current = null;
  const setScript = async (js) => {
    if (js === current) return;
    if (current) await worker.evaluate(() => chrome.scripting.unregisterContentScripts({ ids: ['bench'] }));
    if (js) {
      await worker.evaluate(
        (file) =>
          chrome.scripting.registerContentScripts([
            {
              id: 'bench',
              matches: ['http://127.0.0.1/*'],
              js: [file],
              runAt: 'document_idle',
              persistAcrossSessions: false,
            },
          ]),
        js,
      );
    }
    current = js;
  };

  const load = async (arm) => {
    await setScript(SCRIPT[arm]);
    const page = await context.newPage();
    await page.addInitScript(
      (name) => document.addEventListener(name, () => (window.__talkmarkStarted = true)),
      started,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return {
        load: n.loadEventEnd,
        dcl: n.domContentLoadedEventEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        bytes: n.decodedBodySize,
        injected: !!window.__talkmarkStarted,
      };
    });
    await cdp.detach();
    await page.close();
    if (nav.injected !== (arm === 'A'))
      throw new Error(`page-load: the highlighter ${nav.injected ? 'ran' : 'did not run'} in arm ${arm}`);
    return {
      ...nav,
      busy: m.TaskDuration * 1000,
      script: m.ScriptDuration * 1000,
      style: m.RecalcStyleDuration * 1000,
      layout: m.LayoutDuration * 1000,
    };
  };

  // Warm-up round (first loads pay for cold caches in the browser), not counted.
  for (const arm of ORDERS[0]) await load(arm);
  const runs = { A: [], B: [], C: [] };
  for (let i = 0; i < triples; i++) for (const arm of ORDERS[i % ORDERS.length]) runs[arm].push(await load(arm));
  await setScript(null);

  const ratio = (x, y, key) => runs[x].map((r, i) => r[key] / runs[y][i][key]);
  const medians = (arm) =>
    Object.fromEntries(
      ['load', 'dcl', 'fcp', 'busy', 'script', 'style', 'layout'].map((k) => [k, median(runs[arm].map((r) => r[k]))]),
    );
  return {
    htmlBytes: runs.A[0].bytes,
    ratios: {
      load: ratio('A', 'B', 'load'),
      busy: ratio('A', 'B', 'busy'),
      emptyLoad: ratio('C', 'B', 'load'),
      emptyBusy: ratio('C', 'B', 'busy'),
      ownLoad: ratio('A', 'C', 'load'),
      ownBusy: ratio('A', 'C', 'busy'),
      fcp: ratio('A', 'B', 'fcp'),
    },
    with: medians('A'),
    without: medians('B'),
    empty: medians('C'),
    busyDeltas: runs.A.map((a, i) => a.busy - runs.B[i].busy),
  };
}
