/**
 * Bot checks (Cloudflare's "Just a moment...", DataDome, PerimeterX) stand where the page the user
 * wanted will be. They hold no talk, and saying "not a schedule" would be wrong: the user is told
 * to pass the check and clip again. Only markers of the check page itself count — Cloudflare's
 * script on ordinary pages (`/cdn-cgi/challenge-platform/` in a footer) is not one.
 */
import type { Extractor } from './types';

const MARKERS = [
  '#challenge-form',
  '#challenge-running',
  '#challenge-stage',
  '#challenge-error-text',
  '#cf-challenge-running',
  '.cf-browser-verification',
  '#cf-wrapper #cf-error-details',
  '#px-captcha',
  'iframe[src*="captcha-delivery.com"]',
].join(', ');
// The whole title: a talk called "Checking your browser support with Baseline" is no bot check.
const TITLE =
  /^(?:Just a moment(?:\.\.\.|…)?|Attention Required! \| Cloudflare|Checking your browser(?: before accessing .*)?|Access to this page has been denied\.?)$/i;

export function isBotCheck(doc: Document): boolean {
  if (TITLE.test(doc.title.trim()) || doc.querySelector(MARKERS)) return true;
  return Array.from(doc.querySelectorAll('script:not([src])')).some((s) =>
    (s.textContent ?? '').includes('_cf_chl_opt'),
  );
}

export const botCheckExtractor: Extractor = {
  name: 'bot-check',
  detect: isBotCheck,
  extract: () => ({
    talks: [],
    warnings: [
      'This page is a bot check, not the schedule yet: pass the check in this tab, wait for the page to load, then clip again.',
    ],
    source: 'none',
  }),
};
