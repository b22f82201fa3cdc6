/** Small statistics for benchmark samples. Percentiles are nearest-rank (no interpolation). */

export function sorted(xs) {
  return [...xs].sort((a, b) => a - b);
}

export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}

/** Median of the finite values (a run that could not report a figure is left out). */
export function median(xs) {
  const s = sorted(xs.filter(Number.isFinite));
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function summary(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}
