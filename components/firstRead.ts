import type { PanelFirstRead } from '../lib/talks/panel-first-read';

/**
 * The side panel's first read (lib/talks/panel-first-read.ts), handed to the hooks that would
 * read the same rows: each part is taken once, by the first component that mounts for it, so a
 * list mounted later (another talk, another visit to the Now view) reads afresh. Their live
 * queries still run: they replace a part only when the rows changed since.
 */
let first: PanelFirstRead | null = null;
let readAt = 0;
const taken = new Set<string>();
/** Older than this, a part is not used: the live query's own read is as quick as a stale frame. */
const FRESH_MS = 5_000;

export function setPanelFirstRead(read: PanelFirstRead | null): void {
  first = read;
  readAt = performance.now();
  taken.clear();
}

/** A part of the first read, once (`select` answers undefined when the read is not for this use). */
export function takeFirstRead<T>(
  part: string,
  select: (read: PanelFirstRead) => T | undefined,
): { value: T } | undefined {
  if (!first || taken.has(part) || performance.now() - readAt > FRESH_MS) return undefined;
  taken.add(part);
  const value = select(first);
  return value === undefined ? undefined : { value };
}
