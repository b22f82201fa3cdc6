/**
 * The one message contract between content scripts, the service worker and extension pages.
 * Everything that crosses it is validated: a content script lives next to a hostile page, so
 * its messages are data to check, never commands to trust.
 */
import {
  TALK_SOURCES,
  type ExtractedTalk,
  type Highlight,
  type TalkFile,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './model';
import type { ExtractionResult } from './schedule/types';
import {
  arrayOf,
  clippedText,
  exactly,
  fail,
  integer,
  knownTimeZone,
  matching,
  memberOf,
  nullable,
  orDefault,
  orNull,
  parseOrNull,
  required,
  shape,
  speakerShape,
  string,
  talkFileShape,
  validItems,
  webLink,
  type Check,
} from './validate';

export type Message =
  /** In-page "Clip": clip the sender tab's talks, only those with these keys when given. */
  | { type: 'clip-page'; keys: string[] | null }
  /** Which of these talk keys are clipped already (the in-page buttons show it). */
  | { type: 'clipped-keys'; keys: string[] }
  /** From the worker to the open side panel: the shortcut fired, focus the note box. */
  | { type: 'focus-composer' }
  /** Highlighter → worker: store a highlight of the sender's page. */
  | {
      type: 'highlight-save';
      pageUrl: string;
      pageTitle: string;
      quote: TextQuoteSelector;
      position: TextPositionSelector | null;
      color: string;
    }
  /** Highlighter → worker: the highlights of the sender's page, to paint. */
  | { type: 'highlights-for-page'; pageUrl: string }
  /** Recolour from the page (comments are edited in the side panel, out of the page's reach). */
  | { type: 'highlight-update'; id: string; color: string }
  /** Answered with the deleted record, which only `highlight-restore` takes back (undo). */
  | { type: 'highlight-delete'; id: string }
  | { type: 'highlight-restore'; highlight: unknown }
  /** Highlighter → worker: which highlights this visit found and which it could not (orphans). */
  | { type: 'highlights-anchored'; pageUrl: string; found: string[]; lost: string[] }
  /** Worker → highlighter: highlight the current selection (context menu, shortcut). */
  | { type: 'highlight-selection' }
  /** Worker/panel → highlighter: highlights changed elsewhere, repaint. */
  | { type: 'highlights-changed' }
  /** Worker → highlighter: are you there? (avoids injecting twice). */
  | { type: 'highlighter-ping' }
  /** Worker → offscreen document (Chrome): today's backup as a Blob URL, which a worker cannot make. */
  | { type: 'offscreen-backup-blob'; now: number }
  /** Worker → offscreen document: the download ended, free the Blob URL. */
  | { type: 'offscreen-revoke-blob'; url: string };

export type MessageType = Message['type'];
/** The message of one type: `MessageOf<'clip-page'>`. */
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/**
 * What each message is answered with: part of the contract, like the message itself. Senders
 * (`sendToExtension`, `Sender`) get this type back, and handlers answer through `reply`, so tsc
 * checks both ends against the same line. `undefined`: nobody answers (a notice, not a question).
 */
export interface Responses {
  'clip-page': ClipResponse;
  'clipped-keys': string[];
  'focus-composer': undefined;
  'highlight-save': HighlightSaved;
  'highlights-for-page': PageHighlight[];
  'highlight-update': { ok: boolean };
  'highlight-delete': HighlightDeleted;
  'highlight-restore': { ok: boolean };
  'highlights-anchored': undefined;
  'highlight-selection': undefined;
  'highlights-changed': undefined;
  /** Answered by a running highlighter only: no answer means "inject it". */
  'highlighter-ping': true;
  'offscreen-backup-blob': BackupBlobReply;
  'offscreen-revoke-blob': true;
}

/** The reply a message gets. */
export type ReplyTo<M extends Message> = Responses[M['type']];

// Every message type has a line in Responses, and Responses names no type that does not exist.
type MustBeNever<T extends never> = T;
export type EveryMessageHasAReply = MustBeNever<
  Exclude<MessageType, keyof Responses> | Exclude<keyof Responses, MessageType>
>;

/** Something that sends a message and resolves with its typed reply (null: no one answered). */
export type Sender = <M extends Message>(message: M) => Promise<ReplyTo<M> | null>;

/**
 * A handler's answer to `message`, checked against `Responses` (the value passes through). In a
 * `switch (message.type)` the narrowed message picks the line: answering a `clipped-keys` with a
 * `ClipResponse` does not compile.
 */
export function reply<M extends Message, A extends ReplyTo<M> | Promise<ReplyTo<M>>>(_message: M, answer: A): A {
  return answer;
}

/** The offscreen document's answer to `offscreen-backup-blob`. */
export type BackupBlobReply = { ok: true; url: string; bytes: number } | { ok: false; message: string };

/**
 * What the highlighter gets for its page: enough to anchor, paint and recolour, nothing else —
 * no comment, no talk: its UI lives in the page's DOM, where the page can read it.
 */
export interface PageHighlight {
  id: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  color: string;
}

export interface HighlightSaved {
  ok: boolean;
  id: string | null;
  message: string | null;
}

/** Answered with the deleted record, kept in the content script's isolated world for undo. */
export interface HighlightDeleted {
  ok: boolean;
  deleted: Highlight | null;
}

export const HIGHLIGHT_COLOR_NAMES = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** Keyboard command that highlights the selection. */
export const HIGHLIGHT_COMMAND = 'highlight-selection';

/** The keyboard command that opens the panel (Chrome side panel, Firefox sidebar) and focuses the note box. */
export const OPEN_PANEL_COMMAND = 'open-panel';

export interface ClipResponse {
  ok: boolean;
  added: number;
  updated: number;
  skipped: number;
  /** Keys of the talks clipped by this request. */
  keys: string[];
  /** One line for the user when nothing could be clipped, or what was odd. */
  message: string | null;
}

const MESSAGE_LIMITS = { short: 1000, long: 200_000 };
const MAX_KEYS = 5000;

// ——— Messages: each type's fields, checked strictly; a message with one bad field is dropped. ———

const keyList = arrayOf(string(2048), MAX_KEYS);
const id = matching(/^[\w-]{1,64}$/, 64, 'an id');
const color = memberOf(HIGHLIGHT_COLOR_NAMES);
/** A count or an instant: a whole number from 0. */
const count = integer(0, Number.MAX_SAFE_INTEGER);

const quoteSelector: Check<TextQuoteSelector> = (v, path) => {
  const q = shape<TextQuoteSelector>({
    type: memberOf(['TextQuoteSelector']),
    exact: string(50_000),
    prefix: string(500),
    suffix: string(500),
  })(v, path);
  if (!q.exact.trim()) fail(`${path}.exact`, 'non-blank text', q.exact);
  return q;
};

const positionSelector: Check<TextPositionSelector> = (v, path) => {
  const p = shape<TextPositionSelector>({ type: memberOf(['TextPositionSelector']), start: count, end: count })(
    v,
    path,
  );
  if (p.end < p.start) fail(`${path}.end`, 'at or after start', p.end);
  return p;
};

/** Any object: `highlight-restore`'s record is checked field by field by the worker, against the backup's rules. */
const anObject: Check<object> = (v, path) => {
  if (!v || typeof v !== 'object') fail(path, 'an object', v);
  return v;
};

/** A Blob URL of an extension page (`blob:chrome-extension://<id>/<uuid>`). */
const blobUrl = matching(/^blob:(chrome|moz)-extension:\/\/[\w-]+\/[\w-]+$/, 300, 'a Blob URL of the extension');

const noFields = <T extends MessageType>(type: T) => shape<{ type: T }>({ type: exactly(type) });

/** Every message type's check; `Message` and this table name the same types (tsc holds them together). */
const MESSAGE_CHECKS: { [T in MessageType]: Check<MessageOf<T>> } = {
  'clip-page': shape({ type: exactly('clip-page'), keys: nullable(keyList) }),
  'clipped-keys': shape({ type: exactly('clipped-keys'), keys: keyList }),
  'focus-composer': noFields('focus-composer'),
  'highlight-selection': noFields('highlight-selection'),
  'highlights-changed': noFields('highlights-changed'),
  'highlighter-ping': noFields('highlighter-ping'),
  'highlight-save': shape({
    type: exactly('highlight-save'),
    pageUrl: webLink,
    pageTitle: string(MESSAGE_LIMITS.short),
    quote: quoteSelector,
    position: nullable(positionSelector),
    color,
  }),
  'highlights-for-page': shape({ type: exactly('highlights-for-page'), pageUrl: webLink }),
  'highlight-update': shape({ type: exactly('highlight-update'), id, color }),
  'highlight-delete': shape({ type: exactly('highlight-delete'), id }),
  'highlight-restore': shape({ type: exactly('highlight-restore'), highlight: anObject }),
  'highlights-anchored': shape({
    type: exactly('highlights-anchored'),
    pageUrl: webLink,
    found: keyList,
    lost: keyList,
  }),
  'offscreen-backup-blob': shape({ type: exactly('offscreen-backup-blob'), now: count }),
  'offscreen-revoke-blob': shape({ type: exactly('offscreen-revoke-blob'), url: blobUrl }),
};

/** A well-formed message, or null for anything else (unknown types are ignored, not answered). */
export function parseMessage(raw: unknown): Message | null {
  if (!raw || typeof raw !== 'object') return null;
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGE_CHECKS, type)) return null;
  return parseOrNull(MESSAGE_CHECKS[type as MessageType] as Check<Message>, raw, 'message');
}

/** The offscreen document's reply, checked: a Blob URL of our own origin and its size, or one line of error. */
export function parseBackupBlobReply(raw: unknown, origin: string): BackupBlobReply | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const ours: Check<string> = (v, path) => {
    const url = blobUrl(v, path);
    if (!url.startsWith(`blob:${origin}/`)) fail(path, 'a Blob URL of this extension', v);
    return url;
  };
  if (r.ok === true) return parseOrNull(shape({ ok: exactly(true), url: ours, bytes: count }), r);
  if (r.ok === false) return parseOrNull(shape({ ok: exactly(false), message: string(MESSAGE_LIMITS.short) }), r);
  return null;
}

// ——— Extracted talks: a page's data, cleaned leniently — bad optional values become null. ———

/** Text from a page, cut to `max`; null when not text. */
const pageText = (max = MESSAGE_LIMITS.short) => orNull(clippedText(max));
const pageLink = orNull(webLink);
const pageZone = orNull(knownTimeZone);
/** Non-empty text a record cannot do without (a speaker's name, a conference's key). */
const requiredText = required(pageText(), 'non-empty text');
const nonEmpty: Check<string> = (v, path) => {
  const text = requiredText(v, path);
  if (!text) fail(path, 'non-empty text', v);
  return text;
};
// Bounded like a backup's times (100): Date.parse skips bracketed comments, so a 10 MB text can parse.
const isoTime = orNull<string>((v, path) => {
  if (typeof v !== 'string' || v.length > 100 || Number.isNaN(Date.parse(v))) fail(path, 'a date', v);
  return v;
});

const pageSpeaker = speakerShape({ name: nonEmpty, text: pageText(), link: pageLink });

const pageFile: Check<TalkFile> = (v, path) => {
  const f = talkFileShape({ name: pageText(), url: webLink })(v, path);
  return { name: f.name ?? f.url, url: f.url };
};

/** `customFields`: the first 50 entries whose values are text, bounded; built key by key as before. */
const customFields: Check<Record<string, string>> = (v) => {
  const fields: Record<string, string> = {};
  if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v as Record<string, unknown>).slice(0, 50)) {
      if (typeof val === 'string') fields[k.slice(0, 200)] = val.slice(0, MESSAGE_LIMITS.short);
    }
  }
  return fields;
};

const conference = orNull(
  shape<NonNullable<ExtractedTalk['conference']>>({
    key: nonEmpty,
    name: pageText(),
    url: pageLink,
    timeZone: pageZone,
  }),
);

const extractedTalk: Check<ExtractedTalk> = (v, path) => {
  if (!v || typeof v !== 'object') fail(path, 'an object', v);
  const t = v as Record<string, unknown>;
  const title = pageText()(t.title, `${path}.title`)?.trim();
  if (!title) fail(`${path}.title`, 'a title', t.title);
  return {
    source: orDefault(memberOf(TALK_SOURCES), 'jsonld')(t.source, `${path}.source`),
    url: webLink(t.url, `${path}.url`),
    externalId: pageText(200)(t.externalId, `${path}.externalId`),
    title,
    start: isoTime(t.start, `${path}.start`),
    end: isoTime(t.end, `${path}.end`),
    timeZone: pageZone(t.timeZone, `${path}.timeZone`),
    room: pageText()(t.room, `${path}.room`),
    tracks: validItems(clippedText(MESSAGE_LIMITS.short), { keepFirst: 50 })(t.tracks, `${path}.tracks`),
    customFields: customFields(t.customFields, `${path}.customFields`),
    speakers: validItems(pageSpeaker, { scanFirst: 200 })(t.speakers, `${path}.speakers`),
    descriptionHtml: pageText(MESSAGE_LIMITS.long)(t.descriptionHtml, `${path}.descriptionHtml`),
    description: pageText(MESSAGE_LIMITS.long)(t.description, `${path}.description`),
    files: validItems(pageFile, { scanFirst: 100 })(t.files, `${path}.files`),
    videoUrl: pageLink(t.videoUrl, `${path}.videoUrl`),
    conference: conference(t.conference, `${path}.conference`),
  };
};

/**
 * An extracted talk as stored: known fields only, right types, bounded sizes, http(s) links only.
 * Returns null when the essentials (URL, title) are missing.
 */
export function cleanExtractedTalk(v: unknown): ExtractedTalk | null {
  return parseOrNull(extractedTalk, v, 'talk');
}

/** What an injected extraction returned, checked the same way. */
export function cleanExtractionResult(v: unknown): ExtractionResult {
  if (!v || typeof v !== 'object') return { talks: [], warnings: ['The page gave no answer.'], source: 'none' };
  const r = v as Record<string, unknown>;
  return {
    talks: validItems(extractedTalk, { scanFirst: 5000 })(r.talks, 'talks'),
    warnings: validItems(clippedText(500), { keepFirst: 20 })(r.warnings, 'warnings'),
    source: pageText(50)(r.source, 'source') ?? 'none',
  };
}
