import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT retires a content script when a document event says a newer copy of it started (the
 * worker re-injects into open tabs on install, racing the manifest's own injection). The page
 * shares that document and can send the same event — its name holds only our extension id,
 * public for a published extension — so a page could switch our script off.
 *
 * A genuine newer copy runs in our isolated world, where the page cannot reach: it raises a flag
 * there before WXT announces it (`announceStart`, at the top of the entry module), and the
 * running copy's guard lets the event through only while that flag is up, or once its own
 * extension context is gone (after an update the newer copy may live in another world).
 */
const STARTING = '__talkmarkStarting';
type Flagged = typeof globalThis & { [STARTING]?: string | null };

/**
 * At the top of a content script's entry module (`name` = its entrypoint), before WXT builds the
 * context and announces it. The flag names the script: the page hears our genuine announcement
 * too, and must not slip a forged one for the other script through while it is up. Returns the
 * guard to install first thing in `main`, when the announcement is over.
 */
export function announceStart(name: string): (ctx: ContentScriptContext) => void {
  (globalThis as Flagged)[STARTING] = name;
  return (ctx) => {
    (globalThis as Flagged)[STARTING] = null;
    // WXT's own event name (a private static in its types), so a change of naming there follows.
    // Capturing on window runs before the listener WXT put on document. `isInvalid` is true (and
    // retires this copy itself) once the extension context is gone; from then on the listener
    // lets everything through, so it needs no teardown of its own.
    const type = (ctx.constructor as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    addEventListener(
      type,
      (event) => (globalThis as Flagged)[STARTING] === name || ctx.isInvalid || event.stopImmediatePropagation(),
      true,
    );
  };
}
