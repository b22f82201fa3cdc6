/** Longest side of a stored image, in pixels, unless the user chose another (settings). */
export const DEFAULT_MAX_SIDE = 1920;
/** The choices the settings page offers for the longest side (px). */
export const MAX_SIDE_CHOICES = [1280, 1600, 1920, 2560, 3840] as const;

/** A stored or restored setting as a longest side: one of the choices, else the default. */
export function imageMaxSideOf(value: unknown): number {
  return MAX_SIDE_CHOICES.find((side) => side === value) ?? DEFAULT_MAX_SIDE;
}

/** Longest side of a thumbnail: sharp at 2× in the note list's ~160 px column. */
export const THUMB_MAX_SIDE = 320;

/**
 * The size an image is stored at: scaled down so its longest side is at most `maxSide`, aspect
 * kept, never scaled up; whole pixels, at least 1.
 */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  if (!(width > 0 && height > 0 && maxSide > 0))
    throw new RangeError(`fitWithin: bad size ${width}×${height}/${maxSide}`);
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
