import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** How many of a talk's notes the list draws at first: the newest, more than a tall panel shows. */
export const FIRST_NOTES = 30;
/** How many older notes each idle moment adds: no step is a long task, even with pictures. */
const STEP = 60;

export interface NoteWindow {
  /** Index of the oldest note drawn (0: all of them). */
  start: number;
  /** Draw every note now (the user asked for the earlier ones). */
  showAll: () => void;
}

/**
 * Draws the newest `FIRST_NOTES` of `total` notes first (newest in view is the rule: the list
 * ends at the note box), then the older ones `STEP` at a time when the page is idle, so within a
 * moment of the first frame every note is in the page again (find in page, screen readers).
 * Whatever is on screen stays put as notes are added above it. Notes added meanwhile are drawn
 * (the oldest drawn note stays drawn); `key` (the talk and filter) starts over.
 */
export function useNoteWindow(total: number, list: { readonly current: HTMLElement | null }, key: string): NoteWindow {
  const base = useRef<{ key: string; start: number } | null>(null);
  if (total > 0 && base.current?.key !== key) base.current = { key, start: Math.max(0, total - FIRST_NOTES) };
  const start = base.current?.key === key ? Math.min(base.current.start, total) : 0;
  const [, redraw] = useState(0);
  const anchor = useRef<{ el: Element; top: number } | null>(null);
  const grow = (to: number) => {
    // The oldest note drawn moves down by what is added above it: scroll by as much.
    const el = list.current?.firstElementChild;
    anchor.current = el ? { el, top: el.getBoundingClientRect().top } : null;
    base.current = { key, start: to };
    redraw((n) => n + 1);
  };
  useLayoutEffect(() => {
    const a = anchor.current;
    anchor.current = null;
    if (!a?.el.isConnected) return;
    const moved = a.el.getBoundingClientRect().top - a.top;
    if (moved) window.scrollBy(0, moved);
  }, [start]);
  useEffect(() => {
    if (start === 0) return;
    const more = () => grow(Math.max(0, start - STEP));
    if (typeof requestIdleCallback !== 'function' || typeof cancelIdleCallback !== 'function') {
      const t = setTimeout(more, 100);
      return () => clearTimeout(t);
    }
    const cancel = cancelIdleCallback;
    const handle = requestIdleCallback(more, { timeout: 1_000 });
    return () => cancel(handle);
  }, [start, key]);
  return { start, showAll: () => grow(0) };
}
