/**
 * Indico's HTTP export API, as JSON: the timetable (`/export/timetable/<event>.json`: results →
 * event → day "YYYYMMDD" → entries, sessions nesting their `entries`) and the event with its
 * contributions (`/export/event/<event>.json?detail=contributions|sessions`). Every date is
 * `{ date, time, tz }`: a wall time with its IANA zone, so times are exact.
 */
import type { ExtractedTalk, Speaker } from '../model';
import { describeMixed } from './description';
import { absoluteUrl } from './dom';
import { count, newTalk, uniqueStrings } from './talk';
import type { ExtractOptions, ExtractionResult } from './types';
import { canonicalTimeZone } from '../time/zones';
import { floatingIsoToIso } from '../time/parse';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

export function isIndicoExport(json: unknown): boolean {
  const root = obj(json);
  return root._type === 'HTTPAPIResult' && 'results' in root;
}

/** `{ "date": "2026-03-19", "time": "09:00:00", "tz": "Europe/Zurich" }` → ISO in that zone; null when any part is missing. */
function dateOf(value: unknown, fallbackZone: string | null): { iso: string | null; zone: string | null } {
  const d = obj(value);
  const zone = canonicalTimeZone(str(d.tz) ?? '') ?? fallbackZone;
  const date = str(d.date);
  const time = str(d.time);
  if (!date || !time || !zone) return { iso: null, zone };
  return { iso: floatingIsoToIso(`${date}T${time}`, { timeZone: zone, offsetMinutes: null }), zone };
}

function peopleOf(list: unknown[], group: string | null): Speaker[] {
  return list.map(obj).flatMap((p) => {
    // Indico writes names "Last, First" in `name` (and in `fullName` on some versions): read them as printed on the page.
    const parts = [str(p.first_name), str(p.last_name)].filter(Boolean).join(' ') || null;
    const raw = parts ?? str(p.fullName) ?? str(p.name);
    const swapped = raw ? /^([^,]+),\s*([^,]+)$/.exec(raw) : null;
    const name = swapped ? `${swapped[2]} ${swapped[1]}` : raw;
    if (!name) return [];
    const affiliation = str(p.affiliation);
    return [
      {
        name: name.replace(/^(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+/i, ''),
        role: null,
        company: affiliation,
        roleCompanyRaw: affiliation,
        group,
        profileUrl: null,
        avatarUrl: null,
      },
    ];
  });
}

/** Contribution-like entries, flattened out of sessions (timetable `entries`, event `sessions[].contributions`). */
function entriesOf(results: unknown): { entry: Json; session: string | null }[] {
  const out: { entry: Json; session: string | null }[] = [];
  const visit = (entry: Json, session: string | null) => {
    const type = str(entry.entryType) ?? str(entry._type) ?? '';
    const children = [...Object.values(obj(entry.entries)), ...arr(entry.contributions)].map(obj);
    if (/^(?:Session|SessionSlot)$/i.test(type) || (children.length && !/Contribution/i.test(type))) {
      children.forEach((c) => visit(c, str(entry.title) ?? str(entry.slotTitle) ?? session));
    } else if (!/^Break$/i.test(type)) out.push({ entry, session });
  };
  if (Array.isArray(results)) {
    for (const event of results.map(obj)) {
      arr(event.contributions).forEach((c) => visit(obj(c), null));
      arr(event.sessions).forEach((s) => visit(obj(s), null));
    }
  } else {
    for (const days of Object.values(obj(results)))
      for (const day of Object.values(obj(days))) for (const entry of Object.values(obj(day))) visit(obj(entry), null);
  }
  return out;
}

export function parseIndicoExport(json: unknown, url: string, options: ExtractOptions = {}): ExtractionResult {
  const root = obj(json);
  const results = root.results;
  const event = Array.isArray(results) ? obj(results[0]) : {};
  const eventId = str(event.id) ?? Object.keys(obj(results))[0] ?? null;
  const eventZone = canonicalTimeZone(str(event.timezone) ?? '') ?? null;
  const known = options.timeZone ? canonicalTimeZone(options.timeZone) : null;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = '';
  }
  const eventUrl = str(event.url) ?? (eventId && origin ? `${origin}/event/${eventId}/` : null);
  const entries = entriesOf(results);
  const talks: ExtractedTalk[] = [];
  let untimed = 0;
  for (const { entry, session } of entries) {
    const title = str(entry.title);
    if (!title) continue;
    const start = dateOf(entry.startDate, eventZone ?? known);
    const end = dateOf(entry.endDate, start.zone);
    if (!start.iso) untimed++;
    const id = str(entry.contributionId) ?? str(entry.id) ?? str(entry.friendly_id);
    const link =
      absoluteUrl(str(entry.url), url) ??
      (eventId && id && origin ? `${origin}/event/${eventId}/contributions/${id}/` : null);
    const zone = start.zone ?? eventZone;
    talks.push(
      newTalk('indico', link ?? `${url.split('#')[0]}#${encodeURIComponent(id ?? title)}`, title, {
        externalId: eventId && id ? `${eventId}/${id}` : id,
        start: start.iso,
        end: end.iso,
        timeZone: zone,
        room: str(entry.room) ?? str(entry.roomFullname) ?? null,
        tracks: uniqueStrings([
          str(obj(entry.track).title) ?? str(entry.track),
          str(obj(entry.type).name) ?? str(entry.type),
          session ?? str(entry.session),
        ]),
        speakers: peopleOf([...arr(entry.speakers), ...arr(entry.presenters)], null),
        ...describeMixed(
          str(entry.description),
          (globalThis.window as (Window & typeof globalThis) | undefined) ?? null,
        ),
        conference: { key: eventUrl ?? url, name: str(event.title), url: eventUrl, timeZone: zone },
      }),
    );
  }
  const warnings: string[] = [];
  if (!talks.length)
    warnings.push(
      entries.length || results
        ? 'This Indico export has no contributions in it (ask for ?detail=contributions, or the timetable export).'
        : 'Unsupported Indico export: it holds no results.',
    );
  if (untimed)
    warnings.push(
      `The time of ${count(untimed, 'contribution')} could not be read (not scheduled, or no time zone given).`,
    );
  return { talks, warnings, source: 'indico' };
}
