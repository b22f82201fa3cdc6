/**
 * Titles that carry their speakers ("Title - Ada Lovelace, Acme & Bob Builder, Beta", KubeCon's
 * habit on Sched; pretalx's iCalendar "Title - Ada Lovelace, Bob Builder"). The suffix is cut
 * only when it is made of the talk's own speakers (and their companies), so a title that merely
 * holds a dash ("Kubernetes - The Hard Way") is never shortened.
 */
import type { Speaker } from '../model';

const personKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** " - ", " – ", " — " (spaced dashes), rightmost first. */
function dashCuts(title: string): { at: number; length: number }[] {
  const cuts: { at: number; length: number }[] = [];
  for (const m of title.matchAll(/\s+[-–—]\s+/g)) cuts.push({ at: m.index!, length: m[0].length });
  return cuts.reverse();
}

/** "Ada Lovelace, Acme & Bob Builder, Beta" → its parts, on ",", "&", "and", "+", "/". */
function partsOf(suffix: string): string[] {
  return suffix
    .split(/\s*(?:,|&|\+|\/|\band\b|\bund\b)\s*/i)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Whether `suffix` names the talk's speakers: it starts with one of their names, every part is a
 * speaker's name or a company (one per name at most), and a part that is not a name is a known
 * company of theirs when the talk knows any (list views know names only).
 */
export function namesSpeakers(suffix: string, speakers: readonly Speaker[]): boolean {
  const names = new Set(speakers.map((s) => personKey(s.name)));
  const companies = new Set(speakers.flatMap((s) => (s.company ? [personKey(s.company)] : [])));
  const parts = partsOf(suffix);
  if (!parts.length || !names.has(personKey(parts[0]!))) return false;
  let people = 0;
  let others = 0;
  for (const part of parts) {
    const key = personKey(part);
    if (names.has(key)) people++;
    else if (
      companies.size &&
      !companies.has(key) &&
      !speakers.some((s) => s.roleCompanyRaw && personKey(s.roleCompanyRaw).includes(key))
    )
      return false;
    else others++;
  }
  return others <= people;
}

/** The title without a trailing "- <its speakers>"; unchanged when the suffix is anything else. */
export function stripSpeakerSuffix(title: string, speakers: readonly Speaker[]): string {
  if (!speakers.length) return title;
  for (const { at, length } of dashCuts(title)) {
    const head = title.slice(0, at).trim();
    if (head && namesSpeakers(title.slice(at + length), speakers)) return head;
  }
  return title;
}

/**
 * A feed's "Title - Ada Lovelace, Bob Builder" when the feed itself appends the speakers (pretalx's
 * iCalendar): the title and the names, split at the last spaced dash. A summary without one is all
 * title; a trailing bare " -" (a session without speakers) is dropped.
 */
export function splitTitleSpeakers(summary: string): { title: string; names: string[] } {
  const text = summary.replace(/\s+[-–—]\s*$/, '').trim();
  const cut = dashCuts(text)[0];
  if (!cut) return { title: text, names: [] };
  const names = text
    .slice(cut.at + cut.length)
    .split(/\s*,\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
  const title = text.slice(0, cut.at).trim();
  return title && names.length ? { title, names } : { title: text, names: [] };
}
