import { useEffect, useMemo, useState } from 'preact/hooks';
import { useDb } from './services';
import { listTemplates } from '../lib/db/templates';
import type { Talk } from '../lib/model';
import {
  frontMatterStyleKey,
  recapOptionsFor,
  renderExport,
  type ExportChoices,
  type ExportScope,
} from '../lib/export/export-choices';
import { presetLabel } from '../lib/export/starters';
import { snippetsOf } from '../lib/export/snippets';
import { exportDays, settleSelection, talksInScope, type ScopeSelection } from '../lib/export/export-scope';
import { loadRecapInput } from '../lib/export/recap-input';
import { recapTalks } from '../lib/recap/recap-data';
import { ExportActions } from './ExportActions';
import { buildPostFiles, buildRichText, buildZipExport, flavourOf } from '../lib/export/post-export';
import { ExportFrontMatterRows } from './ExportFrontMatterRows';
import { ExportScopeFields } from './ExportScopeFields';
import { ExportStyleFields } from './ExportStyleFields';
import { ExportTextFields } from './ExportTextFields';
import { RecapPreview } from './RecapPreview';
import { useRecapRender } from './useRecapRender';
import { useExportChoices } from './useExportChoices';
import { useLiveQuery } from './useLiveQuery';
import './export.css';

export interface ExportViewProps {
  talks: readonly Talk[];
  /** The talk "One talk" starts on (the Now view's current talk); else the first clipped talk. */
  talkId?: string | null;
  /** Open on this scope instead of the remembered one, e.g. `"talk"` for an "Export this talk" button. */
  initialScope?: ExportScope;
}

/** How long typing in the Export view's text fields must pause before the preview follows. */
export const TYPING_DEBOUNCE_MS = 150;

/** The same choices but for what is typed as free text (title, authors, tags, intro, closing, rows). */
function sameButTyped(a: ExportChoices, b: ExportChoices): boolean {
  const rest = (c: ExportChoices) =>
    JSON.stringify({ ...c, title: '', authors: '', tags: '', intro: null, closing: null, frontMatterRows: null });
  return rest(a) === rest(b);
}

/**
 * The choices the preview renders: a change of a select or box at once, typing in a text field
 * once it pauses for TYPING_DEBOUNCE_MS (from the first choices on, so typing right after the view
 * opens is debounced too).
 */
function useSettledChoices(choices: ExportChoices | null): ExportChoices | null {
  const [settled, setSettled] = useState(choices);
  useEffect(() => {
    if (!choices) return;
    if (!settled || !sameButTyped(choices, settled)) {
      setSettled(choices);
      return;
    }
    const timer = setTimeout(() => setSettled(choices), TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [choices]);
  return settled;
}

/** `Narrative` from `Narrative — a heading per talk…`. */
const presetShortName = (preset: Parameters<typeof presetLabel>[0]) => presetLabel(preset).split(' — ')[0]!;

/** Turn clipped talks and notes into a Markdown post: choose, preview, then copy or download. */
export function ExportView({ talks, talkId = null, initialScope }: ExportViewProps) {
  const db = useDb();
  const { choices, update, error: rememberError } = useExportChoices();
  const days = useMemo(() => exportDays(talks), [talks]);
  const [scopeOverride, setScopeOverride] = useState<ExportScope | null>(initialScope ?? null);
  const [picked, setPicked] = useState<{ talkId: string | null; days: readonly string[] }>(() => ({
    talkId,
    days: days.slice(0, 1).map((d) => d.key),
  }));

  const selection = settleSelection(talks, { scope: scopeOverride ?? choices?.scope ?? 'day', ...picked });
  const inScope = talksInScope(talks, selection);
  const scopeKey = inScope.map((t) => t.id).join(',');
  // Tagged with its scope: until the new query answers, the old answer must not be exported.
  const loaded = useLiveQuery(async () => ({ scopeKey, input: await loadRecapInput(db, inScope) }), [scopeKey, talks]);
  const input = loaded.status === 'ready' && loaded.value.scopeKey === scopeKey ? loaded.value.input : null;
  const templates = useLiveQuery(() => listTemplates(db));
  const templateList = templates.status === 'ready' ? templates.value : [];
  const template = templateList.find((t) => t.id === choices?.templateId && t.kind !== 'snippet') ?? null;
  const snippets = useMemo(() => snippetsOf(templateList), [templateList]);

  // Typing in the text fields (title, intro, closing, front matter rows…) re-renders the post once
  // the typing pauses, not on every key: the render stays off the keystroke's path. Other
  // choices apply at once.
  const settled = useSettledChoices(choices);
  const renderChoices = choices && settled && sameButTyped(choices, settled) ? settled : choices;
  const request = useMemo(() => {
    // Until templates load, a chosen template would silently fall back to the preset.
    if (!renderChoices || !input || inScope.length === 0 || templates.status === 'loading') return null;
    // The scope shown (an "Export this talk" button may override the remembered one).
    return { input, options: recapOptionsFor({ ...renderChoices, scope: selection.scope }, template, snippets) };
  }, [renderChoices, selection.scope, input, template, snippets, inScope.length, templates.status]);
  // Rendered in a worker (off the keystroke's path); the last recap stays shown until the next is in.
  const rendered = useRecapRender(request);
  const result = request ? (rendered?.result ?? null) : null;
  const optionsFor = (c: ExportChoices) => recapOptionsFor({ ...c, scope: selection.scope }, template, snippets);
  // What an action exports is what is typed now: a click within the typing pause (or before the
  // worker answers) must not take an older preview, so it renders the latest choices when they differ.
  const recapNow = () => {
    if (!choices || !input || inScope.length === 0) return null;
    const now =
      renderChoices === choices && rendered && rendered.request === request
        ? rendered.result
        : renderExport(input, optionsFor(choices));
    return now?.ok ? now : null;
  };
  // Day posts leave out talks not attended and (by choice) those without notes: say so when that is all of them.
  const dayOptions =
    choices && selection.scope !== 'talk' ? recapOptionsFor({ ...choices, scope: selection.scope }, null) : null;
  const shown = input && dayOptions ? recapTalks(input, dayOptions).length : null;

  const changeSelection = (next: ScopeSelection) => {
    if (next.scope !== selection.scope) {
      setScopeOverride(null);
      update({ scope: next.scope });
    }
    setPicked({ talkId: next.talkId, days: next.days });
  };

  if (talks.length === 0) {
    return <p class="muted">Clip a talk and take notes first: the recap is made from them.</p>;
  }
  if (!choices) return <p class="muted">Loading…</p>;
  const conferenceName = input?.conference?.name;
  const styleKey = frontMatterStyleKey({ preset: choices.preset, templateId: template?.id ?? null });
  return (
    <section class="export-view" aria-label="Export recap">
      <ExportScopeFields
        talks={talks}
        days={days}
        selection={selection}
        onChange={changeSelection}
        onlyWithNotes={choices.onlyWithNotes}
        onOnlyWithNotes={(on) => update({ onlyWithNotes: on })}
      />
      <ExportStyleFields
        choices={choices}
        templates={templateList}
        onChange={update}
        singleTalk={selection.scope === 'talk'}
        defaultTitle={
          selection.scope === 'talk' && inScope[0]
            ? inScope[0].title
            : conferenceName
              ? `${conferenceName} – Recap`
              : 'Conference recap'
        }
      />
      {choices.frontMatter !== 'none' && (
        <ExportFrontMatterRows
          owner={template ? `the template “${template.name}”` : `the ${presetShortName(choices.preset)} preset`}
          rows={choices.frontMatterRows[styleKey] ?? []}
          onChange={(rows) => update({ frontMatterRows: { ...choices.frontMatterRows, [styleKey]: rows } })}
        />
      )}
      <ExportTextFields scope={selection.scope} intro={choices.intro} closing={choices.closing} onChange={update} />
      {rememberError && (
        <p class="error" role="alert">
          Your choices could not be remembered: {rememberError.message}
        </p>
      )}
      {loaded.status === 'error' && (
        <p class="error" role="alert">
          Your notes could not be read: {loaded.error.message}
        </p>
      )}
      {inScope.length === 0 && <p class="muted">Choose at least one day to export.</p>}
      {inScope.length > 0 && shown === 0 && (
        <p class="muted" role="status">
          No talk here has notes or highlights{choices.onlyWithNotes ? '' : ' you attended'}: untick “Only talks with
          notes or highlights” or take notes first.
        </p>
      )}
      <h2>Preview</h2>
      <RecapPreview result={result} label="Recap preview" />
      <ExportActions
        recap={result?.ok ? result : null}
        recapNow={recapNow}
        zip={choices && input && result?.ok ? () => buildZipExport(db, input, optionsFor(choices)) : null}
        rich={choices && input && result?.ok ? () => buildRichText(db, input, optionsFor(choices)) : null}
        folder={{
          flavour: flavourOf(optionsFor(choices)),
          build: input && result?.ok ? (copy) => buildPostFiles(db, input, optionsFor(choices), copy) : null,
        }}
      />
    </section>
  );
}
