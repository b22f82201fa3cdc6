/**
 * What re-clipping a known talk changes. Views of one schedule differ in how much they say
 * (Sched's `/list/simple` has no end, no description and names without companies; its `all.ics`
 * has the description as plain text without its links; its session page has everything), so a
 * fresh read replaces what it states, field by field, unless its value is a poorer form of the
 * stored one — and never a field the user edited by hand.
 *
 * Richness is judged from the values themselves, not from which view they came from: a plain
 * text without the links of the stored Markdown, a cut-off copy, names without companies, fewer
 * of the same files, an upper-cased track, a shorter address of the same page. That works for
 * talks stored before this rule and across platforms, and a genuine update (an organiser who
 * rewrote a description) still flows, because a different text is not a poorer form.
 */
import { fillSpeakers } from '../schedule/talk';
import { isoOffsetMinutes, isValidTimeZone, toIsoInZone, toIsoWithOffset } from '../time/zones';
import type { ExtractedTalk, Speaker, Talk, TalkFile } from '../model';

export const instant = (iso: string | null): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

const isEmpty = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** Fields a fresh read replaces whenever it states them (no read states them more poorly than another). */
const REPLACED = ['externalId', 'title', 'timeZone', 'videoUrl'] as const satisfies readonly (keyof ExtractedTalk)[];

/** Readers that only guess or relay (a page's title, a calendar feed) never rename a platform's read. */
const RELAYS: ReadonlySet<string> = new Set(['opengraph', 'ics']);

/** An ISO time moved by `ms`, written in the venue's zone when known, else with its own offset. */
function shifted(iso: string, ms: number, timeZone: string | null): string | null {
  const at = instant(iso);
  if (at === null) return null;
  return timeZone && isValidTimeZone(timeZone)
    ? toIsoInZone(at + ms, timeZone)
    : toIsoWithOffset(at + ms, isoOffsetMinutes(iso) ?? 0);
}

/** Letters and digits only, lower-cased: "Syndrome\n\nBess" and "SyndromeBess" read alike. */
const letters = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const URL_IN_TEXT = /https?:\/\/[^\s)\]>"']+/g;
/** A cut-off copy's tail: "…", "...", "Read more". */
const CUT_MARK = /(?:\s*(?:…|\.\.\.|\[?read more\]?|more)\s*)+$/i;

/** `text` is `full` cut short (letters compared, so spacing and punctuation do not count). */
function isTruncationOf(text: string, full: string): boolean {
  const [a, b] = [letters(text.replace(CUT_MARK, '')), letters(full)];
  return a.length > 0 && a.length < b.length && b.startsWith(a);
}

/** [distinct links, formatting marks] of a Markdown description: what a plain-text copy loses. */
export function descriptionRichness(markdown: string): [number, number] {
  const links = new Set(markdown.match(URL_IN_TEXT) ?? []).size;
  const formatting = (
    markdown.match(/\*\*?[^*\n]+\*\*?|(?<![\p{L}\p{N}])_[^_\n]+_|^\s*(?:[-*+]|\d+\.)\s|^#{1,6}\s|\n\n/gmu) ?? []
  ).length;
  return [links, formatting];
}

/** The description text without its link targets, for comparing what two copies say. */
const descriptionText = (markdown: string): string => markdown.replace(/\]\([^)]*\)/g, ']').replace(URL_IN_TEXT, '');

/** A fresh description that says less than the stored one: fewer links, less formatting, or cut short. */
export function isPoorerDescription(fresh: string, old: string): boolean {
  const [a, b] = [descriptionRichness(fresh), descriptionRichness(old)];
  if (a[0] !== b[0]) return a[0] < b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  return isTruncationOf(descriptionText(fresh), descriptionText(old));
}

const personKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const DETAILS = ['role', 'company', 'roleCompanyRaw', 'group', 'profileUrl', 'avatarUrl'] as const;
const detailCount = (people: readonly Speaker[]): number =>
  people.reduce((n, s) => n + DETAILS.filter((f) => s[f]).length, 0);

/**
 * The speakers after a fresh read: it says who speaks, each person completed from the stored
 * details by name — unless it names only some of the stored people and knows nothing of them
 * the stored read did not (a view that prints fewer people), then the stored list stays.
 */
export function mergeSpeakers(fresh: readonly Speaker[], old: readonly Speaker[]): Speaker[] {
  const filled = fillSpeakers(fresh, old);
  const known = new Set(old.map((s) => personKey(s.name)));
  const subset = fresh.length < old.length && fresh.every((s) => known.has(personKey(s.name)));
  return subset && detailCount(filled) <= detailCount(old) ? [...old] : filled;
}

/** Fewer of the same files is a poorer read; any file the stored list lacks makes the fresh list the news. */
function mergeFiles(fresh: readonly TalkFile[], old: readonly TalkFile[]): TalkFile[] {
  const stored = new Set(old.map((f) => f.url));
  return fresh.length < old.length && fresh.every((f) => stored.has(f.url)) ? [...old] : [...fresh];
}

const isShouting = (values: readonly string[]): boolean =>
  values.some((v) => /\p{L}/u.test(v) && v === v.toUpperCase());

/** The same tracks upper-cased (iCalendar CATEGORIES), or only some of them, say less. */
function mergeTracks(fresh: readonly string[], old: readonly string[]): string[] {
  const stored = new Set(old.map((t) => t.toLowerCase()));
  const same = fresh.every((t) => stored.has(t.toLowerCase()));
  if (same && (fresh.length < old.length || (isShouting(fresh) && !isShouting(old)))) return [...old];
  return [...fresh];
}

/** "Room 1" after "Room 1, Level 2": a cut-short room name keeps the stored one. */
const mergeRoom = (fresh: string, old: string): string => (isTruncationOf(fresh, old) ? old : fresh);

/**
 * The talk's own page: on the same site, an address that the stored one extends (a list's
 * `/event/BzsD/` after the session page's `/event/BzsD/slug`) or with fewer path segments (the
 * feed's `/event/<id>`) names the same page less well.
 */
export function mergeUrl(fresh: string, old: string, externalId: string | null = null): string {
  try {
    const [a, b] = [new URL(fresh), new URL(old)];
    if (a.host !== b.host) return fresh;
    const [pa, pb] = [a.pathname.replace(/\/+$/, ''), b.pathname.replace(/\/+$/, '')];
    if (pb.startsWith(`${pa}/`)) return old;
    // The feed's `/event/<32-hex id>` is a redirect to the page the stored address already names.
    const idOnly = (path: string) => !!externalId && path.toLowerCase().endsWith(`/${externalId.toLowerCase()}`);
    if (idOnly(pa) && !idOnly(pb)) return old;
  } catch {
    /* an unparsable address: the fresh one is as good as any */
  }
  return fresh;
}

/** The merged value of every field a fresh read states, before the user's edits are put back. */
function mergedFields(old: Talk, fresh: ExtractedTalk): Partial<Talk> {
  const next: Partial<Talk> = {};
  for (const field of REPLACED) if (!isEmpty(fresh[field])) (next as Record<string, unknown>)[field] = fresh[field];
  if (fresh.source && !(RELAYS.has(fresh.source) && !RELAYS.has(old.source))) next.source = fresh.source;
  if (fresh.url) next.url = old.url ? mergeUrl(fresh.url, old.url, fresh.externalId) : fresh.url;
  if (fresh.room) next.room = old.room ? mergeRoom(fresh.room, old.room) : fresh.room;
  if (fresh.tracks.length) next.tracks = mergeTracks(fresh.tracks, old.tracks);
  if (fresh.files.length) next.files = mergeFiles(fresh.files, old.files);
  if (fresh.speakers.length) next.speakers = mergeSpeakers(fresh.speakers, old.speakers);
  // Description and its HTML are one fact: replaced together, or kept together.
  if (fresh.description && !(old.description && isPoorerDescription(fresh.description, old.description))) {
    [next.description, next.descriptionHtml] = [fresh.description, fresh.descriptionHtml];
  }
  if (!isEmpty(fresh.customFields)) next.customFields = { ...old.customFields, ...fresh.customFields };
  // The same instant written another way (a feed's UTC) keeps the venue's clock it was stored in.
  const moved = (a: string | null, b: string | null) => instant(a) !== instant(b);
  if (fresh.start && moved(fresh.start, old.start)) {
    next.start = fresh.start;
    // A session moved by a view that prints no end keeps its length, not an end before its start.
    const [oldStart, newStart] = [instant(old.start), instant(fresh.start)];
    if (!fresh.end && old.end && oldStart !== null && newStart !== null && newStart !== oldStart)
      next.end = shifted(old.end, newStart - oldStart, fresh.timeZone ?? old.timeZone);
  }
  if (fresh.end && moved(fresh.end, old.end)) next.end = fresh.end;
  return next;
}

/** The changes a fresh read brings to a stored talk; null when it brings none. */
export function mergeMetadata(old: Talk, fresh: ExtractedTalk): Partial<Talk> | null {
  const next = mergedFields(old, fresh);
  // What the user fixed by hand is theirs: no later read changes it.
  for (const field of old.editedFields ?? []) delete (next as Record<string, unknown>)[field];
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(old[field as keyof Talk])) changes[field] = value;
  }
  if ('start' in changes) changes.startAt = instant(next.start ?? null);
  if ('end' in changes) changes.endAt = instant(next.end ?? null);
  return Object.keys(changes).length ? (changes as Partial<Talk>) : null;
}
