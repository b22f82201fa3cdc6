/**
 * The highlighter on one page: paints the page's highlights, turns selections into new ones,
 * and edits them. Anchoring and painting come from lib/anchoring; storage is the worker's (a
 * content script cannot reach the extension's IndexedDB). Teardown is one path: `ctx`
 * invalidation (extension reloaded or re-injected) unpaints and disconnects everything.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorAllChunked, canonicalPageUrl, describeRange, HIGHLIGHT_CSS, IGNORE_ATTRIBUTE, paintHighlights, type Painter } from '../../anchoring';
import type { HighlightSaved, Message, PageHighlight } from '../../messages';
import { sendToExtension } from '../send';
import { PAGE_UI_CSS, PageUi } from './page-ui';
import { mountShadowHost } from './shadow-host';

const REANCHOR_DELAY_MS = 600;

// Null when the extension went away under the page (ctx invalidation then tears us down).
const send = sendToExtension;

export async function startHighlighter(ctx: ContentScriptContext): Promise<void> {
  const root = document.body;
  let pageUrl = canonicalPageUrl(document, location.href);
  let painter: Painter = paintHighlights(document, [], { mode: 'auto' });
  const records = new Map<string, PageHighlight>();
  let lost: PageHighlight[] = [];

  const style = document.createElement('style');
  style.setAttribute(IGNORE_ATTRIBUTE, '');
  style.textContent = HIGHLIGHT_CSS;
  document.head.append(style);

  const { host, container } = mountShadowHost(ctx, 'talkmark-highlighter', PAGE_UI_CSS, IGNORE_ATTRIBUTE);
  const ui: PageUi | null = new PageUi(container, {
    onHighlight: () => void highlightSelection(),
    onRecolor: (id, color) => void update(id, { color }),
    onComment: (id, comment) => void update(id, { comment }),
    onDelete: (id) => void remove(id),
  });

  /** Anchor `list` against the page as it is now; paint what is found, report the rest. */
  async function anchorAndPaint(list: PageHighlight[]): Promise<void> {
    if (!list.length) return;
    const results = await anchorAllChunked(root, list);
    const found = results.filter((r) => r.anchor);
    painter.add(found.map((r) => ({ id: r.item.id, range: r.anchor!.range, color: r.item.color })));
    lost = results.filter((r) => !r.anchor).map((r) => r.item);
    void send({ type: 'highlights-anchored', pageUrl, found: found.map((r) => r.item.id), lost: lost.map((h) => h.id) });
  }

  async function loadAll(): Promise<void> {
    painter.unpaint();
    painter = paintHighlights(document, [], { mode: 'auto' });
    records.clear();
    const list = (await send<PageHighlight[]>({ type: 'highlights-for-page', pageUrl })) ?? [];
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
    ui?.hideSelectionButton();
    const saved = await send<HighlightSaved>({
      type: 'highlight-save', pageUrl, pageTitle: document.title.slice(0, 500), quote, position, color: 'yellow', comment: '', id: null,
    });
    if (!saved?.ok || !saved.id) {
      ui?.showToast(saved?.message ?? 'Talkmark was updated: reload the page to highlight.');
      return;
    }
    const record: PageHighlight = { id: saved.id, quote, position, color: 'yellow', comment: '' };
    records.set(record.id, record);
    painter.add([{ id: record.id, range: range.cloneRange(), color: record.color }]);
    selection.removeAllRanges();
    const where = saved.talkTitle ? `Highlighted for “${saved.talkTitle}”.` : 'Highlighted (no talk chosen yet).';
    ui?.showToast(where, { label: 'Add comment', run: () => ui?.askComment(record.id, '') });
  }

  async function update(id: string, changes: { color?: string; comment?: string }): Promise<void> {
    const record = records.get(id);
    if (!record) return;
    const res = await send<{ ok: boolean }>({ type: 'highlight-update', id, color: changes.color ?? null, comment: changes.comment ?? null });
    if (!res?.ok) return ui?.showToast('That change could not be saved.');
    Object.assign(record, changes);
    ui?.hideToolbar();
    await repaintOne(record);
    if (changes.comment !== undefined) ui?.showToast(changes.comment ? 'Comment saved.' : 'Comment removed.');
  }

  async function repaintOne(record: PageHighlight): Promise<void> {
    painter.remove([record.id]);
    const [result] = await anchorAllChunked(root, [record]);
    if (result?.anchor) painter.add([{ id: record.id, range: result.anchor.range, color: record.color }]);
  }

  async function remove(id: string): Promise<void> {
    const record = records.get(id);
    if (!record) return;
    const res = await send<{ ok: boolean }>({ type: 'highlight-delete', id });
    if (!res?.ok) return ui?.showToast('The highlight could not be deleted.');
    records.delete(id);
    painter.remove([id]);
    ui?.hideToolbar();
    ui?.showToast('Highlight deleted.', {
      label: 'Undo',
      run: () => void (async () => {
        const back = await send<HighlightSaved>({ type: 'highlight-save', pageUrl, pageTitle: document.title.slice(0, 500), ...record, id: record.id });
        if (back?.ok) {
          records.set(id, record);
          await repaintOne(record);
        }
      })(),
    });
  }

  // A selection made by a person shows the floating button; clicks on a highlight open its toolbar.
  ctx.addEventListener(document, 'mouseup', (e: MouseEvent) => {
    if (!e.isTrusted || ui?.contains(host, e.target)) return;
    setTimeout(() => {
      const selection = getSelection();
      const text = selection?.toString().trim();
      if (selection && text && selection.rangeCount && root.contains(selection.getRangeAt(0).commonAncestorContainer)) {
        ui?.showSelectionButton(selection.getRangeAt(0).getBoundingClientRect());
        return;
      }
      ui?.hideSelectionButton();
      const id = painter.hitTest(e.clientX, e.clientY);
      const record = id ? records.get(id) : null;
      if (record) ui?.showToolbar(record.id, record.color, record.comment, e.clientX, e.clientY);
      else ui?.hideToolbar();
    }, 0);
  });

  // Content that arrives late (lazy sections, SPA renders) may hold the highlights not found yet.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((mutations) => {
    if (!lost.length || mutations.every((m) => host.contains(m.target))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void anchorAndPaint(lost), REANCHOR_DELAY_MS);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  // SPA navigation: a new page under the same document.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    pageUrl = canonicalPageUrl(document, location.href);
    void loadAll();
  });

  // Only the extension can message a content script; the three requests it sends carry no data.
  const onMessage = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !raw || typeof raw !== 'object') return undefined;
    const type = (raw as { type?: unknown }).type;
    if (type === 'highlighter-ping') return Promise.resolve(true);
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
    style.remove();
  });

  await loadAll();
}
