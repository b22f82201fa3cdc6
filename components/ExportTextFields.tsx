import type { ExportChoices, ExportScope } from '../lib/export/export-choices';
import './export.css';

type TextKey = 'intro' | 'closing';

export interface ExportTextFieldsProps {
  /** The scope shown: its own intro and closing are edited (a day's intro is not one talk's). */
  scope: ExportScope;
  intro: ExportChoices['intro'];
  closing: ExportChoices['closing'];
  onChange: (changes: Pick<Partial<ExportChoices>, TextKey>) => void;
}

interface TextField {
  key: TextKey;
  label: string;
  rows: number;
  placeholder: (single: boolean) => string;
}

/** The two texts around the talks, in the order the post has them. */
const FIELDS: readonly TextField[] = [
  {
    key: 'intro',
    label: 'Intro',
    rows: 3,
    placeholder: (single) =>
      single
        ? 'Markdown, before the talk (optional)'
        : 'Markdown: what the event was, why you went. Left empty, the post starts with a line to replace.',
  },
  { key: 'closing', label: 'Closing', rows: 2, placeholder: () => 'Markdown, after the talks (optional)' },
];

/** The post's own words around the talks: an intro before them and a closing after, in Markdown. */
export function ExportTextFields({ scope, intro, closing, onChange }: ExportTextFieldsProps) {
  const single = scope === 'talk';
  const texts = { intro, closing };
  return (
    <fieldset class="export-fields export-texts">
      <legend>Your words</legend>
      {FIELDS.map(({ key, label, rows, placeholder }) => (
        <label key={key} class="field full-row">
          <span>{label}</span>
          <textarea
            aria-label={label}
            rows={rows}
            value={texts[key][scope]}
            placeholder={placeholder(single)}
            onInput={(e) => {
              const next = { ...texts[key], [scope]: (e.target as HTMLTextAreaElement).value };
              onChange(key === 'intro' ? { intro: next } : { closing: next });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
