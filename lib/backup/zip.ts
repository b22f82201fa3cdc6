/**
 * The backup as a .zip (format 2): `talkmark-backup.json` first (the records, with each
 * picture's record but not its bytes), then each picture by id, `images/<id>.<ext>` and
 * `thumbs/<id>.<ext>`, stored without compression (WebP/JPEG/PNG do not shrink). The JSON comes
 * first and every entry is self-contained, so a streaming reader can check the records before
 * the first picture arrives. fflate's synchronous zipper and unzipper: no eval, no workers.
 */
import { type Unzipped, type Zippable, unzipSync, zipSync } from 'fflate';
import { checkImageBytes, isImageComplete, MAX_IMAGE_BYTES } from '../images/check';
import type { ImageMime, NoteImage } from '../model';
import { type BackupFile, type BackupImage } from './format';
import { MAX_BACKUP_CHARS, parseBackup } from './parse';
import type { DroppedValue } from './unsafe-values';
import { firstCrcMismatch, statedCrcs } from './zip-crc';

export const BACKUP_JSON_NAME = 'talkmark-backup.json';
/** Every picture and thumbnail together (a page holds them all in memory while restoring). */
export const MAX_BACKUP_IMAGE_BYTES = 1024 * 1024 * 1024;
/** The .zip as a whole: its pictures and its JSON. */
export const MAX_BACKUP_ZIP_BYTES = MAX_BACKUP_IMAGE_BYTES + MAX_BACKUP_CHARS;

const EXTENSIONS: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

export const backupImagePath = (image: Pick<BackupImage, 'id' | 'mime'>) =>
  `images/${image.id}.${EXTENSIONS[image.mime]}`;
export const backupThumbPath = (image: Pick<BackupImage, 'id' | 'thumbMime'>) =>
  `thumbs/${image.id}.${EXTENSIONS[image.thumbMime]}`;

/** A record without its bytes, for the JSON. */
export function imageRecord(image: NoteImage): BackupImage {
  const { bytes: _bytes, thumb: _thumb, ...record } = image;
  return record;
}

/** The .zip of a backup and the pictures its notes show. */
export function buildBackupZip(backup: BackupFile, images: readonly NoteImage[]): Uint8Array {
  const file: BackupFile = { ...backup, data: { ...backup.data, images: images.map(imageRecord) } };
  const files: Zippable = {
    [BACKUP_JSON_NAME]: [new TextEncoder().encode(`${JSON.stringify(file)}\n`), { level: 6 }],
  };
  for (const image of images) {
    files[backupImagePath(image)] = [new Uint8Array(image.bytes), { level: 0 }];
    files[backupThumbPath(image)] = [new Uint8Array(image.thumb), { level: 0 }];
  }
  return zipSync(files);
}

/** Whether bytes are a zip (local file header), as opposed to a JSON backup. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export type ParseBackupZipResult =
  | { ok: true; backup: BackupFile; images: NoteImage[]; dropped: DroppedValue[] }
  | { ok: false; error: string };

const mb = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

function unzip(bytes: Uint8Array, keep: (name: string, size: number) => boolean): Unzipped | string {
  try {
    return unzipSync(bytes, { filter: (f) => keep(f.name, f.originalSize) });
  } catch {
    return 'The .zip file is damaged (it may be truncated): it could not be opened.';
  }
}

/**
 * Reads and checks a whole backup .zip before anything is written: the JSON as `parseBackup`
 * does, then every picture by its bytes (PNG, JPEG or WebP by magic bytes, never SVG; complete;
 * the size its record states; within the size limits), that every picture a note names is
 * there and that every picture in the zip belongs to a note. Each failure is one sentence.
 */
export function parseBackupZip(
  bytes: Uint8Array,
  limits: { imageBytes?: number; totalImageBytes?: number } = {},
): ParseBackupZipResult {
  const maxImage = limits.imageBytes ?? MAX_IMAGE_BYTES;
  const maxTotal = limits.totalImageBytes ?? MAX_BACKUP_IMAGE_BYTES;
  const failure = (error: string): ParseBackupZipResult => ({ ok: false, error });
  if (bytes.length > MAX_BACKUP_ZIP_BYTES)
    return failure(
      `The file is too large for a Talkmark backup (${mb(bytes.length)}; the limit is ${mb(MAX_BACKUP_ZIP_BYTES)}).`,
    );

  // Each entry's CRC-32 as the zip states it: fflate inflates without comparing them.
  const crcs = statedCrcs(bytes);
  if (!crcs) return failure('The .zip file is damaged (it may be truncated): it could not be opened.');
  const crcProblem = (entries: Unzipped): ParseBackupZipResult | null => {
    const name = firstCrcMismatch(crcs, entries);
    return name === null
      ? null
      : failure(
          `The backup is damaged: ${name.slice(0, 200)} does not match its checksum (a byte changed in copying or on disk).`,
        );
  };

  let jsonTooLarge = false;
  const head = unzip(bytes, (name, size) => {
    if (name !== BACKUP_JSON_NAME) return false;
    if (size > MAX_BACKUP_CHARS) jsonTooLarge = true;
    return !jsonTooLarge;
  });
  if (typeof head === 'string') return failure(head);
  if (jsonTooLarge) return failure(`The backup's records are too large (over ${mb(MAX_BACKUP_CHARS)}).`);
  const json = head[BACKUP_JSON_NAME];
  if (!json) return failure(`This .zip is not a Talkmark backup (it has no ${BACKUP_JSON_NAME}).`);
  const jsonCrc = crcProblem(head);
  if (jsonCrc) return jsonCrc;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return failure('The backup is damaged: its records are not readable text.');
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const { backup, dropped } = parsed;
  const records = backup.data.images ?? [];

  // Every picture a note names is listed, and every listed picture is its note's.
  const listed = new Map(records.map((r) => [r.id, r]));
  const notes = new Map(backup.data.notes.map((n) => [n.id, n]));
  for (const note of backup.data.notes) {
    if (note.imageId !== undefined && !listed.has(note.imageId))
      return failure(`The backup is damaged: the picture of a note (${note.imageId}) is missing.`);
  }
  for (const record of records) {
    if (notes.get(record.noteId)?.imageId !== record.id)
      return failure(`The backup is damaged: the picture ${record.id} belongs to no note in it.`);
  }

  const expected = new Map<string, { record: BackupImage; thumb: boolean }>();
  for (const record of records) {
    expected.set(backupImagePath(record), { record, thumb: false });
    expected.set(backupThumbPath(record), { record, thumb: true });
  }
  const problems: string[] = [];
  let total = 0;
  const entries = unzip(bytes, (name, size) => {
    if (name === BACKUP_JSON_NAME || name.endsWith('/')) return false;
    if (!expected.has(name)) {
      problems.push(`The backup holds a file no note uses (${name.slice(0, 200)}).`);
      return false;
    }
    if (size > maxImage) {
      problems.push(`The picture ${name} is too large (${mb(size)}; the limit is ${mb(maxImage)} a picture).`);
      return false;
    }
    total += size;
    if (total > maxTotal) {
      problems.push(`The backup's pictures are too large together (over ${mb(maxTotal)}).`);
      return false;
    }
    return problems.length === 0;
  });
  if (typeof entries === 'string') return failure(entries);
  if (problems.length) return failure(problems[0]!);
  const pictureCrc = crcProblem(entries);
  if (pictureCrc) return pictureCrc;

  const images: NoteImage[] = [];
  const parts = new Map<string, { bytes?: Uint8Array; thumb?: Uint8Array }>();
  for (const [name, { record, thumb }] of expected) {
    const data = entries[name];
    if (!data) return failure(`The backup is damaged: the picture ${name} is missing.`);
    const problem = pictureProblem(
      data,
      thumb ? record.thumbMime : record.mime,
      thumb ? [record.thumbWidth, record.thumbHeight] : [record.width, record.height],
    );
    if (problem) return failure(`The picture ${name} ${problem}`);
    const part = parts.get(record.id) ?? {};
    part[thumb ? 'thumb' : 'bytes'] = data;
    parts.set(record.id, part);
  }
  for (const record of records) {
    const part = parts.get(record.id)!;
    images.push({ ...record, bytes: ownBuffer(part.bytes!), thumb: ownBuffer(part.thumb!) });
  }
  return { ok: true, backup, images, dropped };
}

/** Why stored picture bytes cannot be restored, as the end of a sentence; null when they can. */
function pictureProblem(bytes: Uint8Array, mime: ImageMime, [width, height]: [number, number]): string | null {
  const check = checkImageBytes(bytes, { maxBytes: Number.MAX_SAFE_INTEGER });
  if (!check.ok) {
    return check.reason.startsWith('Only')
      ? 'is not a PNG, JPEG or WebP image (restored pictures never include SVG or other types).'
      : `cannot be restored: ${check.reason}`;
  }
  if (check.header.mime !== mime) return `is not the ${EXTENSIONS[mime].toUpperCase()} image the backup lists.`;
  // Either way round: a small JPEG kept as it was pasted is listed as drawn, after its EXIF rotation.
  const { width: w, height: h } = check.header;
  if (!((w === width && h === height) || (w === height && h === width)))
    return 'is damaged: its size is not the one the backup lists.';
  if (!isImageComplete(bytes, mime)) return 'is damaged: it is cut short.';
  return null;
}

/** An ArrayBuffer holding exactly these bytes (a slice of the zip's buffer would keep the whole zip alive). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}
