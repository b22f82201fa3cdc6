import type { Talk } from '../lib/model';
import { EXPORT_SCOPES, type ExportScope } from '../lib/export/export-choices';
import type { ExportDay, ScopeSelection } from '../lib/export/export-scope';
import { TalkOptions } from './TalkOptions';
import './export.css';

export interface ExportScopeFieldsProps {
  talks: readonly Talk[];
  days: readonly ExportDay[];
  selection: ScopeSelection;
  onChange: (selection: ScopeSelection) => void;
  /** Day posts: leave out talks without notes or highlights (not offered for one talk). */
  onlyWithNotes?: boolean;
  onOnlyWithNotes?: (on: boolean) => void;
}

const SCOPE_LABELS: Record<ExportScope, string> = {
  talk: 'One talk',
  day: 'One day',
  days: 'Several days',
  all: 'All talks',
};

const plural = (n: number) => `${n} talk${n === 1 ? '' : 's'}`;

/** What the recap covers: a talk, a day, some days or everything. */
export function ExportScopeFields({
  talks,
  days,
  selection,
  onChange,
  onlyWithNotes,
  onOnlyWithNotes,
}: ExportScopeFieldsProps) {
  const set = (changes: Partial<ScopeSelection>) => onChange({ ...selection, ...changes });
  const toggleDay = (key: string, on: boolean) =>
    set({ days: on ? [...selection.days.filter((d) => d !== key), key] : selection.days.filter((d) => d !== key) });

  return (
    <fieldset class="export-fields">
      <legend>What to export</legend>
      <label class="field">
        <span>Scope</span>
        <select
          aria-label="Scope"
          value={selection.scope}
          onChange={(e) => set({ scope: (e.target as HTMLSelectElement).value as ExportScope })}
        >
          {EXPORT_SCOPES.map((s) => (
            <option key={s} value={s}>
              {SCOPE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {selection.scope === 'talk' && (
        <label class="field">
          <span>Talk</span>
          <select
            aria-label="Talk to export"
            value={selection.talkId ?? ''}
            onChange={(e) => set({ talkId: (e.target as HTMLSelectElement).value || null })}
          >
            <TalkOptions talks={talks} />
          </select>
        </label>
      )}
      {selection.scope === 'day' && (
        <label class="field">
          <span>Day</span>
          <select
            aria-label="Day to export"
            value={selection.days[0] ?? ''}
            onChange={(e) => set({ days: [(e.target as HTMLSelectElement).value] })}
          >
            {days.map((d) => (
              <option key={d.key} value={d.key}>
                {d.label} ({plural(d.talkIds.length)})
              </option>
            ))}
          </select>
        </label>
      )}
      {selection.scope === 'days' && (
        <fieldset class="day-checks">
          <legend>Days to export</legend>
          {days.map((d) => (
            <label key={d.key} class="check">
              <input
                type="checkbox"
                checked={selection.days.includes(d.key)}
                onChange={(e) => toggleDay(d.key, (e.target as HTMLInputElement).checked)}
              />
              {d.label} <span class="muted">({plural(d.talkIds.length)})</span>
            </label>
          ))}
        </fieldset>
      )}
      {selection.scope !== 'talk' && onOnlyWithNotes && (
        <label class="check full-row">
          <input
            type="checkbox"
            checked={!!onlyWithNotes}
            onChange={(e) => onOnlyWithNotes((e.target as HTMLInputElement).checked)}
          />
          {/* One flex item, so the words wrap as a sentence beside the box. */}
          <span>
            Only talks with notes or highlights{' '}
            <span class="muted">(talks marked “not attended” are always left out)</span>
          </span>
        </label>
      )}
    </fieldset>
  );
}
