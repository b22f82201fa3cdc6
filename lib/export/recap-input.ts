/** Reads what a recap needs for a set of talks: their notes, highlights and conference. */
import type { TalkmarkDB } from '../db/schema';
import type { Talk } from '../model';
import type { RecapInput } from '../recap';
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

async function conferenceDayKeys(db: TalkmarkDB, conferenceId: string): Promise<string[]> {
  const talks = await db.talks.where('conferenceId').equals(conferenceId).toArray();
  return exportDays(talks)
    .map((d) => d.key)
    .filter((k) => k !== '');
}

export async function loadRecapInput(db: TalkmarkDB, talks: readonly Talk[]): Promise<RecapInput> {
  const ids = talks.map((t) => t.id);
  if (ids.length === 0) return { talks: [], notes: [], highlights: [], conference: null };
  const conferenceId = mainConferenceId(talks);
  const [notes, highlights, conference] = await Promise.all([
    db.notes.where('talkId').anyOf(ids).toArray(),
    db.highlights.where('talkId').anyOf(ids).toArray(),
    conferenceId ? db.conferences.get(conferenceId) : Promise.resolve(undefined),
  ]);
  // The conference's days from all its talks, so "Day 2" counts from its first day, not the post's.
  const conferenceDays = conference ? await conferenceDayKeys(db, conference.id) : [];
  return {
    talks: [...talks],
    notes,
    highlights,
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
