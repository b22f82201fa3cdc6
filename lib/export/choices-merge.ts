/**
 * Export choices written by more than one page. The side panel keeps the whole choices object
 * in memory; the settings page (a template import) may meanwhile give a template its front
 * matter rows. A panel that wrote its whole object back would put the rows it loaded over the
 * imported ones. So each page writes only what it changed: a whole field, or one key of a
 * per-key field (rows per style, Intro and Closing per scope), laid over the newest stored copy.
 */
import type { ExportChoices } from './export-choices';

/** Fields holding one value per key, merged key by key. */
const KEYED = new Set<keyof ExportChoices>(['frontMatterRows', 'intro', 'closing']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs from `before` to `after`: `title`, `frontMatterRows/template:…`, `intro/day`… */
export function changedPaths(before: ExportChoices, after: ExportChoices): string[] {
  const paths: string[] = [];
  for (const field of Object.keys(after) as (keyof ExportChoices)[]) {
    if (KEYED.has(field)) {
      const a = before[field] as Readonly<Record<string, unknown>>;
      const b = after[field] as Readonly<Record<string, unknown>>;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        if (!same(a[key], b[key])) paths.push(`${field}/${key}`);
    } else if (!same(before[field], after[field])) paths.push(field);
  }
  return paths;
}

/** `theirs` (the newest stored copy) with `ours` at the paths this page changed. */
export function mergeChoices(theirs: ExportChoices, ours: ExportChoices, paths: Iterable<string>): ExportChoices {
  const next: Record<string, unknown> = { ...theirs };
  for (const field of KEYED) next[field] = { ...(theirs[field] as object) };
  for (const path of paths) {
    const slash = path.indexOf('/');
    const field = (slash < 0 ? path : path.slice(0, slash)) as keyof ExportChoices;
    if (!Object.hasOwn(ours, field)) continue;
    if (slash < 0 || !KEYED.has(field)) {
      next[field] = ours[field];
      continue;
    }
    const key = path.slice(slash + 1);
    const mine = ours[field] as Readonly<Record<string, unknown>>;
    const target = next[field] as Record<string, unknown>;
    if (Object.hasOwn(mine, key)) target[key] = mine[key];
    else delete target[key];
  }
  return next as unknown as ExportChoices;
}
