import type { ImageMime } from '../model';

/**
 * What an image is, read from its bytes, never from a name or a declared type: a file called
 * `slide.png` may be SVG (a document that can run script) or anything else. Only PNG, JPEG and
 * WebP pass. The header's dimensions are read too, so an image that would decode to billions of
 * pixels is refused before any decoder sees it.
 */

/** A pasted photo or a capture larger than this is refused (a phone photo is 2–12 MB). */
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;
/** Decoded size limit: 100 megapixels (a 48 MP phone photo passes; a decompression bomb does not). */
export const MAX_IMAGE_PIXELS = 100_000_000;

export interface ImageHeader {
  mime: ImageMime;
  width: number;
  height: number;
}

export type ImageCheck = { ok: true; header: ImageHeader } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  return b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
}
const ascii = (b: Uint8Array, at: number, text: string) =>
  startsWith(
    b,
    [...text].map((c) => c.charCodeAt(0)),
    at,
  );
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);

/** The image type by magic bytes alone; null for anything else (SVG, GIF, HTML, …). */
export function sniffImageType(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

function pngSize(b: Uint8Array): [number, number] | null {
  // The first chunk must be IHDR: width and height at bytes 16..23.
  if (b.length < 24 || !ascii(b, 12, 'IHDR')) return null;
  return [u32be(b, 16), u32be(b, 20)];
}

/** Walks the JPEG markers to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): [number, number] | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return [u16be(b, at + 7), u16be(b, at + 5)];
    at += 2 + length;
  }
  return null;
}

/** Where the first start-of-scan (FF DA) segment begins, walking the markers as `jpegSize` does. */
function jpegScanStart(b: Uint8Array): number | null {
  let at = 2;
  while (at + 4 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xda) return at;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function webpSize(b: Uint8Array): [number, number] | null {
  if (b.length < 30) return null;
  if (ascii(b, 12, 'VP8 ')) {
    // Lossy: a key frame's start code 9d 01 2a, then 14-bit width and height.
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  }
  if (ascii(b, 12, 'VP8L')) {
    if (b[20] !== 0x2f) return null;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  if (ascii(b, 12, 'VP8X')) return [u24le(b, 24) + 1, u24le(b, 27) + 1];
  return null;
}

/**
 * Checks bytes before anything decodes them: a known type by its magic bytes, a readable header,
 * a size within limits. The reason is one sentence for the user.
 */
export function checkImageBytes(bytes: Uint8Array, limits: { maxBytes?: number; maxPixels?: number } = {}): ImageCheck {
  const maxBytes = limits.maxBytes ?? MAX_IMAGE_BYTES;
  const maxPixels = limits.maxPixels ?? MAX_IMAGE_PIXELS;
  if (bytes.length === 0) return { ok: false, reason: 'The image is empty.' };
  if (bytes.length > maxBytes)
    return { ok: false, reason: `The image is too large (over ${Math.round(maxBytes / 1024 / 1024)} MB).` };
  const mime = sniffImageType(bytes);
  if (!mime) return { ok: false, reason: 'Only PNG, JPEG and WebP images can be added.' };
  const size = mime === 'image/png' ? pngSize(bytes) : mime === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  if (!size || size[0] < 1 || size[1] < 1) return { ok: false, reason: 'The image is damaged (no readable size).' };
  const [width, height] = size;
  if (width * height > maxPixels) return { ok: false, reason: 'The image has too many pixels to store.' };
  return { ok: true, header: { mime, width, height } };
}

const PNG_END = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/**
 * Whether an image's bytes run to their end: a PNG closes with its IEND chunk, a WebP's RIFF
 * header states its length, a JPEG has an end-of-image marker (FF D9; a phone may append data
 * after it, so it is looked for anywhere past the header). Catches a file cut short, which the
 * header check alone lets through.
 */
export function isImageComplete(bytes: Uint8Array, mime: ImageMime): boolean {
  switch (mime) {
    case 'image/png':
      return startsWith(bytes, PNG_END, bytes.length - PNG_END.length);
    case 'image/webp': {
      if (bytes.length < 12) return false;
      const riff = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0;
      return riff + 8 === bytes.length || riff + 9 === bytes.length; // + its pad byte
    }
    case 'image/jpeg': {
      // Past the first start-of-scan: an EXIF thumbnail before it has an end marker of its own.
      const scan = jpegScanStart(bytes);
      if (scan === null) return false;
      for (let at = scan; at + 1 < bytes.length; at++) if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
      return false;
    }
  }
}
