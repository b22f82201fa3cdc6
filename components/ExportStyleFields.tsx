import type { Template } from '../lib/model';
import { PRESET_NAMES, type FrontMatterFlavour, type FrontMatterFormat, type PresetName } from '../lib/recap';
import { FRONT_MATTER_FLAVOURS, FRONT_MATTER_FORMATS, type ExportChoices } from '../lib/export/export-choices';
import { KIND_SHORT_LABELS, presetLabel } from '../lib/export/starters';
import './export.css';

export interface ExportStyleFieldsProps {
  choices: ExportChoices;
  templates: readonly Template[];
  onChange: (changes: Partial<ExportChoices>) => void;
  /** The title used when the field is left empty; null hides the field (settings page). */
  defaultTitle: string | null;
  /** One talk's post: it has no Main takeaways section, so the box is not offered. */
  singleTalk?: boolean;
}

const FLAVOUR_LABELS: Record<FrontMatterFlavour, string> = {
  hugo: 'Hugo',
  jekyll: 'Jekyll',
  obsidian: 'Obsidian',
  none: 'None',
};

const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** How the recap looks: preset or template, front matter, title, authors, tags, main takeaways. */
export function ExportStyleFields({
  choices,
  templates,
  onChange,
  defaultTitle,
  singleTalk = false,
}: ExportStyleFieldsProps) {
  const templateKnown = templates.some((t) => t.id === choices.templateId);
  return (
    <fieldset class="export-fields">
      <legend>How it looks</legend>
      <label class="field">
        <span>Preset</span>
        <select
          aria-label="Preset"
          value={choices.preset}
          onChange={(e) => onChange({ preset: valueOf(e) as PresetName })}
        >
          {PRESET_NAMES.map((p) => (
            <option key={p} value={p}>
              {presetLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Template</span>
        <select
          aria-label="Template"
          value={templateKnown ? choices.templateId! : ''}
          onChange={(e) => onChange({ templateId: valueOf(e) || null })}
        >
          <option value="">None — the preset as it is</option>
          {templates
            .filter((t) => t.kind !== 'snippet')
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({KIND_SHORT_LABELS[t.kind]})
              </option>
            ))}
        </select>
      </label>
      <label class="field">
        <span>Front matter</span>
        <select
          aria-label="Front matter"
          value={choices.frontMatter}
          onChange={(e) => onChange({ frontMatter: valueOf(e) as FrontMatterFlavour })}
        >
          {FRONT_MATTER_FLAVOURS.map((f) => (
            <option key={f} value={f}>
              {FLAVOUR_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      {choices.frontMatter === 'hugo' && (
        // Hugo reads both; Jekyll and Obsidian read YAML only.
        <label class="field">
          <span>Written as</span>
          <select
            aria-label="Front matter format"
            value={choices.frontMatterFormat}
            onChange={(e) => onChange({ frontMatterFormat: valueOf(e) as FrontMatterFormat })}
          >
            {FRONT_MATTER_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'toml' ? 'TOML (+++)' : 'YAML (---)'}
              </option>
            ))}
          </select>
        </label>
      )}
      {defaultTitle !== null && (
        <label class="field">
          <span>Title</span>
          <input
            type="text"
            aria-label="Title"
            value={choices.title}
            placeholder={defaultTitle}
            onInput={(e) => onChange({ title: valueOf(e) })}
          />
        </label>
      )}
      <label class="field">
        <span>Authors</span>
        <input
          type="text"
          aria-label="Authors"
          value={choices.authors}
          placeholder="Comma-separated"
          onInput={(e) => onChange({ authors: valueOf(e) })}
        />
      </label>
      <label class="field">
        <span>Tags</span>
        <input
          type="text"
          aria-label="Tags"
          value={choices.tags}
          placeholder="Comma-separated"
          onInput={(e) => onChange({ tags: valueOf(e) })}
        />
      </label>
      {!singleTalk && (
        <label class="check">
          <input
            type="checkbox"
            checked={choices.mainTakeaways}
            onChange={(e) => onChange({ mainTakeaways: (e.target as HTMLInputElement).checked })}
          />
          Include main takeaways
        </label>
      )}
    </fieldset>
  );
}
