import { describe, expect, it } from 'vitest';
import { checkImageBytes, isImageComplete } from '../../../lib/images/check';
import type { ImageMime } from '../../../lib/model';
import { imageFixture } from './fixtures';

const FILES: Array<[string, ImageMime]> = [
  ['slide-300x200.png', 'image/png'],
  ['slide-300x200.jpg', 'image/jpeg'],
  ['big-2400x1200.jpg', 'image/jpeg'],
  ['slide-300x200.webp', 'image/webp'],
  ['slide-300x200-lossless.webp', 'image/webp'],
  ['slide-300x200-alpha.webp', 'image/webp'],
];

describe('isImageComplete: a picture cut short is caught though its header is whole', () => {
  it.each(FILES)('%s whole passes, every cut of it fails', (file, mime) => {
    const bytes = imageFixture(file);
    expect(isImageComplete(bytes, mime)).toBe(true);
    for (const cut of [1, 2, 10, Math.floor(bytes.length / 2)]) {
      const short = bytes.slice(0, bytes.length - cut);
      expect(checkImageBytes(short).ok, `${file} less ${cut}`).toBe(true); // the header alone is fooled
      expect(isImageComplete(short, mime), `${file} less ${cut}`).toBe(false);
    }
  });

  it('lets a JPEG with data after its end marker through (phones append some), not one without an end', () => {
    const jpeg = imageFixture('slide-300x200.jpg');
    const trailer = new Uint8Array([...jpeg, ...new TextEncoder().encode('SEFT trailer')]);
    expect(isImageComplete(trailer, 'image/jpeg')).toBe(true);
  });
});
