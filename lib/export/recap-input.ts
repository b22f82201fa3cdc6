/** Reads what a recap needs for a set of talks: their notes, highlights and conference. */
import type { TalkmarkDB } from '../db/schema';
import { ownAuthor } from '../db/settings';
import type { Talk } from '../model';
import type { RecapInput } from '../recap';
import { venueZone } from '../time/display';
import { dayKey, zoneOffsetMinutes } from '../time/zones';
import { exportDays } from './export-scope';
import { SAMPLE_RECAP_INPUT } from './sample-data';

/** The conference most of these talks belong to (talks from two events still make one post). */
function mainConferenceId(talks: readonly Talk[]): string | null {
  const counts = new Map<string, number>();
  for (const t of talks) if (t.conferenceId) counts.set(t.conferenceId, (counts.get(t.conferenceId) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > counts.get(best)!) best = id;
  return best;
}

/** The venue zone most of these talks have: the clock a conference's days are counted in. */
function mainZone(talks: readonly Talk[]): string | null {
  const counts = new Map<string | null, number>();
  for (const t of talks) {
    const z = venueZone(t);
    counts.set(z, (counts.get(z) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [z, n] of counts) if (n > most) [best, most] = [z, n];
  return best;
}

/**
 * The conference's days with talks, newest first, from the `[conferenceId+startAt]` index's keys
 * alone: no talk row is read. It jumps a day at a time: the first key at or after the start of
 * the day after the last one found (one `getAllKeys` of one key each), so a day post of a
 * 5,000-talk library reads a key per day, not one per talk. Days are counted in the venue's clock
 * of the talks exported.
 */
async function conferenceDayKeys(db: TalkmarkDB, conferenceId: string, zone: string | null): Promise<string[]> {
  const firstFrom = async (from: number) =>
    (
      (await db.talks
        .where('[conferenceId+startAt]')
        .between([conferenceId, from], [conferenceId, Infinity], true, true)
        .limit(1)
        .keys()) as unknown as Array<[string, number]>
    )[0]?.[1];
  const days: string[] = [];
  let at = await firstFrom(-Infinity);
  while (at !== undefined) {
    const day = dayKey(at, zone);
    days.push(day);
    // The next day's midnight in the venue's clock, two hours early (a DST change moves it by
    // less): a key found before the midnight is still `day`, and the search goes on after it.
    const nextUtcMidnight = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
    let from = nextUtcMidnight - (zone ? zoneOffsetMinutes(zone, nextUtcMidnight) : 0) * 60_000 - 2 * 60 * 60_000;
    at = await firstFrom(Math.max(from, at + 1));
    while (at !== undefined && dayKey(at, zone) === day) {
      from = at + 1;
      at = await firstFrom(from);
    }
  }
  return days.reverse();
}

export async function loadRecapInput(db: TalkmarkDB, talks: readonly Talk[]): Promise<RecapInput> {
  const ids = talks.map((t) => t.id);
  if (ids.length === 0) return { talks: [], notes: [], highlights: [], conference: null };
  const conferenceId = mainConferenceId(talks);
  const [notes, highlights, conference, me] = await Promise.all([
    // One plain index range per talk (each an IndexedDB getAll), not anyOf: anyOf walks a cursor
    // record by record, which for a 200-talk day of 4,000 notes was most of the export.
    Promise.all(ids.map((id) => db.notes.where('talkId').equals(id).toArray())).then((lists) => lists.flat()),
    // Highlights are few (most talks have none): one anyOf cursor steps over the ones there are,
    // where a range per talk was 200 requests answering nothing. Back in the talks' order.
    db.highlights
      .where('talkId')
      .anyOf(ids)
      .toArray()
      .then((found) => {
        const order = new Map(ids.map((id, i) => [id, i]));
        return found.sort((x, y) => order.get(x.talkId!)! - order.get(y.talkId!)!);
      }),
    conferenceId ? db.conferences.get(conferenceId) : Promise.resolve(undefined),
    // Whose notes carry no author: the exporting person's (credited when a team's notes merge).
    ownAuthor(db),
  ]);
  // The conference's days from all its talks, so "Day 2" counts from its first day, not the post's.
  const conferenceDays = conference
    ? await conferenceDayKeys(db, conference.id, mainZone(talks.filter((t) => t.conferenceId === conference.id)))
    : [];
  return {
    talks: [...talks],
    notes,
    highlights,
    me: me ?? null,
    conference: conference
      ? { name: conference.name, url: conference.url, timeZone: conference.timeZone, days: conferenceDays }
      : null,
  };
}

export interface PreviewInput {
  input: RecapInput;
  /** What the preview shows, for the user: "your talks of Tue, Sep 9, 2025" or "a built-in sample". */
  source: string;
}

/** Data for the template editor's preview: the newest day the user clipped, else a built-in sample. */
export async function loadPreviewInput(db: TalkmarkDB): Promise<PreviewInput> {
  const talks = await db.talks.toArray();
  const newest = exportDays(talks)[0];
  if (!newest)
    return { input: SAMPLE_RECAP_INPUT, source: 'a built-in sample (clip talks to preview with your own notes)' };
  const ids = new Set(newest.talkIds);
  const input = await loadRecapInput(
    db,
    talks.filter((t) => ids.has(t.id)),
  );
  return { input, source: newest.key ? `your talks of ${newest.label}` : 'your talks without a time' };
}
