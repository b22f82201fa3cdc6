/**
 * The `talkmark:panel-ready` mark (User Timing; `npm run bench` rows 2 and 11c read it): the first
 * frame in which the note box is usable and the Now talk's notes are shown. The panel calls
 * `markPanelReady` when it has no talk to show (the library is empty, no talk is on, another
 * view), the note list as it puts the talk's notes in the page (a layout effect); only the first
 * call marks. The mark is set once that frame is painted: a task queued from the frame's
 * animation-frame callback runs after the frame's style, layout and paint.
 */
let marked = false;

export const PANEL_READY = 'talkmark:panel-ready';

export function markPanelReady(): void {
  if (marked || typeof performance === 'undefined') return;
  marked = true;
  const mark = () => performance.mark(PANEL_READY);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(mark, 0));
  else mark();
}

/** For tests: the next render may mark again. */
export function resetPanelReady(): void {
  marked = false;
}
