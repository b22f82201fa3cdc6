import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * One shadow root for the highlighter's UI, torn down with `ctx`. WXT's `createShadowRootUi`
 * does this and more (anchoring, waiting for elements, isolating events) but pulls in ~8 kB of
 * helpers; the highlighter runs on every page the user highlights on and must stay under 30 kB,
 * so it mounts its single, always-present root itself. Page CSS cannot reach in (`all: initial`
 * on the host), and our elements are found by the anchoring code's ignore attribute.
 */
export function mountShadowHost(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  ignoreAttribute: string,
): { host: HTMLElement; container: HTMLElement } {
  const host = document.createElement(name);
  host.setAttribute(ignoreAttribute, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
  return { host, container };
}
