/**
 * Correcting a talk by hand, adding one (a hallway talk, an unconference slot), deleting one
 * with everything hung on it, and taking a deletion back. The editor works on a `TalkForm` of
 * plain strings (what the fields hold); `checkTalkForm` turns it into fields to store, or says
 * in words what is wrong with which field. Fields the user changes are recorded in
 * `editedFields`, so a later clip never overwrites them (lib/db/talk-merge.ts).
 */
import type { TalkmarkDB } from '../db/schema';
import type { Draft, EditableField, Highlight, Note, NoteImage, Speaker, Talk, TalkFile } from '../model';
import { venueZone } from '../time/display';
import { zoneFromCityName } from '../time/parse';
import { canonicalTimeZone, parseInstant, toIsoInZone, wallTimeToInstant } from '../time/zones';
import { MAX_URL_CHARS, webUrl } from '../validate/rules';

export interface SpeakerForm {
  name: string;
  role: string;
  company: string;
}

export interface TalkForm {
  title: string;
  /** `YYYY-MM-DD` in the talk's zone; empty for a talk without a time. */
  date: string;
  /** `HH:MM`, 24-hour, as `<input type="time">` gives it. */
  startTime: string;
  endTime: string;
  timeZone: string;
  room: string;
  /** Comma-separated. */
  tracks: string;
  speakers: SpeakerForm[];
  /** One link per line. */
  slides: string;
  links: string;
  videoUrl: string;
  /** The talk's own page; may stay empty for a talk added by hand. */
  url: string;
  notAttended: boolean;
}

export type FormField = keyof Omit<TalkForm, 'speakers' | 'notAttended'> | `speakers.${number}.name`;
export type FormErrors = Partial<Record<FormField, string>>;

/** What a checked form stores. */
export interface CheckedTalk {
  title: string;
  start: string | null;
  end: string | null;
  timeZone: string | null;
  room: string | null;
  tracks: string[];
  speakers: Speaker[];
  files: TalkFile[];
  links: string[];
  videoUrl: string | null;
  url: string;
  notAttended: boolean;
}

/** The wall date and time of an instant in a zone: `["2025-09-09", "09:30"]`. */
function wallParts(at: number, zone: string): [string, string] {
  const iso = toIsoInZone(at, zone);
  return [iso.slice(0, 10), iso.slice(11, 16)];
}

/** The zone a talk's times are edited in: its venue's, else the viewer's. */
export function editingZone(talk: Pick<Talk, 'start' | 'timeZone'>, viewerZone: string): string {
  const zone = venueZone(talk);
  return zone && canonicalTimeZone(zone) ? canonicalTimeZone(zone)! : viewerZone;
}

const lines = (items: readonly string[]) => items.join('\n');

export function formFromTalk(talk: Talk, viewerZone: string): TalkForm {
  const zone = editingZone(talk, viewerZone);
  const [date, startTime] = talk.startAt !== null ? wallParts(talk.startAt, zone) : ['', ''];
  const endTime = talk.endAt !== null ? wallParts(talk.endAt, zone)[1] : '';
  return {
    title: talk.title,
    date,
    startTime,
    endTime,
    timeZone: talk.startAt !== null || talk.timeZone ? zone : '',
    room: talk.room ?? '',
    tracks: talk.tracks.join(', '),
    speakers: talk.speakers.map((s) => ({ name: s.name, role: s.role ?? '', company: s.company ?? '' })),
    slides: lines(talk.files.map((f) => f.url)),
    links: lines(talk.links),
    videoUrl: talk.videoUrl ?? '',
    url: talk.url,
    notAttended: !!talk.notAttended,
  };
}

/** A new talk starts now (to the minute), for half an hour, in the viewer's zone. */
export function newTalkForm(now: number, viewerZone: string): TalkForm {
  const minute = Math.floor(now / 60_000) * 60_000;
  const [date, startTime] = wallParts(minute, viewerZone);
  return {
    title: '',
    date,
    startTime,
    endTime: wallParts(minute + 30 * 60_000, viewerZone)[1],
    timeZone: viewerZone,
    room: '',
    tracks: '',
    speakers: [],
    slides: '',
    links: '',
    videoUrl: '',
    url: '',
    notAttended: false,
  };
}

/** A zone typed as an IANA name (any case) or a city ("Vienna"); abbreviations are refused. */
export function zoneFromInput(text: string): string | null {
  const typed = text.trim();
  if (!typed) return null;
  return canonicalTimeZone(typed) ?? zoneFromCityName(typed);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2}):(\d{2})$/;

function wallInstant(date: string, time: string, zone: string): number | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t || +t[1]! > 23 || +t[2]! > 59 || +d[2]! < 1 || +d[2]! > 12 || +d[3]! < 1 || +d[3]! > 31) return null;
  return wallTimeToInstant({ year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +t[1]!, minute: +t[2]! }, zone);
}

/** A typed link under the rule every other reader keeps (lib/validate): http(s), at most 2 MB. */
const webLinkOf = (text: string): string | null => (text.length <= MAX_URL_CHARS ? webUrl(text.trim()) : null);

/** The http(s) links of a text, one per line; the lines that are not one, for the message. */
function linkLines(text: string): { urls: string[]; bad: string[] } {
  const urls: string[] = [];
  const bad: string[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const url = webLinkOf(line);
    if (url) urls.includes(url) || urls.push(url);
    else bad.push(line);
  }
  return { urls, bad };
}

const NOT_A_LINK = (what: string) => `“${what}” is not a web address: it must start with http:// or https://.`;

/**
 * The form as fields to store, or what is wrong with it. `previous` gives back what the form
 * does not show (a speaker's profile link, a file's name) for people and files kept.
 */
export function checkTalkForm(
  form: TalkForm,
  previous: Talk | null = null,
): { ok: true; talk: CheckedTalk } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const title = form.title.replace(/\s+/g, ' ').trim();
  if (!title) errors.title = 'A talk needs a title.';

  let [start, end, timeZone]: [string | null, string | null, string | null] = [null, null, null];
  const anyTime = [form.date, form.startTime, form.endTime].some((v) => v.trim());
  const zone = zoneFromInput(form.timeZone);
  if (form.timeZone.trim() && !zone) {
    const typed = form.timeZone.trim();
    errors.timeZone = /^[A-Z]{2,5}$/i.test(typed)
      ? `“${typed}” is an abbreviation, which can mean several zones: pick a city from the list, e.g. Europe/Berlin.`
      : `“${typed}” is not a time zone this browser knows: pick one from the list, e.g. Europe/Berlin.`;
  }
  if (anyTime) {
    if (!form.timeZone.trim()) errors.timeZone = 'Say which time zone these times are in.';
    if (!DATE.test(form.date.trim())) errors.date = 'Give the day, or clear the times for a talk without a time.';
    if (!form.startTime.trim()) errors.startTime = 'Give the start time.';
    if (zone && !errors.date) {
      const startAt = form.startTime.trim() ? wallInstant(form.date.trim(), form.startTime.trim(), zone) : null;
      if (form.startTime.trim() && startAt === null) errors.startTime = 'This is not a time of day (HH:MM).';
      let endAt = form.endTime.trim() ? wallInstant(form.date.trim(), form.endTime.trim(), zone) : null;
      if (form.endTime.trim() && endAt === null) errors.endTime = 'This is not a time of day (HH:MM).';
      // An end before the start crosses midnight (a late session), within a day.
      if (startAt !== null && endAt !== null && endAt <= startAt) endAt += 24 * 60 * 60_000;
      if (startAt !== null)
        [start, end, timeZone] = [toIsoInZone(startAt, zone), endAt === null ? null : toIsoInZone(endAt, zone), zone];
    }
  } else if (zone) timeZone = zone;

  const speakers: Speaker[] = [];
  form.speakers.forEach((s, i) => {
    const name = s.name.replace(/\s+/g, ' ').trim();
    const [role, company] = [s.role.trim() || null, s.company.trim() || null];
    if (!name) {
      if (role || company) errors[`speakers.${i}.name`] = 'Give this speaker’s name, or remove the row.';
      return;
    }
    const before = previous?.speakers.find((p) => p.name === name) ?? null;
    const same = before && before.role === role && before.company === company;
    speakers.push({
      name,
      role,
      company,
      roleCompanyRaw: same ? before.roleCompanyRaw : [role, company].filter(Boolean).join(', ') || null,
      group: before?.group ?? null,
      profileUrl: before?.profileUrl ?? null,
      avatarUrl: before?.avatarUrl ?? null,
    });
  });

  const slides = linkLines(form.slides);
  if (slides.bad.length) errors.slides = NOT_A_LINK(slides.bad[0]!);
  const links = linkLines(form.links);
  if (links.bad.length) errors.links = NOT_A_LINK(links.bad[0]!);
  const videoUrl = form.videoUrl.trim() ? webLinkOf(form.videoUrl) : null;
  if (form.videoUrl.trim() && !videoUrl) errors.videoUrl = NOT_A_LINK(form.videoUrl.trim());
  const url = form.url.trim() ? webLinkOf(form.url) : '';
  if (url === null) errors.url = NOT_A_LINK(form.url.trim());
  else if (!url && previous && previous.source !== 'manual')
    errors.url = 'A clipped talk keeps the address of its page.';

  if (Object.keys(errors).length) return { ok: false, errors };
  const fileName = (u: string) =>
    previous?.files.find((f) => f.url === u)?.name ?? decodeURIComponent(u.split('/').filter(Boolean).pop() ?? u);
  return {
    ok: true,
    talk: {
      title,
      start,
      end,
      timeZone,
      room: form.room.replace(/\s+/g, ' ').trim() || null,
      tracks: [
        ...new Set(
          form.tracks
            .split(',')
            .map((t) => t.replace(/\s+/g, ' ').trim())
            .filter(Boolean),
        ),
      ],
      speakers,
      files: slides.urls.map((u) => ({ name: fileName(u), url: u })),
      links: links.urls,
      videoUrl,
      url: url ?? '',
      notAttended: form.notAttended,
    },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const TIME_FIELDS: EditableField[] = ['start', 'end', 'timeZone'];

/** The stored changes a checked form makes to a talk, with the edited fields recorded. */
export function talkChanges(talk: Talk, checked: CheckedTalk, now: number): Partial<Talk> | null {
  const changes: Partial<Talk> = {};
  const edited = new Set(talk.editedFields ?? []);
  const set = <K extends EditableField>(field: K, value: Talk[K]) => {
    if (same(talk[field], value)) return;
    (changes as Record<string, unknown>)[field] = value;
    edited.add(field);
  };
  set('title', checked.title);
  set('url', checked.url);
  set('room', checked.room);
  set('tracks', checked.tracks);
  set('speakers', checked.speakers);
  set('files', checked.files);
  set('videoUrl', checked.videoUrl);
  // The time is one fact: a changed start, end or zone makes all three the user's.
  const timeMoved =
    parseInstant(checked.start) !== talk.startAt ||
    parseInstant(checked.end) !== talk.endAt ||
    checked.timeZone !== talk.timeZone;
  if (timeMoved) {
    Object.assign(changes, {
      start: checked.start,
      end: checked.end,
      timeZone: checked.timeZone,
      startAt: parseInstant(checked.start),
      endAt: parseInstant(checked.end),
    });
    TIME_FIELDS.forEach((f) => edited.add(f));
  }
  if (!same(talk.links, checked.links)) changes.links = checked.links;
  if (!!talk.notAttended !== checked.notAttended) changes.notAttended = checked.notAttended;
  if (!Object.keys(changes).length) return null;
  if (edited.size !== (talk.editedFields ?? []).length) changes.editedFields = [...edited];
  changes.updatedAt = now;
  return changes;
}

/** Save the editor's form onto a stored talk. Returns false when nothing changed. */
export async function saveTalkEdit(
  db: TalkmarkDB,
  talkId: string,
  checked: CheckedTalk,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.talks, async () => {
    const talk = await db.talks.get(talkId);
    if (!talk) throw new Error('This talk was deleted meanwhile.');
    const changes = talkChanges(talk, checked, now);
    if (changes) await db.talks.update(talkId, changes);
    return !!changes;
  });
}

/** Store a talk added by hand. Its key is its own: no clip can ever match it. */
export async function addTalkByHand(
  db: TalkmarkDB,
  checked: CheckedTalk,
  conferenceId: string | null,
  now = Date.now(),
): Promise<Talk> {
  const id = crypto.randomUUID();
  const talk: Talk = {
    id,
    key: `manual:${id}`,
    source: 'manual',
    url: checked.url,
    externalId: null,
    title: checked.title,
    start: checked.start,
    end: checked.end,
    timeZone: checked.timeZone,
    room: checked.room,
    tracks: checked.tracks,
    customFields: {},
    speakers: checked.speakers,
    descriptionHtml: null,
    description: null,
    files: checked.files,
    videoUrl: checked.videoUrl,
    conferenceId,
    startAt: parseInstant(checked.start),
    endAt: parseInstant(checked.end),
    links: checked.links,
    clippedAt: now,
    updatedAt: now,
    ...(checked.notAttended ? { notAttended: true } : {}),
  };
  await db.talks.add(talk);
  return talk;
}

/**
 * The conference a talk added now most likely belongs to: that of the talk on now or picked
 * (`currentTalkId`), else of the talk clipped last; null when nothing was clipped.
 */
export function currentConferenceId(talks: readonly Talk[], currentTalkId: string | null): string | null {
  const current = talks.find((t) => t.id === currentTalkId);
  if (current?.conferenceId) return current.conferenceId;
  let latest: Talk | null = null;
  for (const t of talks) if (t.conferenceId && (!latest || t.clippedAt > latest.clippedAt)) latest = t;
  return latest?.conferenceId ?? null;
}

/** Everything a deletion removed, to put back on Undo. */
export interface DeletedTalk {
  talk: Talk;
  notes: Note[];
  highlights: Highlight[];
  draft: Draft | null;
  /** The notes' pictures (schema v3): deleted with them, back with Undo. */
  images: NoteImage[];
}

/** How much a deletion would take with it, for the confirmation. */
export async function talkBelongings(db: TalkmarkDB, talkId: string): Promise<{ notes: number; highlights: number }> {
  const [notes, highlights] = await Promise.all([
    db.notes.where('talkId').equals(talkId).count(),
    db.highlights.where('talkId').equals(talkId).count(),
  ]);
  return { notes, highlights };
}

/** Delete a talk with its notes, highlights and unsent draft, in one transaction. */
export async function deleteTalk(db: TalkmarkDB, talkId: string): Promise<DeletedTalk> {
  return db.transaction('rw', [db.talks, db.notes, db.highlights, db.drafts, db.images], async () => {
    const talk = await db.talks.get(talkId);
    if (!talk) throw new Error('This talk was already deleted.');
    const notes = await db.notes.where('talkId').equals(talkId).toArray();
    const highlights = await db.highlights.where('talkId').equals(talkId).toArray();
    const draft = (await db.drafts.get(talkId)) ?? null;
    const images = await db.images.where('talkId').equals(talkId).toArray();
    // Empty cases skipped at the call site (ARCHITECTURE.md: Dexie issue #1186).
    if (notes.length) await db.notes.bulkDelete(notes.map((n) => n.id));
    if (images.length) await db.images.bulkDelete(images.map((im) => im.id));
    if (highlights.length) await db.highlights.bulkDelete(highlights.map((h) => h.id));
    if (draft !== null) await db.drafts.delete(talkId);
    await db.talks.delete(talkId);
    return { talk, notes, highlights, draft, images };
  });
}

/** Undo: put the talk and everything it had back, as they were. */
export async function restoreTalk(db: TalkmarkDB, deleted: DeletedTalk): Promise<void> {
  await db.transaction('rw', [db.talks, db.notes, db.highlights, db.drafts, db.images], async () => {
    await db.talks.put(deleted.talk);
    if (deleted.notes.length) await db.notes.bulkPut(deleted.notes);
    if (deleted.images.length) await db.images.bulkPut(deleted.images);
    if (deleted.highlights.length) await db.highlights.bulkPut(deleted.highlights);
    if (deleted.draft) await db.drafts.put(deleted.draft);
  });
}

export async function setNotAttended(
  db: TalkmarkDB,
  talkId: string,
  notAttended: boolean,
  now = Date.now(),
): Promise<void> {
  await db.talks.update(talkId, { notAttended, updatedAt: now });
}
