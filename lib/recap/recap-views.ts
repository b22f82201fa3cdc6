/**
 * The recap's view objects: what presets and user templates read (keys are snake_case, they are
 * the template variables; template-reference.ts documents each key of these types).
 */
import type { NoteKind } from '../model';
import type { ConferenceView } from './conference-view';
import type { MarkdownString } from './markdown-string';
import type { SpeakerView } from './speaker-view';

export type { SpeakerView } from './speaker-view';
export type { ConferenceInput, ConferenceView } from './conference-view';

/** Where an export puts a note's picture (lib/export/post-layout.ts decides; the recap only links it). */
export interface NoteImageRef {
  /** The link the post writes: relative to the post, or from the site root (Jekyll). Ours: slugs and counters. */
  path: string;
  width: number;
  height: number;
}

export interface ImageView extends NoteImageRef {
  /** The note's words as one line: the picture's alt text. */
  alt: string;
  /** `![alt](<path>)`. */
  markdown: MarkdownString;
}

export interface NoteView {
  id: string;
  kind: NoteKind;
  text: MarkdownString;
  created_at: number;
  offset_ms: number | null;
  /** `12:34`, or null without an offset (no start, or written before it or long after the end). */
  offset_label: string | null;
  /** Deep link into the recording at the offset (YouTube, Vimeo), else null. */
  offset_url: string | null;
  /** `[12:34](deep link)`, `[12:34]`, or empty. */
  offset: MarkdownString;
  /** The note's picture, when the export writes pictures (a .zip or a folder); else null. */
  image: ImageView | null;
  /**
   * Who wrote it (a team's shared notes): its author, else the exporting person's name (their
   * own notes carry none until a name is set), else null.
   */
  author: string | null;
  /**
   * ` — Ada` (with its leading space, escaped) when the post holds notes by more than one
   * person, else empty: presets and the `note_content` / `note_item` filters end the note with it.
   */
  credit: MarkdownString;
}

export interface HighlightView {
  id: string;
  /** The highlighted passage: page text, not Markdown. */
  quote: string;
  comment: MarkdownString;
  page_url: string | null;
  page_title: string;
  /** Highlighted on the talk's own page (then "Talk page" says more than the page title). */
  on_talk_page: boolean;
  created_at: number;
  /** Who made it, as `NoteView.author`. */
  author: string | null;
}

export interface LinkView {
  name: string;
  url: string;
}

export interface TalkView {
  id: string;
  /** Position in the post (days by date, then time), from 1. */
  number: number;
  title: string;
  url: string | null;
  speakers: SpeakerView[];
  /** The speakers listed as moderators (hosts, chairs…). */
  moderators: SpeakerView[];
  /** The other speakers: those who present or sit on the panel. */
  presenters: SpeakerView[];
  description: MarkdownString | null;
  start_at: number | null;
  end_at: number | null;
  time_zone: string;
  /** `9:30 – 10:00 AM PDT` in the venue's clock, or null without a start. */
  time_label: string | null;
  room: string | null;
  tracks: string[];
  files: LinkView[];
  video_url: string | null;
  /** `youtube` or `vimeo` when the recording is on one, else null. */
  video_player: 'youtube' | 'vimeo' | null;
  /**
   * The recording's id on that player, for embeds built from it: Hugo's `{{< youtube ID >}}`,
   * dev.to's `{% youtube ID %}`. Only `[A-Za-z0-9_-]`; print it with `| raw` outside Markdown text.
   */
  video_id: string | null;
  /** Talk page, files, recording: the links every preset lists. */
  resources: LinkView[];
  links: string[];
  notes: NoteView[];
  notes_by_kind: Record<NoteKind, NoteView[]>;
  highlights: HighlightView[];
  /** The people whose notes the talk shows, in the order of their first note (a team's merged notes). */
  authors: string[];
}

export interface DayView {
  /** `2025-09-09`, or null for the talks without a time. */
  key: string | null;
  number: number;
  /** Day N of the conference, counted from its first day (not the post's), or null when unknown. */
  conference_day: number | null;
  /** `Tuesday, September 9`, or `Other talks`. */
  label: string;
  /** `Day 2 — Tuesday, September 9` (the conference's day number when known), or `Other talks`. */
  heading: string;
  talks: TalkView[];
}

export interface TakeawayView {
  note: NoteView;
  talk: TalkView;
}

export interface RecapData {
  title: string;
  /** `YYYY-MM-DD` of the earliest day, in its talks' venue clock. */
  date: string | null;
  authors: string[];
  tags: string[];
  conference: ConferenceView | null;
  /** The reader's IANA zone (the person exporting), e.g. `Europe/Berlin`. */
  reader_time_zone: string;
  intro: MarkdownString | null;
  outro: MarkdownString | null;
  /** The Export view's "Closing" (the same text as `outro`, by the name the view gives it). */
  closing: MarkdownString | null;
  /** By date (talks without a time last); within a day, by start time. */
  days: DayView[];
  talks: TalkView[];
  takeaways: TakeawayView[];
  multi_day: boolean;
  /** A post about one talk: no intro placeholder, no Main takeaways. */
  single_talk: boolean;
}
