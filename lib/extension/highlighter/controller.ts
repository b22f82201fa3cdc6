/**
 * The highlighter on one page: paints the page's highlights, turns selections into new ones,
 * and edits them. Anchoring and painting come from lib/anchoring; storage is the worker's (a
 * content script cannot reach the extension's IndexedDB). Teardown is one path: `ctx`
 * invalidation (extension reloaded or re-injected) unpaints and disconnects everything.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  anchorAllChunked,
  canonicalPageUrl,
  cleanPageUrl,
  describeRange,
  HIGHLIGHT_CSS,
  IGNORE_ATTRIBUTE,
  paintHighlights,
  type Painter,
} from '../../anchoring';
import { type PageHighlight, reply } from '../../messages';
import { sendToExtension } from '../send';
import { PAGE_UI_CSS, PageUi } from './page-ui';
import { mountShadowHost } from './shadow-host';

const REANCHOR_DELAY_MS = 600;
/** The longest quote the worker accepts (see lib/messages.ts). */
const MAX_QUOTE = 50_000;

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

/**
 * The key highlights of this page are stored under: its canonical URL when that stays on this
 * site (the worker refuses any other site), else this page's own clean URL. `own` tells whether
 * the key is this very page: only then may a highlight not found here be called an orphan — a
 * page whose canonical names a sibling (page 2 of an article) must not orphan the sibling's.
 */
function pageKey(doc: Document, href: string): { url: string; own: boolean } {
  const here = cleanPageUrl(href);
  const canonical = canonicalPageUrl(doc, href);
  const url = hostOf(canonical) === hostOf(here) ? canonical : here;
  return { url, own: url === here };
}

// Null when the extension went away under the page (ctx invalidation then tears us down).
const send = sendToExtension;

export async function startHighlighter(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  let { url: pageUrl, own: ownPage } = pageKey(document, location.href);
  let painter: Painter = paintHighlights(document, [], { mode: 'auto' });
  const records = new Map<string, PageHighlight>();
  let lost: PageHighlight[] = [];

  // Both are added only when first needed: on a page with no highlights, the highlight CSS
  // alone costs a full style recalculation (~20 ms on a long article), the UI host a few ms more.
  let style: HTMLStyleElement | null = null;
  const paint = (items: Parameters<Painter['add']>[0]) => {
    if (!items.length) return;
    if (!style) {
      style = document.createElement('style');
      style.setAttribute(IGNORE_ATTRIBUTE, '');
      style.textContent = HIGHLIGHT_CSS;
      document.head.append(style);
    }
    painter.add(items);
  };
  let host: HTMLElement | null = null;
  let pageUi: PageUi | null = null;
  const ui = (): PageUi => {
    if (!pageUi) {
      const mounted = mountShadowHost(ctx, 'talkmark-highlighter', PAGE_UI_CSS, IGNORE_ATTRIBUTE);
      host = mounted.host;
      pageUi = new PageUi(mounted.container, {
        onHighlight: () => void highlightSelection(),
        onRecolor: (id, color) => void recolor(id, color),
        onDelete: (id) => void remove(id),
      });
    }
    return pageUi;
  };

  /** Anchor `list` against the page as it is now; paint what is found, report the rest. */
  async function anchorAndPaint(list: PageHighlight[]): Promise<void> {
    if (!list.length) return;
    const results = await anchorAllChunked(root, list);
    const found = results.filter((r) => r.anchor);
    paint(found.map((r) => ({ id: r.item.id, range: r.anchor!.range, color: r.item.color })));
    lost = results.filter((r) => !r.anchor).map((r) => r.item);
    void send({
      type: 'highlights-anchored',
      pageUrl,
      found: found.map((r) => r.item.id),
      lost: ownPage ? lost.map((h) => h.id) : [],
    });
  }

  async function loadAll(): Promise<void> {
    painter.unpaint();
    painter = paintHighlights(document, [], { mode: 'auto' });
    records.clear();
    const list = (await send({ type: 'highlights-for-page', pageUrl })) ?? [];
    for (const h of list) records.set(h.id, h);
    await anchorAndPaint(list);
  }

  async function highlightSelection(): Promise<void> {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const { quote, position } = describeRange(root, range, { trimWhitespace: true });
    if (!quote.exact.trim()) return;
    pageUi?.hideSelectionButton();
    if (quote.exact.length > MAX_QUOTE) return ui().showToast('Too long to highlight: select under 50,000 characters.');
    const saved = await send({
      type: 'highlight-save',
      pageUrl,
      pageTitle: document.title.slice(0, 500),
      quote,
      position,
      color: 'yellow',
    });
    if (!saved?.ok || !saved.id) {
      ui().showToast(saved?.message ?? 'Talkmark was updated: reload the page.');
      return;
    }
    const record: PageHighlight = { id: saved.id, quote, position, color: 'yellow' };
    records.set(record.id, record);
    paint([{ id: record.id, range: range.cloneRange(), color: record.color }]);
    selection.removeAllRanges();
    // Nothing about the talk is shown here: this UI lives in the page's DOM, which the page reads.
    ui().showToast('Highlighted. Comments and the talk it belongs to are in the Talkmark side panel.');
  }

  async function recolor(id: string, color: string): Promise<void> {
    const record = records.get(id);
    if (!record) return;
    const res = await send({ type: 'highlight-update', id, color });
    if (!res?.ok) return ui().showToast('That change could not be saved.');
    record.color = color;
    pageUi?.hideToolbar();
    await repaintOne(record);
  }

  async function repaintOne(record: PageHighlight): Promise<void> {
    painter.remove([record.id]);
    const [result] = await anchorAllChunked(root, [record]);
    if (result?.anchor) paint([{ id: record.id, range: result.anchor.range, color: record.color }]);
  }

  async function remove(id: string): Promise<void> {
    const record = records.get(id);
    if (!record) return;
    const res = await send({ type: 'highlight-delete', id });
    if (!res?.ok || !res.deleted) return ui().showToast('The highlight could not be deleted.');
    const deleted = res.deleted; // kept in this isolated world only, for undo
    records.delete(id);
    painter.remove([id]);
    pageUi?.hideToolbar();
    ui().showToast('Highlight deleted.', {
      label: 'Undo',
      run: () =>
        void (async () => {
          const back = await send({ type: 'highlight-restore', highlight: deleted });
          if (back?.ok) {
            records.set(id, record);
            await repaintOne(record);
          } else ui().showToast('The highlight could not be restored.');
        })(),
    });
  }

  // A selection made by a person shows the floating button; clicks on a highlight open its toolbar.
  ctx.addEventListener(document, 'mouseup', (e: MouseEvent) => {
    if (!e.isTrusted || (host && e.target instanceof Node && host.contains(e.target))) return;
    setTimeout(() => {
      const selection = getSelection();
      const text = selection?.toString().trim();
      if (selection && text && selection.rangeCount && root.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        ui().showSelectionButton(selection.getRangeAt(0).getBoundingClientRect());
        return;
      }
      pageUi?.hideSelectionButton();
      const id = painter.hitTest(e.clientX, e.clientY);
      const record = id ? records.get(id) : null;
      if (record) ui().showToolbar(record.id, record.color, e.clientX, e.clientY);
      else pageUi?.hideToolbar();
    }, 0);
  });

  // Content that arrives late (lazy sections, SPA renders) may hold the highlights not found yet.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((mutations) => {
    if (!lost.length || mutations.every((m) => host?.contains(m.target))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void anchorAndPaint(lost), REANCHOR_DELAY_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  // SPA navigation: a new page under the same document.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ({ url: pageUrl, own: ownPage } = pageKey(document, location.href));
    void loadAll();
  });

  // Only the extension can message a content script; the three requests it sends carry no data.
  // The ping answers through sendResponse (promise-returning listeners need a recent Chrome),
  // typed by `reply` like every other answer, so the contract's `Responses` line holds here too.
  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !raw || typeof raw !== 'object') return undefined;
    const type = (raw as { type?: unknown }).type;
    if (type === 'highlighter-ping') sendResponse(reply({ type }, true));
    if (type === 'highlight-selection') void highlightSelection();
    if (type === 'highlights-changed') void loadAll();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    observer.disconnect();
    clearTimeout(timer);
    painter.unpaint();
    style?.remove();
  });

  await loadAll();
}
