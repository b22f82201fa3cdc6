/**
 * The records Talkmark stores. Extractors produce `ExtractedTalk`s; the database adds identity
 * and bookkeeping to make a `Talk`. Absent facts are `null` or empty, never invented.
 */

/** Where a talk was read from; the list is the one place that names them (validators use it). */
export const TALK_SOURCES = [
  'sched',
  'pretalx',
  'sessionize',
  'jsonld',
  'microdata',
  'opengraph',
  'ics',
  'frab',
  'indico',
  'manual',
] as const;
export type TalkSource = (typeof TALK_SOURCES)[number];

export interface Speaker {
  name: string;
  /** Position as printed ("Staff Engineer"), split from `roleCompanyRaw` at the last ", ". */
  role: string | null;
  company: string | null;
  /** The one "Position, Company" string as the page printed it, kept because splits can be wrong. */
  roleCompanyRaw: string | null;
  /** The group a page lists the person under: "Speakers", "Moderators", … */
  group: string | null;
  profileUrl: string | null;
  avatarUrl: string | null;
}

export interface TalkFile {
  name: string;
  url: string;
}

export interface ExtractedTalk {
  source: TalkSource;
  /** Canonical, absolute URL of the talk's own page. */
  url: string;
  /** Platform id (Sched's 32-hex id, pretalx code, Sessionize id) when the page has one. */
  externalId: string | null;
  title: string;
  /** ISO 8601 instants written with the venue's offset, e.g. `2025-09-09T09:30:00-07:00`. */
  start: string | null;
  end: string | null;
  /** The conference's IANA zone (`America/Los_Angeles`) when known. */
  timeZone: string | null;
  room: string | null;
  tracks: string[];
  customFields: Record<string, string>;
  speakers: Speaker[];
  /** Sanitized HTML as found on the page. */
  descriptionHtml: string | null;
  /** Markdown converted from `descriptionHtml`. */
  description: string | null;
  files: TalkFile[];
  videoUrl: string | null;
  /** The conference the talk belongs to, as far as the page tells. */
  conference: ConferenceRef | null;
}

export interface ConferenceRef {
  /** Stable key: the Sched site host, the pretalx event slug URL, … */
  key: string;
  name: string | null;
  url: string | null;
  timeZone: string | null;
}

export interface Conference {
  id: string;
  key: string;
  name: string | null;
  url: string | null;
  timeZone: string | null;
  updatedAt: number;
}

export interface Talk extends Omit<ExtractedTalk, 'conference'> {
  id: string;
  /** Deduplication key: the platform id when there is one, else the canonical URL. */
  key: string;
  conferenceId: string | null;
  /** `start`/`end` as epoch milliseconds, for indexes and arithmetic. */
  startAt: number | null;
  endAt: number | null;
  /** Links the user attached by hand (a blog post the speaker mentioned, …). */
  links: string[];
  clippedAt: number;
  updatedAt: number;
  /**
   * Fields the user corrected by hand: a later clip never changes them. Absent on talks never
   * edited (and on records older than the field).
   */
  editedFields?: EditableField[];
  /** The user skipped this talk: day exports leave it out. Absent means attended. */
  notAttended?: boolean;
  /**
   * The part of the visible tab that slide captures of this talk keep (the slide area of a
   * stream), as fractions of the capture. Absent: the whole tab. Not indexed (no schema change).
   */
  captureCrop?: CaptureCrop;
}

/** A rectangle as fractions (0..1) of a picture's width and height: sizes-independent, so a crop
 * chosen on one capture fits the next even after the window or the screen's scale changed. */
export interface CaptureCrop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The fields the talk editor corrects. `start`, `end` and `timeZone` are one fact (the time) and
 * are marked together. A talk added by hand (`source: 'manual'`) may have an empty `url`.
 */
export const EDITABLE_FIELDS = [
  'title',
  'url',
  'start',
  'end',
  'timeZone',
  'room',
  'tracks',
  'speakers',
  'files',
  'videoUrl',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const NOTE_KINDS = ['plain', 'takeaway', 'quote', 'question', 'link', 'todo', 'slide'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface Note {
  id: string;
  talkId: string;
  kind: NoteKind;
  /** Markdown as typed. */
  text: string;
  /** Wall-clock instant the note is about (editable: a late note can be moved back). */
  createdAt: number;
  updatedAt: number;
  /** The note's picture (a slide snapshot, a pasted photo) in the `images` table. Absent: none. */
  imageId?: string;
  /**
   * Who wrote it: the display name set on the machine that wrote it (a team shares one
   * database). Absent on notes written before a name was set, and on records older than the
   * field: those are the user's own. Not indexed (no schema change).
   */
  author?: string;
}

/** The image types Talkmark stores and exports, checked by their bytes (never SVG: it is a document). */
export const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/**
 * A note's picture (schema v3). Bytes are stored as ArrayBuffers, not Blobs: IndexedDB keeps both
 * out of line in Chrome (large values are wrapped into blob files), and an ArrayBuffer round-trips
 * through every test double and structured clone, where a Blob does not.
 */
export interface NoteImage {
  id: string;
  noteId: string;
  talkId: string;
  /** The stored (downscaled, re-encoded) image. */
  bytes: ArrayBuffer;
  mime: ImageMime;
  width: number;
  height: number;
  /** A small copy for the note list. */
  thumb: ArrayBuffer;
  thumbMime: ImageMime;
  thumbWidth: number;
  thumbHeight: number;
  /**
   * SHA-256 (hex) of the bytes as captured or pasted: an identical next capture is not stored
   * again. A cropped capture hashes the cropped picture, so the same slide beside a moving
   * speaker is stored once.
   */
  sourceHash: string;
  createdAt: number;
  /** The part of the capture this picture shows, when the talk's crop applied. Absent: all of it. */
  crop?: CaptureCrop;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Highlight {
  id: string;
  talkId: string | null;
  /** Canonical page URL: fragment and tracking parameters stripped, `rel=canonical` honoured. */
  pageUrl: string;
  pageTitle: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  comment: string;
  color: string;
  /**
   * When the page was last seen without this highlight's text (an orphan); null once found
   * again. Absent on records older than the field.
   */
  orphanedAt?: number | null;
  createdAt: number;
  updatedAt: number;
  /** Who made it, as on `Note.author`; absent: the user's own. */
  author?: string;
}

/** An unsent composer text, one per talk (or per "no talk" slot), so a closed panel loses nothing. */
export interface Draft {
  key: string;
  text: string;
  updatedAt: number;
}

export interface Template {
  id: string;
  name: string;
  /** `snippet`: a piece other templates `{% render %}` by its name (stored here, no schema change). */
  kind: 'talk' | 'day' | 'snippet';
  body: string;
  updatedAt: number;
}

export interface Setting {
  key: string;
  value: unknown;
}
