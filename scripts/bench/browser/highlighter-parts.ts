/**
 * Attribution for the page-load figure: the two things the highlighter adds to every page at
 * start-up, done on their own — its <style> in the page's <head> and its shadow host on <html>
 * (as controller.ts and shadow-host.ts do), so the runner can time each on the 1 MB article.
 */
import { HIGHLIGHT_CSS, IGNORE_ATTRIBUTE } from '../../../lib/anchoring';
import { PAGE_UI_CSS } from '../../../lib/extension/highlighter/page-ui';

export function addStyle(): void {
  const style = document.createElement('style');
  style.setAttribute(IGNORE_ATTRIBUTE, '');
  style.textContent = HIGHLIGHT_CSS;
  document.head.append(style);
}

export function addHost(): void {
  const host = document.createElement('talkmark-highlighter');
  host.setAttribute(IGNORE_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = PAGE_UI_CSS;
  root.append(style, document.createElement('div'));
  document.documentElement.append(host);
}

/** Forces the style and layout work now, so it lands inside the measured task. */
export function flush(): number {
  return document.documentElement.getBoundingClientRect().height;
}
