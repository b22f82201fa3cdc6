import type { Conference, Speaker, Talk } from '../model';
import { canonicalTimeZone } from '../time/zones';
import { isWebUrl } from '../validate';
import type { BackupData } from './format';

/**
 * Optional values a restore leaves out: links that are not http(s) and time zones this browser
 * does not know. Talkmark itself only ever stores http(s) links and checked zones, so a file
 * holding anything else was edited, or written by a bug.
 *
 * Dropped, not rejected: the person restoring wants their notes back, and a `javascript:` link
 * on a speaker or a bad zone on a talk says nothing about the notes beside it. Refusing the whole
 * file would leave them with nothing, or with hand-editing JSON; dropping keeps everything that
 * is safe, never stores the hostile value, and the summary names each value it left out.
 * Required links (a talk's own page, a highlight's page) cannot be dropped without dropping the
 * record and what hangs on it, so `record-checks` rejects the file for those instead.
 */
export interface DroppedValue {
  /** Where in the file, as validation errors name it: `data.talks[2].videoUrl`. */
  path: string;
  /** The same place in words, for the user: `“Scaling Kafka”: the recording link`. */
  where: string;
  reason: string;
}

/** The scheme as the user would recognise it (`javascript:`), or "not a link". */
function describeLink(value: string): string {
  try {
    return `a ${new URL(value).protocol} link`;
  } catch {
    return 'not a link';
  }
}

/** `data` without unsafe optional values, and what was left out. Run after `backupDataCheck`. */
export function dropUnsafeValues(data: BackupData): { data: BackupData; dropped: DroppedValue[] } {
  const dropped: DroppedValue[] = [];
  const link = (value: string | null, path: string, where: string): string | null => {
    if (value === null || isWebUrl(value)) return value;
    dropped.push({ path, where, reason: describeLink(value) });
    return null;
  };
  // The zone as a clip would store it (lib/messages.ts): an Area/City name Intl knows, spelled as
  // Intl spells it; an abbreviation Intl maps silently ("EST" → America/Panama) is no zone.
  const zone = (value: string | null, path: string, where: string): string | null => {
    const known = value === null ? null : canonicalTimeZone(value);
    if (value === null || known) return known;
    dropped.push({ path, where, reason: `an unknown time zone ${JSON.stringify(value.slice(0, 60))}` });
    return null;
  };
  const quoted = (name: string | null) => `“${(name ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) || 'untitled'}”`;

  const conferences = data.conferences.map((c, i): Conference => {
    const at = `data.conferences[${i}]`;
    const name = `the conference ${quoted(c.name ?? c.key)}`;
    return {
      ...c,
      url: link(c.url, `${at}.url`, `${name}: its link`),
      timeZone: zone(c.timeZone, `${at}.timeZone`, `${name}: its time zone`),
    };
  });
  const talks = data.talks.map((t, i): Talk => {
    const at = `data.talks[${i}]`;
    const talk = quoted(t.title);
    const speakers = t.speakers.map(
      (s, j): Speaker => ({
        ...s,
        profileUrl: link(s.profileUrl, `${at}.speakers[${j}].profileUrl`, `${talk}: ${s.name}’s profile link`),
        avatarUrl: link(s.avatarUrl, `${at}.speakers[${j}].avatarUrl`, `${talk}: ${s.name}’s picture`),
      }),
    );
    return {
      ...t,
      timeZone: zone(t.timeZone, `${at}.timeZone`, `${talk}: its time zone`),
      speakers,
      files: t.files.filter(
        (f, j) => link(f.url, `${at}.files[${j}].url`, `${talk}: the file ${quoted(f.name)}`) !== null,
      ),
      videoUrl: link(t.videoUrl, `${at}.videoUrl`, `${talk}: the recording link`),
      links: t.links.filter((l, j) => link(l, `${at}.links[${j}]`, `${talk}: a link you added`) !== null),
    };
  });
  return { data: { ...data, conferences, talks }, dropped };
}

/** One line for the user: how many values were left out, and where the first few were. */
export function describeDropped(dropped: readonly DroppedValue[], shown = 3): string | null {
  if (!dropped.length) return null;
  const first = dropped
    .slice(0, shown)
    .map((d) => `${d.where} (${d.reason})`)
    .join('; ');
  const more = dropped.length > shown ? ` and ${dropped.length - shown} more` : '';
  const noun = dropped.length === 1 ? 'value that was' : 'values that were';
  return `Left out ${dropped.length} ${noun} not safe to restore: ${first}${more}.`;
}
