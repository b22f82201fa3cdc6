/**
 * The one message contract between content scripts, the service worker and extension pages.
 * Everything that crosses it is validated: a content script lives next to a hostile page, so
 * its messages are data to check, never commands to trust.
 */
import { safeUrl } from './html/safe-url';
import {
  TALK_SOURCES,
  type ExtractedTalk,
  type Highlight,
  type Speaker,
  type TalkFile,
  type TalkSource,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './model';
import type { ExtractionResult } from './schedule/types';
import { intlTimeZoneName } from './time/zones';

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

const MAX_KEYS = 5000;
const isString = (v: unknown, max = 2048): v is string => typeof v === 'string' && v.length <= max;
// Array.from, not v.every: `every` skips the holes of a sparse array, which structured clone keeps.
const isStringArray = (v: unknown, maxItems = MAX_KEYS): v is string[] =>
  Array.isArray(v) && v.length <= maxItems && Array.from(v).every((s) => isString(s));

/** A well-formed message, or null for anything else (unknown types are ignored, not answered). */
export function parseMessage(raw: unknown): Message | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'clip-page':
      return m.keys === null || isStringArray(m.keys)
        ? { type: 'clip-page', keys: (m.keys as string[] | null) ?? null }
        : null;
    case 'clipped-keys':
      return isStringArray(m.keys) ? { type: 'clipped-keys', keys: m.keys } : null;
    case 'focus-composer':
    case 'highlight-selection':
    case 'highlights-changed':
    case 'highlighter-ping':
      return { type: m.type };
    case 'highlight-save': {
      const quote = parseQuote(m.quote);
      const position = m.position === null ? null : parsePosition(m.position);
      if (!quote || position === undefined || !httpUrl(m.pageUrl) || !isString(m.pageTitle, MESSAGE_LIMITS.short))
        return null;
      if (!isColor(m.color)) return null;
      return {
        type: 'highlight-save',
        pageUrl: httpUrl(m.pageUrl)!,
        pageTitle: m.pageTitle,
        quote,
        position,
        color: m.color,
      };
    }
    case 'highlights-for-page':
      return httpUrl(m.pageUrl) ? { type: 'highlights-for-page', pageUrl: httpUrl(m.pageUrl)! } : null;
    case 'highlight-update':
      return isId(m.id) && isColor(m.color) ? { type: 'highlight-update', id: m.id, color: m.color } : null;
    case 'highlight-delete':
      return isId(m.id) ? { type: 'highlight-delete', id: m.id } : null;
    case 'highlight-restore':
      // Checked field by field by the worker, against the backup's record rules.
      return m.highlight && typeof m.highlight === 'object'
        ? { type: 'highlight-restore', highlight: m.highlight }
        : null;
    case 'highlights-anchored':
      if (!httpUrl(m.pageUrl) || !isStringArray(m.found) || !isStringArray(m.lost)) return null;
      return { type: 'highlights-anchored', pageUrl: httpUrl(m.pageUrl)!, found: m.found, lost: m.lost };
    case 'offscreen-backup-blob':
      return isTime(m.now) ? { type: 'offscreen-backup-blob', now: m.now } : null;
    case 'offscreen-revoke-blob':
      return isBlobUrl(m.url) ? { type: 'offscreen-revoke-blob', url: m.url } : null;
    default:
      return null;
  }
}

const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** A Blob URL of an extension page (`blob:chrome-extension://<id>/<uuid>`), of `origin` when given. */
const isBlobUrl = (v: unknown, origin?: string): v is string =>
  isString(v, 300) &&
  /^blob:(chrome|moz)-extension:\/\/[\w-]+\/[\w-]+$/.test(v) &&
  (!origin || v.startsWith(`blob:${origin}/`));

/** The offscreen document's reply, checked: a Blob URL of our own origin and its size, or one line of error. */
export function parseBackupBlobReply(raw: unknown, origin: string): BackupBlobReply | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.ok === true)
    return isBlobUrl(r.url, origin) && isTime(r.bytes) ? { ok: true, url: r.url, bytes: r.bytes } : null;
  if (r.ok === false) return isString(r.message, MESSAGE_LIMITS.short) ? { ok: false, message: r.message } : null;
  return null;
}

const isId = (v: unknown): v is string => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);
const isColor = (v: unknown): v is string =>
  typeof v === 'string' && (HIGHLIGHT_COLOR_NAMES as readonly string[]).includes(v);

function parseQuote(v: unknown): TextQuoteSelector | null {
  if (!v || typeof v !== 'object') return null;
  const q = v as Record<string, unknown>;
  if (q.type !== 'TextQuoteSelector' || !isString(q.exact, 50_000) || !(q.exact as string).trim()) return null;
  if (!isString(q.prefix, 500) || !isString(q.suffix, 500)) return null;
  return {
    type: 'TextQuoteSelector',
    exact: q.exact as string,
    prefix: q.prefix as string,
    suffix: q.suffix as string,
  };
}

/** A position selector, or undefined when malformed (null is a valid "no position"). */
function parsePosition(v: unknown): TextPositionSelector | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const p = v as Record<string, unknown>;
  const ok = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (p.type !== 'TextPositionSelector' || !ok(p.start) || !ok(p.end) || (p.end as number) < (p.start as number))
    return undefined;
  return { type: 'TextPositionSelector', start: p.start as number, end: p.end as number };
}

const MESSAGE_LIMITS = { short: 1000, long: 200_000 };

const str = (v: unknown, max = MESSAGE_LIMITS.short): string | null => (typeof v === 'string' ? v.slice(0, max) : null);
/** Chrome navigates to no URL longer than 2 MB (Firefox: 1 MB); a backup refuses text over 5 MB. */
const MAX_URL = 2 * 1024 * 1024;
const httpUrl = (v: unknown): string | null => {
  const url = typeof v === 'string' && v.length <= MAX_URL ? safeUrl(v, 'web') : null;
  return url && url.length <= MAX_URL ? url : null;
};
// Bounded like a backup's times (100): Date.parse skips bracketed comments, so a 10 MB text can parse.
const iso = (v: unknown): string | null =>
  typeof v === 'string' && v.length <= 100 && !Number.isNaN(Date.parse(v)) ? v : null;

function cleanSpeaker(v: unknown): Speaker | null {
  if (!v || typeof v !== 'object') return null;
  const s = v as Record<string, unknown>;
  const name = str(s.name);
  if (!name) return null;
  return {
    name,
    role: str(s.role),
    company: str(s.company),
    roleCompanyRaw: str(s.roleCompanyRaw),
    group: str(s.group),
    profileUrl: httpUrl(s.profileUrl),
    avatarUrl: httpUrl(s.avatarUrl),
  };
}

function cleanFile(v: unknown): TalkFile | null {
  if (!v || typeof v !== 'object') return null;
  const f = v as Record<string, unknown>;
  const url = httpUrl(f.url);
  return url ? { name: str(f.name) ?? url, url } : null;
}

/**
 * An IANA zone this browser knows, spelled as Intl spells it; anything else (a page's invention)
 * is dropped. Readers already made old links current (canonicalTimeZone); the table that does it
 * stays out of the highlighter, which bundles this contract.
 */
function zone(v: unknown): string | null {
  const name = str(v, 100);
  return name ? intlTimeZoneName(name) : null;
}

/**
 * An extracted talk as stored: known fields only, right types, bounded sizes, http(s) links only.
 * Returns null when the essentials (URL, title) are missing.
 */
export function cleanExtractedTalk(v: unknown): ExtractedTalk | null {
  if (!v || typeof v !== 'object') return null;
  const t = v as Record<string, unknown>;
  const url = httpUrl(t.url);
  const title = str(t.title)?.trim();
  if (!url || !title) return null;
  const conf = t.conference && typeof t.conference === 'object' ? (t.conference as Record<string, unknown>) : null;
  const fields: Record<string, string> = {};
  if (t.customFields && typeof t.customFields === 'object') {
    for (const [k, val] of Object.entries(t.customFields as Record<string, unknown>).slice(0, 50)) {
      if (typeof val === 'string') fields[k.slice(0, 200)] = val.slice(0, MESSAGE_LIMITS.short);
    }
  }
  return {
    source: (TALK_SOURCES as readonly string[]).includes(t.source as string) ? (t.source as TalkSource) : 'jsonld',
    url,
    externalId: str(t.externalId, 200),
    title,
    start: iso(t.start),
    end: iso(t.end),
    timeZone: zone(t.timeZone),
    room: str(t.room),
    tracks: Array.isArray(t.tracks)
      ? t.tracks
          .filter((x): x is string => typeof x === 'string')
          .slice(0, 50)
          .map((x) => x.slice(0, MESSAGE_LIMITS.short))
      : [],
    customFields: fields,
    speakers: Array.isArray(t.speakers)
      ? t.speakers
          .slice(0, 200)
          .map(cleanSpeaker)
          .filter((s): s is Speaker => !!s)
      : [],
    descriptionHtml: str(t.descriptionHtml, MESSAGE_LIMITS.long),
    description: str(t.description, MESSAGE_LIMITS.long),
    files: Array.isArray(t.files)
      ? t.files
          .slice(0, 100)
          .map(cleanFile)
          .filter((f): f is TalkFile => !!f)
      : [],
    videoUrl: httpUrl(t.videoUrl),
    conference:
      conf && str(conf.key)
        ? { key: str(conf.key)!, name: str(conf.name), url: httpUrl(conf.url), timeZone: zone(conf.timeZone) }
        : null,
  };
}

/** What an injected extraction returned, checked the same way. */
export function cleanExtractionResult(v: unknown): ExtractionResult {
  if (!v || typeof v !== 'object') return { talks: [], warnings: ['The page gave no answer.'], source: 'none' };
  const r = v as Record<string, unknown>;
  const talks = Array.isArray(r.talks)
    ? r.talks
        .slice(0, 5000)
        .map(cleanExtractedTalk)
        .filter((t): t is ExtractedTalk => !!t)
    : [];
  const warnings = Array.isArray(r.warnings)
    ? r.warnings
        .filter((w): w is string => typeof w === 'string')
        .map((w) => w.slice(0, 500))
        .slice(0, 20)
    : [];
  return { talks, warnings, source: str(r.source, 50) ?? 'none' };
}
