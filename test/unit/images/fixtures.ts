import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PixelRect } from '../../../lib/images/crop';
import type { DecodedImage, ImageCodec } from '../../../lib/images/prepare';
import type { ImageMime } from '../../../lib/model';
import { checkImageBytes } from '../../../lib/images/check';
import { OWN_FIXTURES } from '../helpers';

/** An image from test/fixtures/images/ as bytes. */
export function imageFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(OWN_FIXTURES, 'images', name)));
}

/**
 * A codec over fixture files instead of a canvas (jsdom has none): decoding reads the size from
 * the header; encoding answers a real image of the asked type whose bytes name the size drawn, so
 * tests can see what was asked. The browser's own codec is exercised by the e2e tests.
 */
export function fixtureCodec(options: { webp?: boolean } = {}) {
  const calls: Array<{ width: number; height: number; mime: ImageMime; quality: number; source?: PixelRect }> = [];
  const codec: ImageCodec<DecodedImage> = {
    async decode(bytes) {
      const check = checkImageBytes(bytes);
      if (!check.ok) throw new Error(check.reason);
      return { width: check.header.width, height: check.header.height };
    },
    async encode(_image, width, height, mime, quality, source) {
      calls.push(source ? { width, height, mime, quality, source } : { width, height, mime, quality });
      const base = imageFixture(options.webp === false ? 'slide-300x200.png' : 'slide-300x200.webp');
      // A distinct payload per size, still starting with the real magic bytes.
      const part = source ? `@${source.sx},${source.sy},${source.sw},${source.sh}` : '';
      const tail = new TextEncoder().encode(`${width}x${height}${part}`);
      const out = new Uint8Array(base.length + tail.length);
      out.set(base);
      out.set(tail, base.length);
      return out;
    },
  };
  return { codec, calls };
}
