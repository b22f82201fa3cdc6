/**
 * The highlighter's in-page UI, in one shadow root: a floating "Highlight" button beside a
 * selection, a toolbar on a clicked highlight (colours, delete) and a toast (saved / deleted,
 * with undo). It shows nothing of the user's data — the page can read its DOM — so comments
 * and the talk a highlight belongs to live in the side panel. Plain DOM, no framework: this runs on every page the user highlights on.
 * Every handler ignores untrusted (page-scripted) events.
 */
import { HIGHLIGHT_PALETTE as PALETTE } from '../../anchoring/paint';
import { HIGHLIGHT_COLOR_NAMES } from '../../messages';

// Compact on purpose: this string ships in the injected script.
export const PAGE_UI_CSS = `:host{all:initial}.tm{position:fixed;z-index:2147483647;font:13px/1.3 system-ui,sans-serif;color:#1b1b1f;background:#fff;border:1px solid #d4d1e3;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.18);padding:4px;display:flex;gap:4px;align-items:center}.tm[hidden]{display:none}button{font:inherit;border:1px solid #5b3cc4;background:#5b3cc4;color:#fff;border-radius:6px;padding:3px 9px;cursor:pointer}button.plain{background:#fff;color:#3d2a87}button.swatch{width:20px;height:20px;padding:0;border-radius:50%;border:2px solid #fff;box-shadow:0 0 0 1px #aaa}button:focus-visible{outline:2px solid #f59e0b;outline-offset:1px}.toast{bottom:16px;right:16px;max-width:360px;padding:6px 10px}@media (prefers-color-scheme:dark){.tm{background:#1f1e27;color:#ecebf3;border-color:#2f2d3a}}`;

export interface PageUiHandlers {
  onHighlight(): void;
  onRecolor(id: string, color: string): void;
  onDelete(id: string): void;
}

function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) fn(e);
  };
}

function button(label: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (className) b.className = className;
  b.addEventListener('click', trusted(onClick));
  return b;
}

export class PageUi {
  readonly #selectionBar: HTMLElement;
  readonly #toolbar: HTMLElement;
  readonly #toast: HTMLElement;
  #toastTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #handlers: PageUiHandlers;

  constructor(container: HTMLElement, handlers: PageUiHandlers) {
    this.#handlers = handlers;
    this.#selectionBar = this.#panel('Talkmark selection');
    this.#selectionBar.append(button('Highlight', () => handlers.onHighlight()));
    this.#toolbar = this.#panel('Talkmark highlight');
    this.#toast = this.#panel('Talkmark');
    this.#toast.classList.add('toast');
    this.#toast.role = 'status';
    container.append(this.#selectionBar, this.#toolbar, this.#toast);
  }

  #panel(label: string): HTMLElement {
    const el = document.createElement('div');
    el.className = 'tm';
    el.hidden = true;
    // ARIA reflection (Chrome 81+, Firefox 119+): shorter than setAttribute, and this file ships
    // in the injected highlighter (30 kB budget).
    el.role = 'toolbar';
    el.ariaLabel = label;
    return el;
  }

  #place(el: HTMLElement, x: number, y: number): void {
    el.style.left = `${Math.max(4, Math.min(x, innerWidth - 200))}px`;
    el.style.top = `${Math.max(4, Math.min(y, innerHeight - 40))}px`;
    el.hidden = false;
  }

  showSelectionButton(rect: DOMRect): void {
    this.hideToolbar();
    this.#place(this.#selectionBar, rect.left, rect.bottom + 6);
  }

  hideSelectionButton(): void {
    this.#selectionBar.hidden = true;
  }

  showToolbar(id: string, color: string, x: number, y: number): void {
    this.hideSelectionButton();
    this.#toolbar.replaceChildren(
      ...HIGHLIGHT_COLOR_NAMES.map((c) => {
        const b = button('', () => this.#handlers.onRecolor(id, c), 'swatch');
        b.style.background = PALETTE[c] ?? c;
        b.ariaLabel = `Colour ${c}`;
        b.ariaPressed = String(c === color);
        return b;
      }),
      button('Delete', () => this.#handlers.onDelete(id), 'plain'),
    );
    this.#place(this.#toolbar, x, y + 12);
  }

  hideToolbar(): void {
    this.#toolbar.hidden = true;
  }

  /** A message for a few seconds, with an optional action (Undo). */
  showToast(text: string, action?: { label: string; run: () => void }): void {
    clearTimeout(this.#toastTimer);
    const label = document.createElement('span');
    label.textContent = text;
    this.#toast.replaceChildren(
      label,
      ...(action ? [button(action.label, () => (this.hideToast(), action.run()), 'plain')] : []),
    );
    this.#toast.hidden = false;
    this.#toastTimer = setTimeout(() => this.hideToast(), 8000);
  }

  hideToast(): void {
    this.#toast.hidden = true;
  }
}
