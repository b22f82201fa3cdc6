import {
  FRONT_MATTER_ROW_TYPES,
  frontMatterExtra,
  type FrontMatterRow,
  type FrontMatterRowType,
} from '../lib/recap/front-matter-rows';
import './export.css';

export interface ExportFrontMatterRowsProps {
  rows: readonly FrontMatterRow[];
  onChange: (rows: FrontMatterRow[]) => void;
  /** Whose keys these are: `the Narrative preset`, `“Team post”`. */
  owner: string;
}

const TYPE_LABELS: Record<FrontMatterRowType, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'true/false',
  date: 'Date',
  datetime: 'Date and time',
  list: 'List',
};

const PLACEHOLDERS: Record<FrontMatterRowType, string> = {
  string: 'post.html',
  number: '10',
  boolean: 'true',
  date: '2025-09-09',
  datetime: '2025-09-09T10:30+02:00',
  list: 'DevOps, Events',
};

const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** Extra front matter keys (`template: post.html`, `showAuthor: true`…) as typed key / value rows. */
export function ExportFrontMatterRows({ rows, onChange, owner }: ExportFrontMatterRowsProps) {
  const problems = new Map(frontMatterExtra(rows).problems.map((p) => [p.index, p.message]));
  const set = (index: number, changes: Partial<FrontMatterRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  return (
    <fieldset class="export-fields front-matter-rows">
      <legend>Extra front matter</legend>
      <p class="muted full-row">Keys written after the standard ones, for {owner}.</p>
      {rows.map((row, i) => {
        const problem = problems.get(i);
        const n = i + 1;
        return (
          <fieldset key={i} class="fm-row full-row" aria-label={`Extra key ${n}`}>
            <input
              type="text"
              aria-label="Key"
              placeholder="key"
              value={row.key}
              spellcheck={false}
              onInput={(e) => set(i, { key: valueOf(e) })}
            />
            <select
              aria-label="Type"
              value={row.type}
              onChange={(e) => set(i, { type: valueOf(e) as FrontMatterRowType })}
            >
              {FRONT_MATTER_ROW_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="fm-remove"
              aria-label={`Remove extra key ${n}`}
              title="Remove"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
            <input
              class="fm-value"
              type="text"
              aria-label="Value"
              placeholder={PLACEHOLDERS[row.type]}
              value={row.value}
              spellcheck={false}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `fm-problem-${n}` : undefined}
              onInput={(e) => set(i, { value: valueOf(e) })}
            />
            {problem && (
              <p class="error fm-problem" id={`fm-problem-${n}`}>
                Not written: {problem}.
              </p>
            )}
          </fieldset>
        );
      })}
      <button
        type="button"
        class="full-row fm-add"
        onClick={() => onChange([...rows, { key: '', type: 'string', value: '' }])}
      >
        Add a key
      </button>
    </fieldset>
  );
}
