import { useMemo, useState } from 'preact/hooks';
import { snippetsOf } from '../lib/export/snippets';
import { useDb } from './services';
import { createTemplate, deleteTemplate, listTemplates, restoreTemplate } from '../lib/db/templates';
import type { Template } from '../lib/model';
import { pageStorage } from '../lib/notes';
import { forgetTemplateMirror } from '../lib/export/local-mirror';
import { loadPreviewInput } from '../lib/export/recap-input';
import { findStarter, KIND_SHORT_LABELS, STARTER_CHOICES, starterBody } from '../lib/export/starters';
import { TemplateEditor } from './TemplateEditor';
import { TemplateImport } from './TemplateImport';
import { UndoToast } from './UndoToast';
import { useLiveQuery } from './useLiveQuery';
import './export.css';

/** The user's Liquid templates: list, create from a preset's starter, import, edit, export, delete. */
export function TemplatesSection() {
  const db = useDb();
  const templates = useLiveQuery(() => listTemplates(db));
  const preview = useLiveQuery(() => loadPreviewInput(db));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [starterId, setStarterId] = useState(STARTER_CHOICES[0]!.id);
  const [deleted, setDeleted] = useState<Template | null>(null);
  const [error, setError] = useState<string | null>(null);

  const list = templates.status === 'ready' ? templates.value : [];
  const selected = list.find((t) => t.id === selectedId) ?? null;
  const snippets = useMemo(() => snippetsOf(list), [list]);

  const create = async () => {
    const starter = findStarter(starterId);
    if (!starter) return;
    const result = await createTemplate(db, { name: starter.name, kind: starter.kind, body: starterBody(starter) });
    setError(result.ok ? null : `The template was not created: ${result.error.message}`);
    if (result.ok) setSelectedId(result.value.id);
  };
  const remove = async (id: string) => {
    const result = await deleteTemplate(db, id);
    setError(result.ok ? null : `The template was not deleted: ${result.error.message}`);
    if (result.ok) {
      forgetTemplateMirror(pageStorage(), id);
      setDeleted(result.value);
      setSelectedId(null);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    const result = await restoreTemplate(db, deleted);
    setError(result.ok ? null : `The template could not be brought back: ${result.error.message}`);
    if (result.ok) setSelectedId(deleted.id);
    setDeleted(null);
  };

  return (
    <section aria-labelledby="templates-heading" class="card templates-section">
      <h2 id="templates-heading">Recap templates</h2>
      <p class="muted">
        Liquid templates for the Export view: one for each talk (inside a preset’s post) or one for the whole post, and
        snippets they share (<code>{"{% render 'talk-heading', talk: talk %}"}</code>). Start from a preset and change
        what you like.
      </p>
      {templates.status === 'error' && (
        <p class="error" role="alert">
          Your templates could not be read: {templates.error.message}
        </p>
      )}
      {templates.status === 'ready' && list.length === 0 && <p class="muted">No templates yet.</p>}
      {list.length > 0 && (
        <ul class="plain template-list" aria-label="Your templates">
          {list.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                class="tab"
                aria-pressed={t.id === selectedId}
                onClick={() => setSelectedId(t.id === selectedId ? null : t.id)}
              >
                {t.name}
              </button>{' '}
              <span class="muted">{KIND_SHORT_LABELS[t.kind]}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="button-row">
        <select
          aria-label="Starter"
          class="starter-select"
          value={starterId}
          onChange={(e) => setStarterId((e.target as HTMLSelectElement).value)}
        >
          {STARTER_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void create()}>
          Create template
        </button>
        <TemplateImport onImported={(t) => setSelectedId(t.id)} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {selected && (
        <TemplateEditor
          key={selected.id}
          template={selected}
          preview={preview.status === 'ready' ? preview.value : null}
          onDelete={(id) => void remove(id)}
          snippets={snippets}
        />
      )}
      {deleted && (
        <UndoToast
          message={`Deleted “${deleted.name}”.`}
          onUndo={() => void undo()}
          onDismiss={() => setDeleted(null)}
        />
      )}
    </section>
  );
}
