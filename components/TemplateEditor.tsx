import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useDb, useExtensionIo } from './services';
import { updateTemplate, type TemplateFields } from '../lib/db/templates';
import type { Template } from '../lib/model';
import { pageStorage } from '../lib/notes';
import { validateTemplate, type Snippets } from '../lib/recap';
import { variableCompletions, type Completion } from '../lib/recap/template-completion';
import { unknownVariables } from '../lib/recap/templates';
import { renderTagFor, snippetName } from '../lib/export/snippets';
import { describeTemplateError } from '../lib/export/error-text';
import {
  mirrorTemplate,
  parseTemplateFields,
  serializeTemplateFields,
  templateToEdit,
} from '../lib/export/local-mirror';
import type { PreviewInput } from '../lib/export/recap-input';
import { TEMPLATE_KIND_LABELS } from '../lib/export/starters';
import { templateFileName, templateFileText } from '../lib/export/template-files';
import { templateRows } from '../lib/export/template-rows';
import { RecapPreview } from './RecapPreview';
import { TemplateReference } from './TemplateReference';
import { useDebouncedValue } from './useDebouncedValue';
import { useDurableWriter } from './useDurableWriter';
import { useRecapRender } from './useRecapRender';
import './export.css';

/** Checking and previewing follow typing by this much; saving has its own (shorter) clock. */
export const CHECK_DEBOUNCE_MS = 250;

export interface TemplateEditorProps {
  /** The stored template; the editor keeps its own copy while the user types (give it `key={id}`). */
  template: Template;
  /** Talks to preview with; null while they load. */
  preview: PreviewInput | null;
  /** Called after pending edits are written, so an undo brings back the latest text. */
  onDelete: (id: string) => void;
  /** The user's snippets by render name (this one's stored text included; the typed text replaces it). */
  snippets?: Snippets;
}

/** Edit one template: name, kind, Liquid source; errors and a preview follow as you type. */
export function TemplateEditor({ template, preview, onDelete, snippets = {} }: TemplateEditorProps) {
  const db = useDb();
  const extension = useExtensionIo();
  const id = template.id;
  const [opened] = useState(() => templateToEdit(pageStorage(), template));
  const [fields, setFields] = useState<TemplateFields>(opened.fields);
  const latest = useRef(opened.fields);
  // Name, kind and body are written together, so one timestamp covers them (and the mirror).
  const writer = useDurableWriter((json) => updateTemplate(db, id, parseTemplateFields(json) ?? {}));

  useEffect(() => {
    if (opened.unsaved) writer.schedule(serializeTemplateFields(opened.fields));
  }, []);

  const change = (changes: Partial<TemplateFields>) => {
    const next = { ...latest.current, ...changes };
    latest.current = next;
    setFields(next);
    mirrorTemplate(pageStorage(), id, next);
    writer.schedule(serializeTemplateFields(next));
  };

  const { name, kind, body } = fields;
  const checkedBody = useDebouncedValue(body, CHECK_DEBOUNCE_MS);
  const request = useMemo(() => {
    if (!preview) return null;
    // A snippet is previewed as each talk would show it through `{% render %}`.
    if (kind === 'snippet')
      return {
        input: preview.input,
        options: {
          template: { kind: 'talk' as const, source: renderTagFor(name) },
          snippets: { ...snippets, [snippetName(name)]: checkedBody },
        },
      };
    return { input: preview.input, options: { template: { kind, source: checkedBody }, snippets } };
  }, [preview, kind, checkedBody, name, snippets]);
  // Rendered in a worker: the keystroke that ends a pause never waits for a 2,000-note render.
  const result = useRecapRender(request)?.result ?? null;
  const warnings = useMemo(() => {
    const check = validateTemplate(checkedBody, kind === 'snippet' ? undefined : kind, snippets);
    // An unknown variable is named where it is typed: "Line 2, column 4: “titel” is not…".
    const places = kind === 'snippet' ? [] : unknownVariables(checkedBody, kind, snippets);
    const placed = new Map(places.map((p) => [p.hint, `Line ${p.line}, column ${p.column}: ${p.hint}`]));
    // The error above may already say it ("produced no text. “title” is not a variable…").
    return check.ok
      ? check.warnings
          .filter((w) => !(result && !result.ok && result.error.message.includes(w)))
          .map((w) => placed.get(w) ?? w)
      : [];
  }, [checkedBody, kind, result, snippets]);

  // Completion of the variable at the caret, from the template reference.
  const [completion, setCompletion] = useState<Completion | null>(null);
  const source = useRef<HTMLTextAreaElement>(null);
  const suggest = (el: HTMLTextAreaElement) =>
    setCompletion(
      el.selectionStart === el.selectionEnd
        ? variableCompletions(el.value, el.selectionStart, kind === 'snippet' ? 'talk' : kind)
        : null,
    );
  const accept = (name: string) => {
    const el = source.current;
    if (!el || !completion) return;
    const at = el.selectionStart;
    const start = at - completion.partial.length;
    const next = `${el.value.slice(0, start)}${name}${el.value.slice(at)}`;
    el.value = next;
    el.setSelectionRange(start + name.length, start + name.length);
    change({ body: next });
    setCompletion(null);
    el.focus();
  };
  const onSourceKey = (e: KeyboardEvent) => {
    if (!completion) return;
    // Tab takes the first suggestion (only while one is shown; otherwise Tab leaves the box).
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      accept(completion.options[0]!.name);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setCompletion(null);
    }
  };

  const remove = async () => {
    await writer.flush();
    onDelete(id);
  };
  // The file carries this template's extra front matter rows from the Export view.
  const exportFile = async () => {
    const rows = await templateRows(db, pageStorage(), id).catch(() => []);
    await extension.saveFile(
      templateFileName({ name, kind }),
      templateFileText({ body }, rows),
      'text/plain;charset=utf-8',
    );
  };

  return (
    <article class="template-editor" aria-label={`Edit template ${name}`}>
      <div class="field-grid">
        <label class="field">
          <span>Name</span>
          <input
            type="text"
            aria-label="Template name"
            value={name}
            onInput={(e) => change({ name: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label class="field">
          <span>Used for</span>
          <select
            aria-label="Template kind"
            value={kind}
            onChange={(e) => change({ kind: (e.target as HTMLSelectElement).value as Template['kind'] })}
          >
            {(['talk', 'day', 'snippet'] as const).map((k) => (
              <option key={k} value={k}>
                {TEMPLATE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {kind === 'snippet' && (
        <p class="muted render-hint">
          Use it in a template:{' '}
          {/* Breaks only between `{% render`, the name and `talk: talk %}` (never after the hyphen of `talk-heading`); a name too long for the line scrolls. */}
          <code class="render-tag">
            {(/^(\{% render) ('[^']*',) (.*)$/.exec(renderTagFor(name))?.slice(1) ?? [renderTagFor(name)]).map(
              (word, i) => (
                <Fragment key={i}>
                  {i > 0 && ' '}
                  <span>{word}</span>
                </Fragment>
              ),
            )}
          </code>
        </p>
      )}
      <label class="field">
        <span>Liquid source</span>
        <textarea
          ref={source}
          class="template-source"
          aria-label="Template source"
          aria-describedby={completion ? 'template-completion' : undefined}
          rows={18}
          spellcheck={false}
          value={body}
          onInput={(e) => {
            const el = e.target as HTMLTextAreaElement;
            change({ body: el.value });
            suggest(el);
          }}
          onKeyDown={onSourceKey}
          onBlur={() => setCompletion(null)}
        />
      </label>
      {completion && (
        <div class="completion" id="template-completion">
          <span class="muted">Tab completes:</span>{' '}
          <ul class="plain completion-list" aria-label="Variable completions">
            {completion.options.slice(0, 8).map((o) => (
              <li key={o.name}>
                <button
                  type="button"
                  class="link-button"
                  // Keeps the caret in the source box.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    accept(o.name);
                  }}
                >
                  <code>{o.name}</code>
                </button>{' '}
                <span class="muted">{o.doc.type}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result && !result.ok && (
        <p class="error template-error" role="alert">
          Template error. {describeTemplateError(result.error)}
        </p>
      )}
      {writer.error && (
        <p class="error" role="alert">
          Not saved: {writer.error.message}
        </p>
      )}
      {warnings.length > 0 && (
        <ul class="warnings" aria-label="Template warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <TemplateReference kind={kind === 'snippet' ? 'talk' : kind} />
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => void exportFile()}>
          Export template file
        </button>
        <button type="button" class="secondary danger" onClick={() => void remove()}>
          Delete template
        </button>
      </div>
      <h3>Preview</h3>
      {preview && <p class="muted">With {preview.source}.</p>}
      {result && !result.ok && <p class="muted">The preview comes back when the error is fixed.</p>}
      <RecapPreview result={result?.ok ? result : null} label="Template preview" />
    </article>
  );
}
