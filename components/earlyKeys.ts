/**
 * Text typed into the panel before its note box exists. The shortcut opens the panel with the
 * keyboard focus on its <body>, and a person starts typing at once, while the panel is still
 * reading its talks: those keys would be lost. They are kept from the start of the page
 * (entrypoints/sidepanel/main.tsx) and typed into the first text field that takes the focus —
 * the note box — as if typed there (an `input` event, so the field's own handler stores them).
 * Focus going anywhere else drops them. (Keys pressed before Chrome shows the panel at all never
 * reach it.)
 */
let kept = '';
let stop: (() => void) | null = null;

export function keepEarlyKeys(win: Window = window): void {
  stop?.();
  kept = '';
  const doc = win.document;
  const onKey = (e: KeyboardEvent) => {
    if (e.target !== doc.body && e.target !== doc.documentElement) return;
    if (e.isComposing || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Backspace') kept = kept.slice(0, -1);
    else if (e.key.length === 1 && !e.altKey) kept += e.key;
    else return;
    e.preventDefault(); // a space must not scroll the panel either
  };
  const onFocus = (e: FocusEvent) => {
    const target = e.target as Element | null;
    if (!target || target === doc.body || target === doc.documentElement || (target as unknown) === win) return;
    const text = takeEarlyKeys();
    const field = target as HTMLTextAreaElement | HTMLInputElement;
    if (!text || !(target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && /^(text|search)$/.test(field.type))))
      return;
    field.setRangeText(text, field.value.length, field.value.length, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  win.addEventListener('keydown', onKey, true);
  win.addEventListener('focusin', onFocus, true);
  stop = () => {
    win.removeEventListener('keydown', onKey, true);
    win.removeEventListener('focusin', onFocus, true);
    stop = null;
  };
}

/** What was typed and not yet handed to a field; stops keeping. */
export function takeEarlyKeys(): string {
  stop?.();
  const text = kept;
  kept = '';
  return text;
}
