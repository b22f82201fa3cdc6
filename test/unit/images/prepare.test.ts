import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../../lib/images/check';
import { sha256Hex } from '../../../lib/images/hash';
import { prepareImage } from '../../../lib/images/prepare';
import { fixtureCodec, imageFixture } from './fixtures';

describe('prepareImage', () => {
  it('downscales to 1920 px on the longest side as WebP, with a 320 px thumbnail and the source hash', async () => {
    const { codec, calls } = fixtureCodec();
    const source = imageFixture('big-2400x1200.jpg');
    const result = await prepareImage(source, codec);
    if (!result.ok) throw new Error(result.reason);
    const { image } = result;
    expect(calls).toEqual([
      { width: 1920, height: 960, mime: 'image/webp', quality: 0.85 },
      { width: 320, height: 160, mime: 'image/webp', quality: 0.7 },
    ]);
    expect([image.width, image.height, image.mime]).toEqual([1920, 960, 'image/webp']);
    expect([image.thumbWidth, image.thumbHeight, image.thumbMime]).toEqual([320, 160, 'image/webp']);
    expect(new TextDecoder().decode(new Uint8Array(image.bytes).slice(-8))).toBe('1920x960');
    expect(image.sourceHash).toBe(await sha256Hex(source as Uint8Array<ArrayBuffer>));
  });

  it('takes the longest side from the options', async () => {
    const { codec, calls } = fixtureCodec();
    const result = await prepareImage(imageFixture('big-2400x1200.jpg'), codec, { maxSide: 1280 });
    expect(result.ok && [result.image.width, result.image.height]).toEqual([1280, 640]);
    expect(calls[0]).toMatchObject({ width: 1280, height: 640 });
  });

  it('keeps a small source as it is when re-encoding would not make it smaller', async () => {
    const { codec } = fixtureCodec();
    const source = imageFixture('slide-300x200.webp'); // fits, and is smaller than the "re-encoding"
    const result = await prepareImage(source, codec);
    if (!result.ok) throw new Error(result.reason);
    expect(new Uint8Array(result.image.bytes)).toEqual(source);
    expect(result.image.mime).toBe('image/webp');
  });

  it('stores what the encoder really produced when it cannot do WebP (sniffed, not trusted)', async () => {
    const { codec } = fixtureCodec({ webp: false });
    const result = await prepareImage(imageFixture('big-2400x1200.jpg'), codec);
    if (!result.ok) throw new Error(result.reason);
    expect(result.image.mime).toBe('image/png');
    expect(sniffImageType(new Uint8Array(result.image.thumb))).toBe('image/png');
  });

  it('refuses SVG before decoding, and says so', async () => {
    const { codec, calls } = fixtureCodec();
    const result = await prepareImage(imageFixture('not-an-image.svg'), codec);
    expect(result).toEqual({ ok: false, reason: 'Only PNG, JPEG and WebP images can be added.' });
    expect(calls).toEqual([]);
  });

  it('reports a decoder failure and an encoder that answers garbage', async () => {
    const { codec } = fixtureCodec();
    const broken = { ...codec, decode: () => Promise.reject(new Error('bad')) };
    expect(await prepareImage(imageFixture('slide-300x200.png'), broken)).toEqual({
      ok: false,
      reason: 'The image could not be read (damaged or not supported by this browser).',
    });
    const garbage = { ...codec, encode: async () => new TextEncoder().encode('<svg/>') };
    const result = await prepareImage(imageFixture('big-2400x1200.jpg'), garbage);
    expect(result.ok).toBe(false);
  });
});
