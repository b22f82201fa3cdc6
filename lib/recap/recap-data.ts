/**
 * The recap's view model: talks, notes and highlights as a recap shows them — sorted, grouped by
 * day in the venue's clock, offsets computed, URLs checked, Markdown neutralized. Presets and
 * user templates read the same objects, so keys are snake_case: they are the template variables.
 * Built once per export; rendering never goes back to the database records.
 */
import type { Highlight, Note, NoteKind, Talk } from '../model';
import { NOTE_KINDS } from '../model';
import { htmlToMarkdown } from '../markdown/html-to-markdown';
import { venueZone } from '../time/display';
import { enUsDayLabel, enUsTimeSpan } from '../time/en-us-clock';
import { commonZoneAbbreviation } from '../time/zone-abbreviation';
import { dayKey, isValidTimeZone, viewerTimeZone } from '../time/zones';
import { conferenceDayNumber, conferenceView, type ConferenceInput } from './conference-view';
import { escapeMarkdownInline, normalizeInlineText, safeLinkUrl } from './escape';
import { md, type MarkdownString } from './markdown-string';
import { neutralizeMarkdown } from './neutralize';
import { recordingLinker, recordingVideo } from './recording-links';
import { descriptionMarkdown, noteMarkdown, userMarkdown } from './source-markdown';
import { speakerViews } from './speaker-view';
import { compareTitles } from './title-order';
import { formatElapsed, noteOffsetMs } from './timestamps';
import type {
  DayView,
  HighlightView,
  ImageView,
  LinkView,
  NoteImageRef,
  NoteView,
  RecapData,
  TalkView,
} from './recap-views';

export interface RecapInput {
  talks: readonly Talk[];
  notes: readonly Note[];
  highlights: readonly Highlight[];
  conference?: ConferenceInput | null;
  /**
   * The exporting person's display name ("Your name"): their notes written before it was set
   * carry no author and are credited to it. Absent: such notes stay unattributed.
   */
  me?: string | null;
}

export interface RecapDataOptions {
  /** Post title; default "<conference> – Recap". */
  title?: string;
  authors?: readonly string[];
  tags?: readonly string[];
  /** Markdown for the intro; default a placeholder to overwrite, null for none. */
  intro?: string | null;
  /** Markdown for a closing section (the Export view's "Closing"); default none. */
  outro?: string | null;
  /** Locale of day names and times (default `en-US`). */
  locale?: string;
  /** Clock for talks whose venue zone is unknown (default UTC). */
  fallbackTimeZone?: string;
  /** The reader's (the exporting person's) zone, `recap.reader_time_zone`; default the runtime's. */
  readerTimeZone?: string;
  /**
   * A post about one talk (the Export view's "One talk"): no intro placeholder (an intro given
   * is kept), and the talk's title is the default post title. renderRecap also leaves out Main
   * takeaways, which would repeat the talk's own.
   */
  singleTalk?: boolean;
  /** Leave out talks the user marked as not attended (a day post is about the talks one saw). */
  skipNotAttended?: boolean;
  /** Leave out talks with neither notes nor highlights. */
  onlyWithNotes?: boolean;
  /** Pictures the export writes, by note id: their notes link them. Absent: no picture is linked. */
  images?: ReadonlyMap<string, NoteImageRef>;
}

/** The talks a recap shows: all of them, less those the options leave out. */
export function recapTalks(
  input: Pick<RecapInput, 'talks' | 'notes' | 'highlights'>,
  options: Pick<RecapDataOptions, 'skipNotAttended' | 'onlyWithNotes'> = {},
): Talk[] {
  const noted = options.onlyWithNotes
    ? new Set([...input.notes.map((n) => n.talkId), ...input.highlights.map((h) => h.talkId)])
    : null;
  return input.talks.filter((t) => !(options.skipNotAttended && t.notAttended) && (!noted || noted.has(t.id)));
}

export type {
  ConferenceInput,
  ConferenceView,
  DayView,
  HighlightView,
  ImageView,
  LinkView,
  NoteImageRef,
  NoteView,
  RecapData,
  SpeakerView,
  TakeawayView,
  TalkView,
} from './recap-views';

export const INTRO_PLACEHOLDER = '_Intro: what the event was, why you went, and what stood out. Replace this line._';

/** Intl formatters are slow to build; a recap needs a handful, reused for every talk. */
const formats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

// en-US labels are written by hand (lib/time/en-us-clock.ts): no Intl formatter to build cold.
function dayLabel(at: number, timeZone: string, locale: string): string {
  return (
    enUsDayLabel(at, timeZone, locale) ??
    cachedFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(at)
  );
}

/** `9:30 – 10:00 AM PDT` in the venue's clock, as lib/time/display writes it. */
function timeLabel(start: number | null, end: number | null, timeZone: string, locale: string): string | null {
  if (start === null) return null;
  let span = enUsTimeSpan(start, end, timeZone, locale);
  if (span === null) {
    const clock = cachedFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
    span = (end === null || end < start ? clock.format(start) : clock.formatRange(start, end)).replace(
      /[\u2009\u202f]/g,
      ' ',
    );
  }
  return `${span} ${commonZoneAbbreviation(start, timeZone)}`;
}

/** Zone names already checked: a day's 50 talks share one or two. */
const zoneChecks = new Map<string, boolean>();
function validZone(zone: string): boolean {
  let ok = zoneChecks.get(zone);
  if (ok === undefined) {
    ok = isValidTimeZone(zone);
    if (zoneChecks.size >= 256) zoneChecks.clear();
    zoneChecks.set(zone, ok);
  }
  return ok;
}

function readerZone(given: string | undefined): string {
  const zone = given ?? viewerTimeZone();
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

function cleanList(values: readonly string[] | undefined): string[] {
  return (values ?? []).map(normalizeInlineText).filter((v) => v !== '');
}

function byTime<T extends { created_at: number; id: string }>(a: T, b: T): number {
  return a.created_at - b.created_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Sorted by time: one pass when they already are (a talk's notes mostly come so), else a sort. */
function inTimeOrder<T extends { created_at: number; id: string }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) if (byTime(items[i - 1]!, items[i]!) > 0) return items.sort(byTime);
  return items;
}

/** Empty Markdown (MarkdownString is immutable): one for every note without an offset or credit. */
const NO_MARKDOWN = md('');

type Linker = ((offsetMs: number | null) => string | null) | null;

/**
 * A slide note's own words. "Mark slide" stores the word `Slide` as the text of a bare mark, and
 * an older or imported note may start with the prefix typed (`Slide: …`): neither is said again
 * after the `**Slide**` label. Other words starting with "Slide" (`Slides are online`) stay.
 */
export function slideNoteText(text: string): string {
  return text.replace(/^\s*slide\s*(?::\s*|$)/i, '');
}

/** `\`, `[` and `]` escaped: the alt text cannot end the image syntax. */
function escapeAlt(alt: string): string {
  return alt.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

function imageView(note: Note, ref: NoteImageRef | undefined): ImageView | null {
  if (!ref) return null;
  // `alt` is plain text, one line: a template's output escapes it like any text (escaping it
  // here too showed the backslashes twice); `markdown` is written whole, so it escapes itself.
  const alt = (note.kind === 'slide' ? slideNoteText(note.text) || 'Slide' : note.text).replace(/\s+/g, ' ').trim();
  return { ...ref, alt, markdown: md(`![${escapeAlt(alt)}](<${ref.path}>)`) };
}

function noteView(
  note: Note,
  talk: Talk,
  linkAt: Linker,
  images: ReadonlyMap<string, NoteImageRef> | undefined,
  me: string | null,
): NoteView | null {
  const text = noteMarkdown(note.kind === 'slide' ? { ...note, text: slideNoteText(note.text) } : note);
  // A slide mark is a moment even without words; any other empty note is nothing to show.
  if (text === '' && note.kind !== 'slide') return null;
  const offsetMs = noteOffsetMs(note.createdAt, talk.startAt, talk.endAt);
  const label = offsetMs === null ? null : formatElapsed(offsetMs);
  const url = linkAt?.(offsetMs) ?? null;
  return {
    id: note.id,
    kind: NOTE_KINDS.includes(note.kind) ? note.kind : 'plain',
    text: md(text),
    created_at: note.createdAt,
    offset_ms: offsetMs,
    offset_label: label,
    offset_url: url,
    // The linker builds its links from a checked id and digits: already fit for a destination.
    offset: label === null ? NO_MARKDOWN : md(url ? `[${label}](${url})` : `[${label}]`),
    image: imageView(note, images?.get(note.id)),
    author: authorOf(note, me),
    credit: NO_MARKDOWN,
  };
}

/** A record's author as a plain one-line name (a file or a server may bring anything), else the exporter's. */
function authorOf(record: { author?: unknown }, me: string | null): string | null {
  const own = typeof record.author === 'string' ? normalizeInlineText(record.author) : '';
  return own || me;
}

/**
 * A post with notes by more than one person (unnamed notes count as one more) credits each
 * named note: ` — Ada`. A post by one person stays as it always was.
 */
function creditNotes(talks: readonly TalkView[]): void {
  const people = new Set(talks.flatMap((t) => t.notes.map((n) => n.author)));
  if (people.size < 2) return;
  for (const note of talks.flatMap((t) => t.notes))
    if (note.author !== null) note.credit = md(` — ${escapeMarkdownInline(note.author)}`);
}

function highlightView(h: Highlight, talkUrl: string | null, me: string | null): HighlightView | null {
  const quote = h.quote.exact.trim();
  if (quote === '') return null;
  const pageUrl = safeLinkUrl(h.pageUrl);
  return {
    id: h.id,
    quote,
    comment: md(userMarkdown(h.comment)),
    page_url: pageUrl,
    page_title: normalizeInlineText(h.pageTitle),
    on_talk_page: pageUrl !== null && pageUrl === talkUrl,
    created_at: h.createdAt,
    author: authorOf(h, me),
  };
}

function descriptionOf(talk: Talk): MarkdownString | null {
  // Clip time stored Markdown made from sanitized HTML; older records may only have the HTML.
  const source = talk.description ?? (talk.descriptionHtml ? htmlToMarkdown(talk.descriptionHtml) : null);
  const text = source ? descriptionMarkdown(source) : '';
  return text === '' ? null : md(text);
}

function talkView(
  talk: Talk,
  notes: Note[],
  highlights: Highlight[],
  options: RecapDataOptions,
  me: string | null,
): TalkView {
  // A zone string from a page may be garbage; Intl would throw on it.
  const zone =
    [venueZone(talk), venueZone({ start: talk.start, timeZone: null }), options.fallbackTimeZone].find(
      (z): z is string => !!z && validZone(z),
    ) ?? 'UTC';
  const url = safeLinkUrl(talk.url);
  const videoUrl = safeLinkUrl(talk.videoUrl);
  const files = talk.files
    .map((f) => ({ name: normalizeInlineText(f.name), url: safeLinkUrl(f.url) }))
    .filter((f): f is LinkView => f.url !== null);
  const linkAt = recordingLinker(videoUrl);
  const video = recordingVideo(videoUrl);
  const noteViews = inTimeOrder(
    notes.map((n) => noteView(n, talk, linkAt, options.images, me)).filter((n): n is NoteView => n !== null),
  );
  const speakers = speakerViews(talk.speakers);
  const byKind = Object.fromEntries(NOTE_KINDS.map((k) => [k, [] as NoteView[]])) as Record<NoteKind, NoteView[]>;
  for (const n of noteViews) byKind[n.kind].push(n);
  return {
    id: talk.id,
    number: 0,
    title: normalizeInlineText(talk.title) || 'Untitled talk',
    url,
    speakers,
    moderators: speakers.filter((s) => s.is_moderator),
    presenters: speakers.filter((s) => !s.is_moderator),
    description: descriptionOf(talk),
    start_at: talk.startAt,
    end_at: talk.endAt,
    time_zone: zone,
    time_label: timeLabel(talk.startAt, talk.endAt, zone, options.locale ?? 'en-US'),
    room: talk.room ? normalizeInlineText(talk.room) : null,
    tracks: cleanList(talk.tracks),
    files,
    video_url: videoUrl,
    video_player: video?.player ?? null,
    video_id: video?.id ?? null,
    resources: [
      ...(url ? [{ name: 'Talk page', url }] : []),
      ...files.map((f) => ({ name: f.name || 'Slides', url: f.url })),
      ...(videoUrl ? [{ name: 'Recording', url: videoUrl }] : []),
    ],
    links: talk.links.map(safeLinkUrl).filter((u): u is string => u !== null),
    notes: noteViews,
    notes_by_kind: byKind,
    highlights: inTimeOrder(
      highlights.map((h) => highlightView(h, url, me)).filter((h): h is HighlightView => h !== null),
    ),
    authors: [...new Set(noteViews.map((n) => n.author).filter((a): a is string => a !== null))],
  };
}

function compareTalks(a: Talk, b: Talk): number {
  if (a.startAt !== b.startAt) {
    if (a.startAt === null) return 1;
    if (b.startAt === null) return -1;
    return a.startAt - b.startAt;
  }
  return (a.endAt ?? 0) - (b.endAt ?? 0) || a.clippedAt - b.clippedAt || compareTitles(a.title, b.title);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function buildRecapData(input: RecapInput, options: RecapDataOptions = {}): RecapData {
  const locale = options.locale ?? 'en-US';
  const me = (input.me && normalizeInlineText(input.me)) || null;
  const notesByTalk = groupBy(input.notes, (n) => n.talkId);
  const highlightsByTalk = groupBy(input.highlights, (h) => h.talkId);
  const inTimeOrder = recapTalks(input, options)
    .sort(compareTalks)
    .map((t) => talkView(t, notesByTalk.get(t.id) ?? [], highlightsByTalk.get(t.id) ?? [], options, me));

  // Each talk's day is its venue's calendar day. Talks in two zones (a hybrid day, a remote
  // talk) can make time order and day order disagree, so days are sorted by date themselves.
  const byDay = new Map<string | null, TalkView[]>();
  for (const talk of inTimeOrder) {
    const key = talk.start_at === null ? null : dayKey(talk.start_at, talk.time_zone);
    const list = byDay.get(key);
    if (list) list.push(talk);
    else byDay.set(key, [talk]);
  }
  const conference = input.conference
    ? conferenceView(
        input.conference,
        [...byDay.keys()].filter((k): k is string => k !== null),
      )
    : null;
  const keys = [...byDay.keys()].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const days: DayView[] = keys.map((key, i) => {
    const dayTalks = byDay.get(key)!;
    const first = dayTalks[0]!;
    const label =
      key === null || first.start_at === null ? 'Other talks' : dayLabel(first.start_at, first.time_zone, locale);
    const conferenceDay = conferenceDayNumber(conference, key);
    const heading = key === null ? label : `Day ${conferenceDay ?? i + 1} — ${label}`;
    return { key, number: i + 1, conference_day: conferenceDay, label, heading, talks: dayTalks };
  });
  // Numbered in the order the post shows them.
  const talks = days.flatMap((d) => d.talks);
  talks.forEach((talk, i) => {
    talk.number = i + 1;
  });
  creditNotes(talks);

  const conferenceName = conference?.name ?? '';
  const single = options.singleTalk === true;
  const intro =
    options.intro === undefined
      ? single
        ? null
        : INTRO_PLACEHOLDER
      : options.intro === null
        ? null
        : neutralizeMarkdown(options.intro, 'user');
  const defaultTitle =
    single && talks.length === 1 ? talks[0]!.title : conferenceName ? `${conferenceName} – Recap` : 'Conference recap';
  const outro = options.outro ? neutralizeMarkdown(options.outro, 'user') : null;
  return {
    title: normalizeInlineText(options.title ?? '') || defaultTitle,
    date: days[0]?.key ?? null,
    authors: cleanList(options.authors),
    tags: cleanList(options.tags),
    conference,
    reader_time_zone: readerZone(options.readerTimeZone),
    intro: intro ? md(intro) : null,
    outro: outro ? md(outro) : null,
    closing: outro ? md(outro) : null,
    days,
    talks,
    takeaways: talks.flatMap((talk) => talk.notes_by_kind.takeaway.map((note) => ({ note, talk }))),
    multi_day: days.length > 1,
    single_talk: single,
  };
}
