import type { CaptureCrop } from '../model';

/**
 * The crop a talk's slide captures keep (the slide area of a stream), as fractions of the
 * capture: a rectangle chosen once on a picture still fits the next capture after the window
 * was resized or moved to a screen of another scale. Pure maths: the viewer draws and nudges it,
 * the capture path turns it into pixels.
 */

/** The smallest crop side, as a fraction: a slide is never a few pixels wide. */
export const MIN_CROP_SIDE = 0.05;
/** One arrow key press moves or resizes the crop by this fraction of the picture. */
export const CROP_STEP = 0.01;
/** With PageUp/PageDown-sized steps (Ctrl or ⌘ held), ten times as far. */
export const CROP_BIG_STEP = 0.1;

export const WHOLE_CROP: CaptureCrop = { x: 0, y: 0, width: 1, height: 1 };

const EPSILON = 1e-6;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Four decimals: a tenth of a pixel on an 8K capture, and tidy records. */
const tidy = (v: number) => Math.round(v * 10_000) / 10_000;

/** Whether a stored value is a crop the capture can use: finite, inside the picture, not too small. */
export function isValidCrop(c: CaptureCrop): boolean {
  const { x, y, width, height } = c;
  if (![x, y, width, height].every(Number.isFinite)) return false;
  return (
    x >= 0 &&
    y >= 0 &&
    width >= MIN_CROP_SIDE - EPSILON &&
    height >= MIN_CROP_SIDE - EPSILON &&
    x + width <= 1 + EPSILON &&
    y + height <= 1 + EPSILON
  );
}

/** Any rectangle made into a valid crop: at least the minimum side, moved (not cut) to lie inside. */
export function clampCrop(c: CaptureCrop): CaptureCrop {
  if (![c.x, c.y, c.width, c.height].every(Number.isFinite)) return WHOLE_CROP;
  const width = clamp(c.width, MIN_CROP_SIDE, 1);
  const height = clamp(c.height, MIN_CROP_SIDE, 1);
  const x = clamp(c.x, 0, 1 - width);
  const y = clamp(c.y, 0, 1 - height);
  return { x: tidy(x), y: tidy(y), width: tidy(width), height: tidy(height) };
}

/** Whether the crop keeps the whole picture (nothing to cut). */
export function isWholeCrop(c: CaptureCrop): boolean {
  return c.x <= EPSILON && c.y <= EPSILON && c.x + c.width >= 1 - EPSILON && c.y + c.height >= 1 - EPSILON;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The rectangle a drag from `from` to `to` spans (fractions, any direction). A drag shorter than
 * the minimum side grows away from where it started, so a click does not make a sliver.
 */
export function cropFromDrag(from: Point, to: Point): CaptureCrop {
  const a = { x: clamp(from.x, 0, 1), y: clamp(from.y, 0, 1) };
  const b = { x: clamp(to.x, 0, 1), y: clamp(to.y, 0, 1) };
  const side = (start: number, end: number): [number, number] => {
    const length = Math.abs(end - start);
    if (length >= MIN_CROP_SIDE) return [Math.min(start, end), length];
    // Too short: the minimum side, toward the drag (or forward), kept inside the picture.
    const forward = end >= start ? start : start - MIN_CROP_SIDE;
    return [clamp(forward, 0, 1 - MIN_CROP_SIDE), MIN_CROP_SIDE];
  };
  const [x, width] = side(a.x, b.x);
  const [y, height] = side(a.y, b.y);
  return clampCrop({ x, y, width, height });
}

/** The crop moved by (dx, dy), stopping at the picture's edges (its size kept). */
export function moveCrop(c: CaptureCrop, dx: number, dy: number): CaptureCrop {
  return clampCrop({ ...c, x: c.x + dx, y: c.y + dy });
}

/** The crop's right and bottom edges moved by (dw, dh): at least the minimum side, never past the picture. */
export function resizeCrop(c: CaptureCrop, dw: number, dh: number): CaptureCrop {
  return clampCrop({
    ...c,
    width: clamp(c.width + dw, MIN_CROP_SIDE, 1 - c.x),
    height: clamp(c.height + dh, MIN_CROP_SIDE, 1 - c.y),
  });
}

/**
 * A crop chosen inside a picture that was itself cropped from the capture (`outer`), as a crop of
 * the whole capture: what the next capture must keep to show the same area.
 */
export function composeCrop(outer: CaptureCrop, inner: CaptureCrop): CaptureCrop {
  return clampCrop({
    x: outer.x + inner.x * outer.width,
    y: outer.y + inner.y * outer.height,
    width: inner.width * outer.width,
    height: inner.height * outer.height,
  });
}

/** The inverse of `composeCrop`: where `whole` (a crop of the capture) lies inside a picture cropped to `outer`. */
export function cropWithin(outer: CaptureCrop, whole: CaptureCrop): CaptureCrop {
  return clampCrop({
    x: (whole.x - outer.x) / outer.width,
    y: (whole.y - outer.y) / outer.height,
    width: whole.width / outer.width,
    height: whole.height / outer.height,
  });
}

export interface PixelRect {
  sx: number;
  sy: number;
  sw: number;
  sh: number;
}

/** The crop in whole pixels of a picture of this size: inside it, at least 1×1. */
export function cropPixels(c: CaptureCrop, width: number, height: number): PixelRect {
  const sx = clamp(Math.round(c.x * width), 0, width - 1);
  const sy = clamp(Math.round(c.y * height), 0, height - 1);
  const sw = clamp(Math.round((c.x + c.width) * width) - sx, 1, width - sx);
  const sh = clamp(Math.round((c.y + c.height) * height) - sy, 1, height - sy);
  return { sx, sy, sw, sh };
}

/** The crop as whole percentages, for a label ("from 10 %, 5 %, 60 % × 70 %"). */
export function cropPercent(c: CaptureCrop): { x: number; y: number; width: number; height: number } {
  const p = (v: number) => Math.round(v * 100);
  return { x: p(c.x), y: p(c.y), width: p(c.width), height: p(c.height) };
}

/** Where a crop lies, in words: "80 % × 79 %, from 10 % left, 20 % top" (the editor's label, the viewer's line). */
export function cropPlace(c: CaptureCrop): string {
  const p = cropPercent(c);
  return `${p.width} % × ${p.height} %, from ${p.x} % left, ${p.y} % top`;
}
