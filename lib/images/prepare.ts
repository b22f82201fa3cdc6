import type { CaptureCrop, ImageMime, NoteImage } from '../model';
import { checkImageBytes, sniffImageType } from './check';
import { cropPixels, isWholeCrop, type PixelRect } from './crop';
import { DEFAULT_MAX_SIDE, fitWithin, THUMB_MAX_SIDE } from './fit';
import { sha256Hex } from './hash';

/** A decoded picture the codec can draw; `close` frees it (ImageBitmap). */
export interface DecodedImage {
  width: number;
  height: number;
  close?(): void;
}

/**
 * Decoding and encoding, the only part that needs a canvas: `canvasCodec` in pages and the
 * worker, a double in unit tests. The encoder may answer another type than asked (a browser
 * that cannot encode WebP gives PNG): the bytes are sniffed, never trusted.
 */
export interface ImageCodec<D extends DecodedImage = DecodedImage> {
  decode(bytes: Uint8Array, mime: ImageMime): Promise<D>;
  /** Draws `source` (a part of the image in its pixels; default all of it) at width × height. */
  encode(
    image: D,
    width: number,
    height: number,
    mime: ImageMime,
    quality: number,
    source?: PixelRect,
  ): Promise<Uint8Array>;
}

/** An image ready to store: downscaled, re-encoded, with its thumbnail and the source's hash. */
export type PreparedImage = Omit<NoteImage, 'id' | 'noteId' | 'talkId' | 'createdAt'>;

export interface PrepareOptions {
  /** Longest side of the stored image (default 1920). */
  maxSide?: number;
  /** WebP/JPEG quality, 0..1. */
  quality?: number;
  maxBytes?: number;
  /** Keep only this part of the picture (a talk's capture crop); absent or whole: all of it. */
  crop?: CaptureCrop;
}

export type PrepareResult = { ok: true; image: PreparedImage } | { ok: false; reason: string };

const copy = (b: Uint8Array): ArrayBuffer => b.slice().buffer as ArrayBuffer;

async function encodeChecked<D extends DecodedImage>(
  codec: ImageCodec<D>,
  image: D,
  width: number,
  height: number,
  quality: number,
  source: PixelRect | undefined,
): Promise<{ bytes: Uint8Array; mime: ImageMime }> {
  const bytes = await codec.encode(image, width, height, 'image/webp', quality, source);
  const mime = sniffImageType(bytes);
  if (!mime) throw new Error('The browser produced no PNG, JPEG or WebP image.');
  return { bytes, mime };
}

/**
 * Checks the bytes (type by magic bytes, size, pixel count), decodes them, stores the longest
 * side at most `maxSide` as WebP where the browser encodes it, and makes a thumbnail. A source
 * that already fits and is smaller than its re-encoding is kept as it is (a small JPEG photo).
 */
export async function prepareImage<D extends DecodedImage>(
  sourceBytes: Uint8Array,
  codec: ImageCodec<D>,
  options: PrepareOptions = {},
): Promise<PrepareResult> {
  const check = checkImageBytes(sourceBytes, { maxBytes: options.maxBytes });
  if (!check.ok) return check;
  const { header } = check;
  const quality = options.quality ?? 0.85;
  let decoded: D;
  try {
    decoded = await codec.decode(sourceBytes, header.mime);
  } catch {
    return { ok: false, reason: 'The image could not be read (damaged or not supported by this browser).' };
  }
  try {
    // A talk's crop: the part kept, in the decoded picture's pixels (a capture's size varies).
    const crop = options.crop && !isWholeCrop(options.crop) ? options.crop : undefined;
    const part = crop ? cropPixels(crop, decoded.width, decoded.height) : undefined;
    const [keptWidth, keptHeight] = part ? [part.sw, part.sh] : [decoded.width, decoded.height];
    const size = fitWithin(keptWidth, keptHeight, options.maxSide ?? DEFAULT_MAX_SIDE);
    const thumbSize = fitWithin(keptWidth, keptHeight, THUMB_MAX_SIDE);
    const [wholeHash, main, thumb] = await Promise.all([
      crop ? null : sha256Hex(sourceBytes as Uint8Array<ArrayBuffer>),
      encodeChecked(codec, decoded, size.width, size.height, quality, part),
      encodeChecked(codec, decoded, thumbSize.width, thumbSize.height, 0.7, part),
    ]);
    // Cropped, the kept picture is hashed: the same slide beside a moving speaker is stored once.
    const sourceHash = wholeHash ?? (await sha256Hex(main.bytes as Uint8Array<ArrayBuffer>));
    const keepSource =
      !crop &&
      size.width === decoded.width &&
      size.height === decoded.height &&
      sourceBytes.length <= main.bytes.length;
    return {
      ok: true,
      image: {
        bytes: copy(keepSource ? sourceBytes : main.bytes),
        mime: keepSource ? header.mime : main.mime,
        width: size.width,
        height: size.height,
        thumb: copy(thumb.bytes),
        thumbMime: thumb.mime,
        thumbWidth: thumbSize.width,
        thumbHeight: thumbSize.height,
        sourceHash,
        ...(crop ? { crop } : {}),
      },
    };
  } catch (err) {
    const detail = err instanceof Error ? ` ${err.message}` : '';
    return { ok: false, reason: `The image could not be converted.${detail}` };
  } finally {
    decoded.close?.();
  }
}
