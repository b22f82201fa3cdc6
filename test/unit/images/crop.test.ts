import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampCrop,
  composeCrop,
  cropFromDrag,
  cropPixels,
  cropPlace,
  cropWithin,
  isValidCrop,
  isWholeCrop,
  MIN_CROP_SIDE,
  moveCrop,
  resizeCrop,
  WHOLE_CROP,
} from '../../../lib/images/crop';

const crop = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const anyNumber = fc.oneof(fc.double({ min: -2, max: 3, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, -0));

describe('capture crop maths', () => {
  it('makes a rectangle from a drag in any direction', () => {
    expect(cropFromDrag({ x: 0.1, y: 0.2 }, { x: 0.6, y: 0.9 })).toEqual(crop(0.1, 0.2, 0.5, 0.7));
    expect(cropFromDrag({ x: 0.6, y: 0.9 }, { x: 0.1, y: 0.2 })).toEqual(crop(0.1, 0.2, 0.5, 0.7));
    // Past the picture's edges: cut at them.
    expect(cropFromDrag({ x: 0.5, y: 0.5 }, { x: 1.4, y: -0.3 })).toEqual(crop(0.5, 0, 0.5, 0.5));
  });

  it('grows a click or a tiny drag to the minimum side, toward the drag and inside the picture', () => {
    expect(cropFromDrag({ x: 0.3, y: 0.3 }, { x: 0.3, y: 0.3 })).toEqual(crop(0.3, 0.3, MIN_CROP_SIDE, MIN_CROP_SIDE));
    expect(cropFromDrag({ x: 0.3, y: 0.3 }, { x: 0.29, y: 0.31 })).toEqual(
      crop(0.25, 0.3, MIN_CROP_SIDE, MIN_CROP_SIDE),
    );
    expect(cropFromDrag({ x: 0.99, y: 0.99 }, { x: 1, y: 1 })).toEqual(crop(0.95, 0.95, MIN_CROP_SIDE, MIN_CROP_SIDE));
  });

  it('moves without changing size, stopping at the edges', () => {
    expect(moveCrop(crop(0.1, 0.1, 0.5, 0.5), 0.01, -0.01)).toEqual(crop(0.11, 0.09, 0.5, 0.5));
    expect(moveCrop(crop(0.45, 0, 0.5, 0.5), 0.1, -0.1)).toEqual(crop(0.5, 0, 0.5, 0.5));
  });

  it('resizes from the right and bottom edges, never below the minimum nor past the picture', () => {
    expect(resizeCrop(crop(0.1, 0.1, 0.5, 0.5), 0.01, -0.01)).toEqual(crop(0.1, 0.1, 0.51, 0.49));
    expect(resizeCrop(crop(0.1, 0.1, 0.06, 0.5), -0.1, 0.9)).toEqual(crop(0.1, 0.1, MIN_CROP_SIDE, 0.9));
  });

  it('turns fractions into whole pixels inside the picture', () => {
    expect(cropPixels(crop(0.1, 0.2, 0.5, 0.5), 1920, 1080)).toEqual({ sx: 192, sy: 216, sw: 960, sh: 540 });
    expect(cropPixels(WHOLE_CROP, 1366, 768)).toEqual({ sx: 0, sy: 0, sw: 1366, sh: 768 });
    expect(cropPixels(crop(0.95, 0.95, 0.05, 0.05), 3, 3)).toEqual({ sx: 2, sy: 2, sw: 1, sh: 1 });
  });

  it('composes a crop chosen inside a cropped picture into a crop of the whole capture, and back', () => {
    const outer = crop(0.2, 0.1, 0.5, 0.8);
    const inner = crop(0.1, 0.5, 0.5, 0.25);
    const whole = composeCrop(outer, inner);
    expect(whole).toEqual(crop(0.25, 0.5, 0.25, 0.2));
    expect(cropWithin(outer, whole)).toEqual(inner);
  });

  it('says where a crop lies in whole percentages (the editor’s label, the viewer’s line)', () => {
    expect(cropPlace({ x: 0.1, y: 0.2, width: 0.8, height: 0.789 })).toBe('80 % × 79 %, from 10 % left, 20 % top');
    expect(cropPlace(WHOLE_CROP)).toBe('100 % × 100 %, from 0 % left, 0 % top');
  });

  it('tells the whole picture and valid crops apart', () => {
    expect(isWholeCrop(WHOLE_CROP)).toBe(true);
    expect(isWholeCrop(crop(0, 0, 0.99, 1))).toBe(false);
    expect(isValidCrop(crop(0.5, 0.5, 0.5, 0.5))).toBe(true);
    expect(isValidCrop(crop(0.6, 0.5, 0.5, 0.5))).toBe(false);
    expect(isValidCrop(crop(0, 0, 0.01, 1))).toBe(false);
    expect(isValidCrop(crop(Number.NaN, 0, 1, 1))).toBe(false);
  });

  it('always gives a valid crop, whatever the input (property)', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (a, b, c, d, e, f) => {
        const made = [
          clampCrop(crop(a, b, c, d)),
          cropFromDrag({ x: a, y: b }, { x: c, y: d }),
          moveCrop(clampCrop(crop(a, b, c, d)), e, f),
          resizeCrop(clampCrop(crop(a, b, c, d)), e, f),
        ];
        for (const m of made) expect(isValidCrop(m), JSON.stringify(m)).toBe(true);
        const px = cropPixels(made[0]!, 1280, 720);
        expect(px.sx + px.sw).toBeLessThanOrEqual(1280);
        expect(px.sy + px.sh).toBeLessThanOrEqual(720);
        expect(Math.min(px.sw, px.sh)).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
