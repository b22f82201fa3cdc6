import type { ExtractedTalk, Speaker, TalkFile } from '../model';
import { normalizeIsoOffset } from '../time/zones';
import { describe } from './description';
import { absoluteUrl, documentBase, hasType, jsonLdObjects, stringOrNull, textOf, textWithout } from './dom';
import type { ExtractionResult, Extractor } from './types';

const SCHED_ID = /^[0-9a-f]{32}$/i;

export function isSchedHost(host: string): boolean {
  return /(^|\.)sched\.com$/i.test(host);
}

/** Split "Position, Company" at the last ", " — positions may hold commas, company names rarely do. */
export function splitRoleCompany(raw: string): { role: string | null; company: string | null } {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { role: null, company: null };
  const at = text.lastIndexOf(', ');
  if (at < 0) return { role: text, company: null };
  return { role: text.slice(0, at).trim() || null, company: text.slice(at + 2).trim() || null };
}

function avatarUrl(img: Element | null, base: string): string | null {
  const src = img?.getAttribute('src');
  if (!src || /avatar-empty/i.test(src)) return null;
  return absoluteUrl(src, base);
}

function speakersIn(scope: ParentNode, base: string): Speaker[] {
  const speakers: Speaker[] = [];
  for (const person of Array.from(scope.querySelectorAll('.sched-person-session'))) {
    const link = person.querySelector('h2 a');
    const name = stringOrNull(link?.getAttribute('title')) ?? textWithout(person.querySelector('h2'), 'span');
    if (!name) continue;
    const raw = textOf(person.querySelector('.sched-event-details-role-company')) || null;
    const groupLabel = groupOf(person);
    speakers.push({
      name,
      ...(raw ? splitRoleCompany(raw) : { role: null, company: null }),
      roleCompanyRaw: raw,
      group: groupLabel,
      profileUrl: absoluteUrl(link?.getAttribute('href'), base),
      avatarUrl: avatarUrl(person.querySelector('a.sched-avatar img, img'), base),
    });
  }
  return speakers;
}

/** The `<strong>Speakers</strong>`-style label that precedes a person inside `.tip-roles`. */
function groupOf(person: Element): string | null {
  for (let n = person.previousElementSibling; n; n = n.previousElementSibling) {
    if (n.tagName === 'STRONG') return textOf(n) || null;
  }
  return null;
}

function filesIn(scope: ParentNode, base: string): TalkFile[] {
  const files: TalkFile[] = [];
  for (const a of Array.from(scope.querySelectorAll('.sched-file a[class^="file-uploaded"], .sched-file a[class*=" file-uploaded"]'))) {
    const url = absoluteUrl(a.getAttribute('href'), base);
    if (url) files.push({ name: textOf(a) || url.split('/').pop() || url, url });
  }
  return files;
}

function videoIn(scope: ParentNode): string | null {
  const src = scope.querySelector('iframe[src*="youtube.com/embed/"], iframe[src*="youtube-nocookie.com/embed/"]')?.getAttribute('src');
  const id = src ? /\/embed\/([\w-]{6,})/.exec(src)?.[1] : null;
  return id ? `https://www.youtube.com/watch?v=${id}` : null;
}

function customFieldsIn(scope: ParentNode): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const li of Array.from(scope.querySelectorAll('ul.tip-custom-fields li'))) {
    const label = textOf(li.querySelector('strong'));
    const value = textWithout(li, 'strong');
    if (label && value) fields[label] = value;
  }
  return fields;
}

function tracksIn(scope: ParentNode): string[] {
  const names = Array.from(scope.querySelectorAll('.sched-event-type > a[href*="type/"]')).map(textOf).filter(Boolean);
  return [...new Set(names)];
}

function roomIn(scope: ParentNode): string | null {
  const link =
    scope.querySelector('.list-single__location a[href*="venue"]:not(#map-toggle)') ??
    scope.querySelector('.sched-event-details-timeandplace a[href*="venue"]');
  return textOf(link) || textOf(scope.querySelector('span.vs')) || null;
}

/** The session's own JSON-LD Event (list pages carry only a date-only conference Event). */
function sessionJsonLd(doc: Document): Record<string, unknown> | null {
  return jsonLdObjects(doc).find((o) => hasType(o, 'Event') && typeof o.startDate === 'string' && o.startDate.includes('T')) ?? null;
}

function canonicalUrl(doc: Document, url: URL): string {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return absoluteUrl(href, url.href) ?? `${url.origin}${url.pathname}`;
}

export function extractSchedSession(doc: Document, url: URL): ExtractionResult {
  const warnings: string[] = [];
  const base = documentBase(doc, url.href);
  const anchor = doc.querySelector('span.event a.name');
  const ld = sessionJsonLd(doc);
  const title = textOf(anchor?.querySelector('.session-title')) || textWithout(anchor, 'span.vs, span.sched-event-evpeople') || stringOrNull(ld?.name) || '';
  if (!title) {
    return { talks: [], warnings: ['This Sched page has no session on it (it may still be loading, or be a bot check).'], source: 'sched' };
  }
  const idAttr = anchor?.getAttribute('id') ?? anchor?.getAttribute('name') ?? '';
  const start = stringOrNull(ld?.startDate);
  const end = stringOrNull(ld?.endDate);
  if (!start) warnings.push('The session time could not be read.');
  const win = (doc.defaultView ?? globalThis.window) as Window & typeof globalThis;
  const talk: ExtractedTalk = {
    source: 'sched',
    url: canonicalUrl(doc, url),
    externalId: SCHED_ID.test(idAttr) ? idAttr.toLowerCase() : null,
    title,
    start: start ? normalizeIsoOffset(start) : null,
    end: end ? normalizeIsoOffset(end) : null,
    timeZone: null,
    room: roomIn(doc),
    tracks: tracksIn(doc),
    customFields: customFieldsIn(doc),
    speakers: speakersIn(doc.querySelector('.tip-roles') ?? doc, base),
    ...describe(doc.querySelector('div.tip-description'), win),
    files: filesIn(doc, base),
    videoUrl: videoIn(doc),
    conference: { key: url.host.toLowerCase(), name: null, url: url.origin, timeZone: null },
  };
  return { talks: [talk], warnings, source: 'sched' };
}

export const schedExtractor: Extractor = {
  name: 'sched',
  detect: (_doc, url) => isSchedHost(url.hostname),
  extract: extractSchedSession,
};
