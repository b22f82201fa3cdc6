/** Readers shared by pretalx's pages, its schedule JSON and its iCalendar export. */
import type { Speaker } from '../model';

/**
 * "Ada Lovelace [Acme]": pretalx instances let speakers add their organisation in brackets after
 * their public name (and some events ask them to). The brackets name the company.
 */
export function pretalxPerson(raw: string, fields: Partial<Speaker> = {}): Speaker {
  const text = raw.replace(/\s+/g, ' ').trim();
  const m = /^(.*\S)\s*\[([^\]]+)\]$/.exec(text) ?? /^(.*\S)\s+\(([^)]+)\)$/.exec(text);
  // A parenthesis is only an organisation when it is not a nickname or pronouns ("(she/her)").
  const org = m && (text.endsWith(']') || !/\b(?:she|he|they|her|him|them|it)\b|\//i.test(m[2]!)) ? m : null;
  return {
    name: org ? org[1]! : text,
    role: null,
    company: org ? org[2]!.trim() : null,
    roleCompanyRaw: org ? org[2]!.trim() : null,
    group: null,
    profileUrl: null,
    avatarUrl: null,
    ...fields,
  };
}

/** A year in text, not part of a longer number ("pyconf-2025", "PyCon US 2026 ::"). */
const YEAR = /(?<!\d)(20\d\d|19[89]\d)(?!\d)/;

/**
 * The event's year, for slots printed as month-day only ("03-19, 16:00"): from the page title and
 * header, then the event's own links (its URL slug, the JSON API and iCalendar export links).
 * Null when nothing names one: a year is never guessed from today's date.
 */
export function eventYear(doc: Document, url: URL): number | null {
  const header = doc.querySelector('header, #event-header, .header');
  const links = Array.from(
    (doc.head ?? doc).querySelectorAll('link[rel="alternate"][href]'),
    (l) => l.getAttribute('href') ?? '',
  );
  const exports = Array.from(
    doc.querySelectorAll('a[href$=".ics"], a[href*="/export/"], a[href$=".json"]'),
    (a) => a.getAttribute('href') ?? '',
  );
  const eventSlug = /^\/([^/]+)\//.exec(url.pathname)?.[1] ?? '';
  // The title is "Talk :: Event": only the event's part (a talk may be called "Lessons from 2019").
  const eventTitle = doc.title.includes(' :: ') ? doc.title.split(' :: ').slice(1).join(' :: ') : doc.title;
  for (const text of [eventTitle, header?.textContent ?? '', eventSlug, ...links, ...exports]) {
    const m = YEAR.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** "03-19" or "19.03." with no year: month and day as printed (pretalx's short date formats). */
export function yearlessDate(text: string): { month: number; day: number; printed: string } | null {
  const valid = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  const iso = /(?<![\d./:-])(\d{2})-(\d{2})(?![\d:-])/.exec(text);
  if (iso && valid(Number(iso[1]), Number(iso[2])))
    return { month: Number(iso[1]), day: Number(iso[2]), printed: iso[0] };
  const dotted = /(?<![\d./:-])(\d{1,2})\.(\d{1,2})\.(?![\d:])/.exec(text);
  if (dotted && valid(Number(dotted[2]), Number(dotted[1])))
    return { month: Number(dotted[2]), day: Number(dotted[1]), printed: dotted[0] };
  return null;
}
