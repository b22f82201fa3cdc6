/** Readers shared by the Sched extractors (session pages, list views): people, files, types, rooms. */
import type { Speaker, TalkFile } from '../model';
import { absoluteUrl, stringOrNull, textOf, textWithout, videoUrlFrom } from './dom';
import { isSchedHost } from './sched-host';
import { splitRoleCompany } from './role-company';
import { uniqueStrings } from './talk';

export const SCHED_ID = /^[0-9a-f]{32}$/i;

export { isSchedHost };

/**
 * Sched also runs on organisers' own domains: its markup (a session anchor with a 32-hex id, or
 * Sched's containers next to its CDN) says so where the host does not.
 */
export function looksLikeSched(doc: Document, url: URL): boolean {
  if (isSchedHost(url.hostname)) return true;
  const anchor = doc.querySelector('span.event a.name[id]');
  if (anchor && SCHED_ID.test(anchor.id)) return true;
  const cdn = doc.querySelector(
    'link[href*="cdn.sched.co"], script[src*="cdn.sched.co"], meta[name="twitter:site"][content="@sched"]',
  );
  return !!cdn && !!doc.querySelector('.sched-container, #sched-page-me-event, span.event');
}

export { splitRoleCompany } from './role-company';

/** `background-image: url("…")` in an inline style, as some Sched themes draw avatars. */
const BACKGROUND_URL = /background(?:-image)?\s*:[^;]*?url\(\s*(['"]?)([^'")]+)\1\s*\)/i;

/** The avatar of a person card: an `<img>`, or an element painted with a CSS background image. */
function avatarUrl(person: Element, base: string): string | null {
  const img = person.querySelector('a.sched-avatar img, img');
  let src = img?.getAttribute('src') ?? null;
  if (!src) {
    const painted = [person, ...Array.from(person.querySelectorAll('[style]'))].find((el) =>
      BACKGROUND_URL.test(el.getAttribute('style') ?? ''),
    );
    src = painted ? BACKGROUND_URL.exec(painted.getAttribute('style')!)![2]!.trim() : null;
  }
  if (!src || /avatar-empty|\/images\/avatar|default-avatar/i.test(src)) return null;
  return absoluteUrl(src, base);
}

/** A heading that names a group of people ("Speakers", "Moderators", "Panelists", "Hosts", …). */
const GROUP_LABEL = new Set(['STRONG', 'B', 'H2', 'H3', 'H4', 'H5', 'H6', 'DT']);
const isGroupLabel = (el: Element) =>
  (GROUP_LABEL.has(el.tagName) ||
    /(?:^|[-_])(?:role|group)s?[-_]?(?:title|label|heading|name)\b/i.test(el.className)) &&
  !el.classList.contains('sched-person-session') &&
  !el.querySelector('.sched-person-session') &&
  textOf(el).length <= 40;

/**
 * The label a person is listed under: the nearest preceding `<strong>Moderators</strong>`-style
 * heading, looked for beside the card and then beside each wrapper up to `.tip-roles` (themes put
 * each group in its own box). Never a heading before the people list (the session's own title).
 */
function groupOf(person: Element): string | null {
  for (let node: Element | null = person; node && !node.classList.contains('tip-roles'); node = node.parentElement) {
    for (let n = node.previousElementSibling; n; n = n.previousElementSibling) {
      if (n.classList.contains('sched-person-session') || n.querySelector('.sched-person-session')) continue;
      if (isGroupLabel(n)) return textOf(n).replace(/:$/, '') || null;
    }
    if (!node.parentElement?.closest('.tip-roles')) break;
  }
  return null;
}

/** Full speaker cards (`.sched-person-session`): name, "Position, Company", group, profile, avatar. */
export function speakersFromCards(cards: Element[], base: string): Speaker[] {
  const speakers: Speaker[] = [];
  for (const person of cards) {
    const link = person.querySelector('h2 a');
    const name = stringOrNull(link?.getAttribute('title')) ?? textWithout(person.querySelector('h2'), 'span');
    if (!name) continue;
    const raw = textOf(person.querySelector('.sched-event-details-role-company')) || null;
    speakers.push({
      name,
      ...(raw ? splitRoleCompany(raw) : { role: null, company: null }),
      roleCompanyRaw: raw,
      group: groupOf(person),
      profileUrl: absoluteUrl(link?.getAttribute('href'), base),
      avatarUrl: avatarUrl(person, base),
    });
  }
  return speakers;
}

/** Names only, as list views print them: "Ann Lee • Bo Chen" in `span.sched-event-evpeople`. */
export function speakersFromNames(people: Element | null): Speaker[] {
  const names = uniqueStrings(textOf(people).split(/\s*[•·]\s*/));
  return names.map((name) => ({
    name,
    role: null,
    company: null,
    roleCompanyRaw: null,
    group: null,
    profileUrl: null,
    avatarUrl: null,
  }));
}

export function filesFrom(containers: Element[], base: string): TalkFile[] {
  const files: TalkFile[] = [];
  for (const box of containers) {
    for (const a of Array.from(box.querySelectorAll('a[class^="file-uploaded"], a[class*=" file-uploaded"]'))) {
      const url = absoluteUrl(a.getAttribute('href'), base);
      if (url && !files.some((f) => f.url === url))
        files.push({ name: textOf(a) || decodeURIComponent(url.split('/').pop() || url), url });
    }
  }
  return files;
}

/** The recording: an embedded player, else a plain YouTube/Vimeo/media.ccc.de link in the description or files. */
export function videoFrom(iframes: Element[], linkBoxes: Element[] = []): string | null {
  for (const frame of iframes) {
    const url = videoUrlFrom(frame.getAttribute('src'));
    if (url) return url;
  }
  for (const box of linkBoxes) {
    for (const a of Array.from(box.querySelectorAll('a[href]'))) {
      const url = videoUrlFrom(a.getAttribute('href'));
      if (url) return url;
    }
  }
  return null;
}

/** `<li><strong>Label</strong> value</li>` items of `ul.tip-custom-fields`. */
export function customFieldsFrom(lists: Element[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const list of lists) {
    for (const li of Array.from(list.querySelectorAll('li'))) {
      const label = textOf(li.querySelector('strong'));
      const value = textWithout(li, 'strong');
      if (label && value) fields[label] = value;
    }
  }
  return fields;
}

/** Session types, skipping the links inside the nested custom-field list. */
export function tracksFrom(typeBoxes: Element[]): string[] {
  const links = typeBoxes.flatMap((box) => Array.from(box.querySelectorAll('a[href*="type/"]')));
  return uniqueStrings(links.filter((a) => !a.closest('ul.tip-custom-fields')).map(textOf));
}

/** A map link ("maps.google.com", "venue/Room#map"), told apart from a room named "Maple Room". */
const MAP_LINK = /(?:^|[/.#?&=])maps?(?:$|[/.#?&=])|openstreetmap\.|\/\/mapy\.|waze\.com/i;

/** The venue link, never the map toggle or a map link. */
export function roomFrom(locationBoxes: Element[]): string | null {
  for (const box of locationBoxes) {
    const link = Array.from(box.querySelectorAll('a[href*="venue"]')).find(
      (a) => a.id !== 'map-toggle' && !MAP_LINK.test(a.getAttribute('href') ?? ''),
    );
    const name = textOf(link);
    if (name) return name;
  }
  return null;
}

/**
 * The first line of an element (up to its first `<br>` or link), where Sched's older
 * `.sched-event-details-timeandplace` prints the date and time before the venue.
 */
export function firstLine(el: Element): string {
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, 5 /* elements and text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if ((tag === 'BR' || tag === 'A' || tag === 'DIV' || tag === 'P') && text.trim()) break;
    } else text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}
