import {
  EDITABLE_FIELDS,
  IMAGE_MIMES,
  NOTE_KINDS,
  TALK_SOURCES,
  type CaptureCrop,
  type Conference,
  type Draft,
  type Highlight,
  type Note,
  type Setting,
  type Talk,
  type TalkFile,
  type Template,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../model';
import { isValidCrop } from '../images/crop';
import type { BackupData, BackupImage, BackupTable } from './format';
import {
  arrayOf,
  authorName,
  boolean,
  fail,
  optional,
  jsonValue,
  optionalNullable,
  nullable,
  memberOf,
  shape,
  string,
  stringMap,
  timestamp,
  integer,
  isWebUrl,
  matching,
  speakerShape,
  talkFileShape,
  templateKind,
  ValidationError,
  type Check,
} from '../validate';

/**
 * Field-by-field checks for every stored record type. The bounds are far above anything Talkmark
 * writes (an export must always import again: clipped pages can carry data: URLs and long
 * descriptions) yet keep a hostile file from blowing up memory; the whole file is capped too.
 */
export const BACKUP_LIMITS = {
  id: 1_000,
  short: 10_000,
  long: 5_000_000,
  isoTime: 100,
  listItems: 10_000,
  settingChars: 1_000_000,
  records: {
    conferences: 10_000,
    talks: 100_000,
    notes: 1_000_000,
    highlights: 1_000_000,
    drafts: 100_000,
    templates: 10_000,
    settings: 10_000,
  } satisfies Record<BackupTable, number>,
  images: 100_000,
} as const;

const id = string(BACKUP_LIMITS.id, 1);
const key = string(BACKUP_LIMITS.long, 1);
// Long bound: a page URL can carry a long query. Optional links with another scheme are dropped
// after these checks (unsafe-values.ts); a required one rejects the file, see `webUrl`.
const url = string(BACKUP_LIMITS.long);
/** A link a record cannot do without (a talk's page, a highlight's page): http(s) or the file is refused. */
const webUrl: Check<string> = (v, path) => {
  const text = url(v, path);
  if (!isWebUrl(text)) fail(path, 'an http(s) link', v);
  return text;
};
const short = string(BACKUP_LIMITS.short);
const long = string(BACKUP_LIMITS.long);
const isoTime = string(BACKUP_LIMITS.isoTime);

/** A fraction of a picture's side. */
const fraction: Check<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) fail(path, 'a number from 0 to 1', v);
  return v;
};
const cropFields = shape<CaptureCrop>({ x: fraction, y: fraction, width: fraction, height: fraction });
/** A talk's capture crop (or the part of a capture a picture shows): inside the picture, not a sliver. */
export const captureCropCheck: Check<CaptureCrop> = (v, path) => {
  const crop = cropFields(v, path);
  if (!isValidCrop(crop)) fail(path, 'a rectangle inside the picture, at least 5 % of each side', v);
  return crop;
};

const speaker = speakerShape({ name: short, text: nullable(short), link: nullable(url) });

const talkFile: Check<TalkFile> = talkFileShape({ name: short, url });

export const conferenceCheck = shape<Conference>({
  id,
  key,
  name: nullable(short),
  url: nullable(url),
  timeZone: nullable(short),
  updatedAt: timestamp,
});

const talkFields = shape<Talk>({
  id,
  key,
  source: memberOf(TALK_SOURCES),
  url,
  externalId: nullable(short),
  title: short,
  start: nullable(isoTime),
  end: nullable(isoTime),
  timeZone: nullable(short),
  room: nullable(short),
  tracks: arrayOf(short, BACKUP_LIMITS.listItems),
  customFields: stringMap(BACKUP_LIMITS.listItems, BACKUP_LIMITS.short, BACKUP_LIMITS.long),
  speakers: arrayOf(speaker, BACKUP_LIMITS.listItems),
  descriptionHtml: nullable(long),
  description: nullable(long),
  files: arrayOf(talkFile, BACKUP_LIMITS.listItems),
  videoUrl: nullable(url),
  conferenceId: nullable(id),
  startAt: nullable(timestamp),
  endAt: nullable(timestamp),
  links: arrayOf(url, BACKUP_LIMITS.listItems),
  clippedAt: timestamp,
  updatedAt: timestamp,
  editedFields: optional(arrayOf(memberOf(EDITABLE_FIELDS), EDITABLE_FIELDS.length)),
  notAttended: optional(boolean),
  // The slide area its captures keep (a field, not an index: no schema change).
  captureCrop: optional(captureCropCheck),
});

/** A talk needs its http(s) page, except one added by hand (a hallway talk has no page). */
export const talkCheck: Check<Talk> = (v, path) => {
  const talk = talkFields(v, path);
  if (!(talk.source === 'manual' && talk.url === '')) webUrl(talk.url, `${path}.url`);
  return talk;
};

export const noteCheck = shape<Note>({
  id,
  talkId: id,
  kind: memberOf(NOTE_KINDS),
  text: long,
  createdAt: timestamp,
  updatedAt: timestamp,
  // Its picture (schema v3); a backup without images keeps the link, the note shows it missing.
  imageId: optional(id),
  // Who wrote it (a team's shared notes); absent: the user's own.
  author: optional(authorName),
});

const quoteSelector = shape<TextQuoteSelector>({
  type: memberOf(['TextQuoteSelector']),
  exact: long,
  prefix: string(BACKUP_LIMITS.short),
  suffix: string(BACKUP_LIMITS.short),
});

const positionSelector = shape<TextPositionSelector>({
  type: memberOf(['TextPositionSelector']),
  start: integer(0, Number.MAX_SAFE_INTEGER),
  end: integer(0, Number.MAX_SAFE_INTEGER),
});

export const highlightCheck = shape<Highlight>({
  id,
  talkId: nullable(id),
  pageUrl: webUrl,
  pageTitle: short,
  quote: quoteSelector,
  position: nullable(positionSelector),
  comment: long,
  color: short,
  orphanedAt: optionalNullable(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
  author: optional(authorName),
});

export const draftCheck = shape<Draft>({ key: id, text: long, updatedAt: timestamp });

export const templateCheck = shape<Template>({
  id,
  name: short,
  kind: templateKind,
  body: long,
  updatedAt: timestamp,
});

export const settingCheck = shape<Setting>({ key: id, value: jsonValue(BACKUP_LIMITS.settingChars) });

/** A picture's id names its files in the zip (`images/<id>.webp`): letters, digits, `-` and `_` only. */
const fileId = matching(/^[A-Za-z0-9_-]{1,100}$/, 100, 'an id of letters, digits, - and _');
const side = integer(1, 1_000_000);
const imageMime = memberOf(IMAGE_MIMES);

export const imageRecordCheck = shape<BackupImage>({
  id: fileId,
  noteId: id,
  talkId: id,
  mime: imageMime,
  width: side,
  height: side,
  thumbMime: imageMime,
  thumbWidth: side,
  thumbHeight: side,
  sourceHash: matching(/^[0-9a-f]{64}$/, 64, 'a SHA-256 in hex'),
  createdAt: timestamp,
  crop: optional(captureCropCheck),
});

/** Rejects two records with the same primary key: IndexedDB would keep only one of them. */
function unique<T>(primaryKey: (r: T) => string, table: BackupTable): (records: T[], path: string) => T[] {
  return (records, path) => {
    const seen = new Set<string>();
    for (const r of records) {
      const k = primaryKey(r);
      if (seen.has(k))
        throw new ValidationError(
          `${path} has two records with the ${table === 'drafts' || table === 'settings' ? 'key' : 'id'} ${JSON.stringify(k)}`,
        );
      seen.add(k);
    }
    return records;
  };
}

function table<T>(name: BackupTable, check: Check<T>, primaryKey: (r: T) => string): Check<T[]> {
  const list = arrayOf(check, BACKUP_LIMITS.records[name]);
  const distinct = unique(primaryKey, name);
  return (v, path) => distinct(list(v, path), path);
}

export const backupDataCheck = shape<BackupData>({
  conferences: table('conferences', conferenceCheck, (r) => r.id),
  talks: table('talks', talkCheck, (r) => r.id),
  notes: table('notes', noteCheck, (r) => r.id),
  highlights: table('highlights', highlightCheck, (r) => r.id),
  drafts: table('drafts', draftCheck, (r) => r.key),
  templates: table('templates', templateCheck, (r) => r.id),
  settings: table('settings', settingCheck, (r) => r.key),
  images: optional((v, path) => {
    const list = arrayOf(imageRecordCheck, BACKUP_LIMITS.images)(v, path);
    const seen = new Set<string>();
    for (const image of list) {
      if (seen.has(image.id))
        throw new ValidationError(`${path} has two records with the id ${JSON.stringify(image.id)}`);
      seen.add(image.id);
    }
    return list;
  }),
});
