/**
 * Schedules opened as raw files: an `.ics` feed a browser shows as plain text, pretalx's
 * `schedule.json` or Sessionize's API JSON shown as a JSON document. The text is read only from
 * documents that are nothing but text (a lone `<pre>`), never from a rendered page's body.
 */
import { parseIcs } from './ics';
import { isIndicoExport, parseIndicoExport } from './indico-json';
import { isPretalxSchedule, parsePretalxSchedule } from './pretalx-json';
import { isSessionizeExport, parseSessionizeAll } from './sessionize-json';
import type { ExtractOptions, ExtractionResult, Extractor } from './types';

const FEED_PATH = /\.(?:ics|ical|ifb|json)$|\/(?:schedule\/export\/schedule\.json|api\/v2\/[^/]+\/view\/\w+)$/i;

/**
 * The document's text when it is a bare text or JSON view (browsers wrap the file in a lone
 * `<pre>`; Chrome's JSON view adds a formatter beside it); null for ordinary pages.
 */
export function documentText(doc: Document): string | null {
  const body = doc.body;
  if (!body) return doc.documentElement?.textContent ?? null;
  const html = doc.contentType.includes('html');
  const elements = Array.from(body.children).filter((el) => !['SCRIPT', 'STYLE', 'LINK'].includes(el.tagName));
  const pres = elements.filter((el) => el.tagName === 'PRE');
  // Only a lone <pre> can be a feed in an HTML document: a rendered page (a Sched list of 600
  // sessions) is told apart by its element names, without reading all of its text.
  if (pres.length === 1) {
    if (!html || elements.every((el) => el.tagName === 'PRE' || !el.textContent?.trim())) return pres[0]!.textContent;
  }
  return !html || !elements.length ? body.textContent : null;
}

/** Reads a feed's text: iCalendar, pretalx schedule JSON or Sessionize API JSON. */
export function parseFeedText(text: string, url: string, options: ExtractOptions = {}): ExtractionResult {
  const trimmed = text.trim();
  if (/^BEGIN:VCALENDAR/i.test(trimmed)) return parseIcs(trimmed, url, options);
  if (!/^[[{]/.test(trimmed))
    return { talks: [], warnings: ['This file is not a schedule Talkmark can read.'], source: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return {
      talks: [],
      warnings: ['This JSON file is incomplete or broken (it may still be loading).'],
      source: 'none',
    };
  }
  if (isPretalxSchedule(json)) return parsePretalxSchedule(json, url, options);
  if (isSessionizeExport(json)) return parseSessionizeAll(json, url, options);
  if (isIndicoExport(json)) return parseIndicoExport(json, url, options);
  return {
    talks: [],
    warnings: [
      'Unsupported schedule format: this JSON file is not a pretalx, frab/C3VOC, Sessionize or Indico schedule.',
    ],
    source: 'none',
  };
}

export const feedExtractor: Extractor = {
  name: 'feed',
  detect(doc, url) {
    const text = documentText(doc);
    if (text === null) return false;
    return FEED_PATH.test(url.pathname) || /^\s*(?:BEGIN:VCALENDAR|[[{])/i.test(text.slice(0, 200));
  },
  extract: (doc, url, options) => parseFeedText(documentText(doc) ?? '', url.href, options),
};
