/**
 * Custom front matter keys as the user types them: key / type / value rows (the Export view
 * keeps them per preset and per template). Each row becomes a typed value for
 * `renderFrontMatter`'s `extra`, which quotes and escapes it for YAML or TOML: a row's key and
 * value are data, never front matter syntax.
 */
import { FrontMatterDate, type FrontMatterValue } from './front-matter';
import { isTomlDate } from './toml';

export const FRONT_MATTER_ROW_TYPES = ['string', 'number', 'boolean', 'date', 'datetime', 'list'] as const;
export type FrontMatterRowType = (typeof FRONT_MATTER_ROW_TYPES)[number];

export interface FrontMatterRow {
  key: string;
  type: FrontMatterRowType;
  /** As typed: `true`, `42`, `2025-09-09`, `a, b, c` for a list. */
  value: string;
}

/** Keys Talkmark writes itself: a row cannot replace them (Hugo's `draft` excepted, see below). */
export const STANDARD_FRONT_MATTER_KEYS = ['title', 'date', 'tags', 'authors', 'layout'] as const;

export type RowValue = { ok: true; value: FrontMatterValue } | { ok: false; message: string };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** `2025-09-09T10:30`, `2025-09-09 10:30:15`, with `Z` or `+02:00` optional. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(Z|[+-]\d{2}:\d{2})?$/;

/** The typed value of one row, or why it is not one. */
export function frontMatterRowValue(row: FrontMatterRow): RowValue {
  const raw = row.value.trim();
  switch (row.type) {
    case 'string':
      return { ok: true, value: row.value };
    case 'number': {
      const n = raw === '' ? Number.NaN : Number(raw);
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'is not a number' };
    }
    case 'boolean':
      return /^(true|false)$/i.test(raw)
        ? { ok: true, value: raw.toLowerCase() === 'true' }
        : { ok: false, message: 'is neither true nor false' };
    case 'date':
      return DATE_ONLY.test(raw) && isTomlDate(raw)
        ? { ok: true, value: new FrontMatterDate(raw) }
        : { ok: false, message: 'is not a date (YYYY-MM-DD)' };
    case 'datetime': {
      const m = DATE_TIME.exec(raw);
      // Seconds are added: YAML and TOML both read a date-time as one only with them.
      const value = m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}${m[4] ?? ''}` : '';
      return m && isTomlDate(value)
        ? { ok: true, value: new FrontMatterDate(value) }
        : { ok: false, message: 'is not a date and time (YYYY-MM-DDTHH:MM, optionally +02:00)' };
    }
    case 'list':
      return {
        ok: true,
        value: row.value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
  }
}

export interface RowProblem {
  index: number;
  message: string;
}

export interface FrontMatterExtra {
  extra: Record<string, FrontMatterValue>;
  /** Hugo's `draft`, when a row sets it (the export's own `draft: true` gives way). */
  draft?: boolean;
  /** Rows left out, and why: shown beside them. */
  problems: RowProblem[];
}

/** Rows → `extra` (in order; empty keys skipped), with the rows that could not be written. */
export function frontMatterExtra(rows: readonly FrontMatterRow[]): FrontMatterExtra {
  const extra: Record<string, FrontMatterValue> = Object.create(null);
  const problems: RowProblem[] = [];
  let draft: boolean | undefined;
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '') return;
    const value = frontMatterRowValue(row);
    if (!value.ok) return problems.push({ index, message: `“${key}” ${value.message}` });
    if ((STANDARD_FRONT_MATTER_KEYS as readonly string[]).includes(key))
      return problems.push({ index, message: `“${key}” is written by Talkmark: change it in the fields above` });
    if (Object.hasOwn(extra, key)) return problems.push({ index, message: `“${key}” is already a key above` });
    // Hugo's own `draft` line takes it (the repeated key is then skipped); other tools get the key.
    if (key === 'draft' && typeof value.value === 'boolean') draft = value.value;
    extra[key] = value.value;
  });
  return { extra: { ...extra }, ...(draft === undefined ? {} : { draft }), problems };
}
