import type { ExportChoices, ExportScope } from '../lib/export/export-choices';
import './export.css';

export interface ExportTextFieldsProps {
  /** The scope shown: its own intro and closing are edited (a day's intro is not one talk's). */
  scope: ExportScope;
  intro: ExportChoices['intro'];
  closing: ExportChoices['closing'];
  onChange: (changes: Pick<Partial<ExportChoices>, 'intro' | 'closing'>) => void;
}

const valueOf = (e: Event) => (e.target as HTMLTextAreaElement).value;

/** The post's own words around the talks: an intro before them and a closing after, in Markdown. */
export function ExportTextFields({ scope, intro, closing, onChange }: ExportTextFieldsProps) {
  const single = scope === 'talk';
  return (
    <fieldset class="export-fields export-texts">
      <legend>Your words</legend>
      <label class="field full-row">
        <span>Intro</span>
        <textarea
          aria-label="Intro"
          rows={3}
          value={intro[scope]}
          placeholder={
            single
              ? 'Markdown, before the talk (optional)'
              : 'Markdown: what the event was, why you went. Left empty, the post starts with a line to replace.'
          }
          onInput={(e) => onChange({ intro: { ...intro, [scope]: valueOf(e) } })}
        />
      </label>
      <label class="field full-row">
        <span>Closing</span>
        <textarea
          aria-label="Closing"
          rows={2}
          value={closing[scope]}
          placeholder="Markdown, after the talks (optional)"
          onInput={(e) => onChange({ closing: { ...closing, [scope]: valueOf(e) } })}
        />
      </label>
    </fieldset>
  );
}
