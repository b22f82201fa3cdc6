/**
 * What a structured clone (postMessage to the render worker) does not carry: class instances
 * arrive as plain objects. The only one in recap options is a front matter date (`FrontMatterDate`,
 * written unquoted in YAML and TOML), so the worker turns it back into one before rendering —
 * else the renderer takes it for text and fails ("t.replace is not a function").
 */
import type { RecapOptions } from '../recap';
import { FrontMatterDate, type FrontMatterValue } from '../recap/front-matter';

/** A cloned `FrontMatterDate`: a plain object whose one field is its text (no other value is an object). */
const isClonedDate = (v: unknown): v is { value: string } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof FrontMatterDate) &&
  typeof (v as { value?: unknown }).value === 'string';

/** `options` as they were before the clone (a copy where anything changed; the same object otherwise). */
export function reviveRecapOptions(options: RecapOptions): RecapOptions {
  const extra = options.frontMatter?.extra;
  if (!extra || !Object.values(extra).some(isClonedDate)) return options;
  // fromEntries defines each key as data, so a row named `__proto__` stays a key like any other.
  const revived: Record<string, FrontMatterValue> = Object.fromEntries(
    Object.entries(extra).map(([key, value]) => [key, isClonedDate(value) ? new FrontMatterDate(value.value) : value]),
  );
  return { ...options, frontMatter: { ...options.frontMatter!, extra: revived } };
}
