/**
 * Front matter for static-site generators and note apps: YAML between `---` (every tool), or
 * TOML between `+++` (Hugo sites that use TOML). Every string is written double-quoted with
 * escapes, so no title (colons, `#`, quotes, `---`, line breaks) can change the structure;
 * dates are written bare so Hugo and Jekyll read them as dates.
 */
import { isTomlDate, tomlEntry, tomlKey, tomlQuote } from './toml';

export type FrontMatterFlavour = 'hugo' | 'jekyll' | 'obsidian' | 'none';
export type FrontMatterFormat = 'yaml' | 'toml';
export type FrontMatterField = 'title' | 'date' | 'tags' | 'authors';
export type YamlScalar = string | number | boolean | null;
export type YamlValue = YamlScalar | readonly YamlScalar[];

/**
 * A date or date-time a user typed for a custom key (`2025-09-09`, `2025-09-09T10:30:00+02:00`):
 * written bare where the format reads it as a date, quoted otherwise, so it is never anything else.
 */
export class FrontMatterDate {
  constructor(readonly value: string) {}
}
export type FrontMatterValue = YamlValue | FrontMatterDate;

export interface FrontMatterOptions {
  flavour: FrontMatterFlavour;
  /** `yaml` (default, `---`) or `toml` (`+++`, Hugo); a TOML null leaves the key out. */
  format?: FrontMatterFormat;
  /** Key for each field (e.g. `{ date: 'datetime' }`); null leaves the field out. */
  keys?: Partial<Record<FrontMatterField, string | null>>;
  /** Hugo's `draft` (default true: an export is a first draft). */
  draft?: boolean;
  /** Jekyll's `layout` (default `post`). */
  layout?: string;
  /** Further keys, written after the standard ones in the given order (a standard key wins). */
  extra?: Record<string, FrontMatterValue>;
}

export interface FrontMatterFields {
  title: string;
  /** `YYYY-MM-DD`, optionally with a time and offset. */
  date: string | null;
  tags: readonly string[];
  authors: readonly string[];
}

/** Characters YAML requires escaped in a double-quoted scalar, plus line breaks of YAML 1.1. */
const YAML_UNSAFE =
  /[\\"\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SHORT_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/** A YAML double-quoted scalar that parses back to exactly `s`. */
export function yamlQuote(s: string): string {
  return `"${s.replace(YAML_UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)}"`;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?(?: ?(?:[+-]\d{2}:?\d{2}|Z))?)?$/;

/** Plain keys that YAML 1.1 or 1.2 would read as booleans or null. */
const RESERVED_KEY = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

function yamlKey(key: string): string {
  return PLAIN_KEY.test(key) && !RESERVED_KEY.test(key) ? key : yamlQuote(key);
}

function yamlScalar(value: YamlScalar): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : yamlQuote(String(value));
  return yamlQuote(value);
}

function yamlEntry(key: string, value: FrontMatterValue): string {
  if (value instanceof FrontMatterDate)
    return `${yamlKey(key)}: ${DATE.test(value.value) ? value.value : yamlQuote(value.value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return `${yamlKey(key)}: []`;
    return [`${yamlKey(key)}:`, ...value.map((v: YamlScalar) => `  - ${yamlScalar(v)}`)].join('\n');
  }
  return `${yamlKey(key)}: ${yamlScalar(value as YamlScalar)}`;
}

function keyFor(field: FrontMatterField, options: FrontMatterOptions): string | null {
  const custom = options.keys?.[field];
  if (custom === null) return null;
  return custom && custom.trim() !== '' ? custom.trim() : field;
}

function tomlValueEntry(key: string, value: FrontMatterValue): string {
  if (value instanceof FrontMatterDate)
    return `${tomlKey(key)} = ${isTomlDate(value.value) ? value.value : tomlQuote(value.value)}`;
  return tomlEntry(key, value);
}

/** The front matter block with its fences (`---`, or `+++` for TOML) and a trailing newline, or '' for `none`. */
export function renderFrontMatter(fields: FrontMatterFields, options: FrontMatterOptions): string {
  if (options.flavour === 'none') return '';
  const toml = options.format === 'toml';
  const entry = toml ? tomlValueEntry : yamlEntry;
  const lines: string[] = [];
  // A repeated key is an error for most YAML parsers and for every TOML one: the first writer wins.
  const written = new Set<string>();
  const push = (key: string, line: string) => {
    // Keyed as written: TOML turns a lone surrogate into U+FFFD, so two keys may become one.
    const id = toml ? tomlKey(key) : key;
    if (written.has(id)) return;
    written.add(id);
    if (line !== '') lines.push(line);
  };
  const add = (field: FrontMatterField, render: (key: string) => string) => {
    const key = keyFor(field, options);
    if (key !== null) push(key, render(key));
  };
  if (options.flavour === 'jekyll') push('layout', entry('layout', options.layout ?? 'post'));
  add('title', (key) => entry(key, fields.title));
  if (fields.date !== null) {
    const date = fields.date;
    add('date', (key) =>
      toml
        ? isTomlDate(date)
          ? `${tomlKey(key)} = ${date}`
          : tomlEntry(key, date)
        : DATE.test(date)
          ? `${yamlKey(key)}: ${date}`
          : yamlEntry(key, date),
    );
  }
  if (options.flavour === 'hugo') push('draft', entry('draft', options.draft ?? true));
  add('tags', (key) => entry(key, fields.tags));
  add('authors', (key) => entry(key, fields.authors));
  for (const [key, value] of Object.entries(options.extra ?? {})) push(key, entry(key, value));
  const fence = toml ? '+++' : '---';
  return `${fence}\n${lines.join('\n')}\n${fence}\n`;
}
