/**
 * Organiser sites embed Sched in a cross-origin iframe (`a#sched-embed` + `<site>.sched.com/js/embed.js`).
 * Its sessions cannot be read from the host page, so the reader names the Sched site to open instead.
 */
import { absoluteUrl } from './dom';
import { isSchedHost } from './sched-host';
import type { ExtractionResult, Extractor } from './types';

function schedSiteOf(doc: Document, base: string): string | null {
  const candidates = [
    doc.querySelector('a#sched-embed')?.getAttribute('href'),
    doc.querySelector('script[src*=".sched.com/js/embed.js"]')?.getAttribute('src'),
    doc.querySelector('iframe[src*=".sched.com"]')?.getAttribute('src'),
  ];
  for (const href of candidates) {
    const url = absoluteUrl(href, base);
    if (url && isSchedHost(new URL(url).hostname)) return `${new URL(url).origin}/`;
  }
  return null;
}

export const schedEmbedExtractor: Extractor = {
  name: 'sched-embed',
  detect: (doc) =>
    !!doc.querySelector('a#sched-embed, script[src*=".sched.com/js/embed.js"], iframe[src*=".sched.com"]'),
  extract(doc, url): ExtractionResult {
    const site = schedSiteOf(doc, url.href);
    const where = site ? `open ${site} to clip its sessions` : 'open the Sched site it comes from to clip its sessions';
    return {
      talks: [],
      warnings: [`This page embeds a Sched schedule that cannot be read from here: ${where}.`],
      source: 'sched-embed',
    };
  },
};
