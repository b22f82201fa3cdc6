import { describe, expect, it } from 'vitest';
import { checkImageBytes, sniffImageType } from '../../../lib/images/check';
import { fitWithin } from '../../../lib/images/fit';
import { sha256Hex } from '../../../lib/images/hash';
import { imageFixture } from './fixtures';

describe('image checks by magic bytes', () => {
  it.each([
    ['slide-300x200.png', 'image/png', 300, 200],
    ['slide-300x200.jpg', 'image/jpeg', 300, 200],
    ['slide-300x200.webp', 'image/webp', 300, 200], // lossy (VP8)
    ['slide-300x200-lossless.webp', 'image/webp', 300, 200], // VP8L
    ['slide-300x200-alpha.webp', 'image/webp', 300, 200], // extended (VP8X)
    ['big-2400x1200.jpg', 'image/jpeg', 2400, 1200],
  ])('reads %s as %s %i×%i', (file, mime, width, height) => {
    const check = checkImageBytes(imageFixture(file));
    expect(check).toEqual({ ok: true, header: { mime, width, height } });
  });

  it('refuses SVG, even one that calls itself an image', () => {
    const svg = imageFixture('not-an-image.svg');
    expect(sniffImageType(svg)).toBeNull();
    expect(checkImageBytes(svg)).toEqual({ ok: false, reason: 'Only PNG, JPEG and WebP images can be added.' });
  });

  it('refuses GIF, HTML, empty and truncated bytes', () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
    expect(checkImageBytes(gif).ok).toBe(false);
    expect(checkImageBytes(new TextEncoder().encode('<html><img src=x onerror=alert(1)>')).ok).toBe(false);
    expect(checkImageBytes(new Uint8Array())).toEqual({ ok: false, reason: 'The image is empty.' });
    // The right magic, but cut before the size: damaged, not "fine".
    const png = imageFixture('slide-300x200.png').slice(0, 12);
    expect(checkImageBytes(png)).toEqual({ ok: false, reason: 'The image is damaged (no readable size).' });
    const riff = new TextEncoder().encode('RIFF\x00\x00\x00\x00WAVEfmt ');
    expect(sniffImageType(riff)).toBeNull();
  });

  it('refuses files over the byte limit and headers over the pixel limit', () => {
    const jpg = imageFixture('big-2400x1200.jpg');
    expect(checkImageBytes(jpg, { maxBytes: 1000 })).toEqual({
      ok: false,
      reason: 'The image is too large (over 0 MB).',
    });
    expect(checkImageBytes(jpg, { maxPixels: 2400 * 1200 - 1 })).toEqual({
      ok: false,
      reason: 'The image has too many pixels to store.',
    });
    expect(checkImageBytes(jpg, { maxPixels: 2400 * 1200 }).ok).toBe(true);
    // A PNG header claiming 100000×100000 (a decompression bomb) never reaches a decoder.
    const bomb = imageFixture('slide-300x200.png');
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(16, 100_000);
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(20, 100_000);
    expect(checkImageBytes(bomb)).toEqual({ ok: false, reason: 'The image has too many pixels to store.' });
  });
});

describe('fitWithin', () => {
  it('scales the longest side down to the limit, keeping the aspect, never up', () => {
    expect(fitWithin(3840, 2160, 1920)).toEqual({ width: 1920, height: 1080 });
    expect(fitWithin(2160, 3840, 1920)).toEqual({ width: 1080, height: 1920 });
    expect(fitWithin(800, 600, 1920)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(4000, 3, 1920)).toEqual({ width: 1920, height: 1 });
    expect(fitWithin(1920, 1920, 1280)).toEqual({ width: 1280, height: 1280 });
    expect(() => fitWithin(0, 10, 100)).toThrow(RangeError);
  });
});

describe('sha256Hex', () => {
  it('hashes bytes like any SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
