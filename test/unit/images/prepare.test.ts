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

  it("keeps only the crop, in the picture's own pixels, for the picture and its thumbnail", async () => {
    const { codec, calls } = fixtureCodec();
    const source = imageFixture('big-2400x1200.jpg');
    const crop = { x: 0.25, y: 0.1, width: 0.5, height: 0.8 };
    const result = await prepareImage(source, codec, { crop });
    if (!result.ok) throw new Error(result.reason);
    const part = { sx: 600, sy: 120, sw: 1200, sh: 960 };
    expect(calls).toEqual([
      { width: 1200, height: 960, mime: 'image/webp', quality: 0.85, source: part },
      { width: 320, height: 256, mime: 'image/webp', quality: 0.7, source: part },
    ]);
    expect([result.image.width, result.image.height, result.image.crop]).toEqual([1200, 960, crop]);
    // The cropped picture is what is hashed: the same slide, whatever moves around it.
    expect(result.image.sourceHash).toBe(await sha256Hex(new Uint8Array(result.image.bytes)));
    expect(result.image.sourceHash).not.toBe(await sha256Hex(source as Uint8Array<ArrayBuffer>));
  });

  it('never keeps the source as it is when a crop applies, and ignores a crop of the whole picture', async () => {
    const cropped = await prepareImage(imageFixture('slide-300x200.webp'), fixtureCodec().codec, {
      crop: { x: 0, y: 0, width: 0.5, height: 1 },
    });
    expect(cropped.ok && [cropped.image.width, cropped.image.height]).toEqual([150, 200]);
    const whole = fixtureCodec();
    const kept = await prepareImage(imageFixture('slide-300x200.webp'), whole.codec, {
      crop: { x: 0, y: 0, width: 1, height: 1 },
    });
    expect(kept.ok && kept.image.crop).toBeUndefined();
    expect(whole.calls.every((c) => c.source === undefined)).toBe(true);
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
