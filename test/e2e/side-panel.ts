/**
 * The REAL side panel, as Chrome shows it next to a tab (not sidepanel.html opened as a tab).
 * Playwright does not list it among `context.pages()` (it is no tab), but Chrome reports it as a
 * CDP target of type "page" at chrome-extension://<id>/sidepanel.html. We attach to that target
 * through a page's CDP session (`Target.attachToTarget` in the non-flattened mode, whose messages
 * go through `Target.sendMessageToTarget`, since Playwright's session only speaks for its own
 * target) and evaluate in it. Only to look: nothing here focuses or types — keys come from
 * xdotool (see pressShortcut), as a person's would.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect } from './fixtures';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface RealSidePanel {
  targetId: string;
  /** Run `fn(arg)` in the panel's page and return its (JSON) result. */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
}

/** The side panel documents Chrome has now, newest last. */
export async function sidePanelTargets(cdp: CDPSession, extensionId: string): Promise<string[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos
    .filter((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${extensionId}/sidepanel.html`))
    .map((t) => t.targetId);
}

/** Attach to the newest side panel document once Chrome shows one. `page`: any page of the context (its CDP session carries the messages). */
export async function waitForSidePanel(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<RealSidePanel> {
  const cdp = await context.newCDPSession(page);
  let targetId = '';
  await expect
    .poll(async () => (targetId = (await sidePanelTargets(cdp, extensionId)).pop() ?? ''), {
      message: 'Chrome shows no side panel',
      timeout: 15_000,
    })
    .not.toBe('');
  return attach(cdp, targetId);
}

/**
 * Wait until a side panel has the keyboard focus with the caret in its note box, and return it
 * (the panel Chrome shows may be a new document: see openSidePanel in lib/extension/tabs.ts).
 */
export async function waitForCaretInNoteBox(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<RealSidePanel> {
  const cdp = await context.newCDPSession(page);
  const attached = new Map<string, RealSidePanel>();
  let found: RealSidePanel | null = null;
  await expect
    .poll(
      async () => {
        for (const id of (await sidePanelTargets(cdp, extensionId)).reverse()) {
          if (!attached.has(id)) attached.set(id, await attach(cdp, id));
          const state = await panelFocus(attached.get(id)!).catch(() => null);
          if (state?.hasFocus && state.focused === 'Note') return Boolean((found = attached.get(id)!));
        }
        return false;
      },
      { message: 'No side panel has the keyboard focus in its note box', timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

async function attach(cdp: CDPSession, targetId: string): Promise<RealSidePanel> {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 0;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const send = (method: string, params: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  return {
    targetId,
    async evaluate(fn, arg) {
      const result = (await send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
        returnByValue: true,
        awaitPromise: true,
      })) as { result: { value: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } };
      if (result.exceptionDetails)
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      return result.result.value as never;
    },
  };
}

/** Where the keyboard is in the panel: whether its document has the focus, and the focused field. */
export function panelFocus(panel: RealSidePanel) {
  return panel.evaluate(() => ({
    hasFocus: document.hasFocus(),
    focused: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null,
  }));
}
