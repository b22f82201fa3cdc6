import type { ImageMime } from '../model';
import type { ImageCodec } from './prepare';

/**
 * The browser's own decoder and encoder: `createImageBitmap` and `OffscreenCanvas`, both present
 * in extension pages and in the service worker (which has no DOM canvas). Chrome and Firefox
 * encode WebP; a browser that cannot answers PNG, which `prepareImage` notices by the bytes.
 */
export const canvasCodec: ImageCodec<ImageBitmap> = {
  decode: (bytes: Uint8Array, mime: ImageMime) =>
    createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })),
  async encode(image, width, height, mime, quality, source) {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas in this browser.');
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    if (source) context.drawImage(image, source.sx, source.sy, source.sw, source.sh, 0, 0, width, height);
    else context.drawImage(image, 0, 0, width, height);
    const blob = await canvas.convertToBlob({ type: mime, quality });
    return new Uint8Array(await blob.arrayBuffer());
  },
};
