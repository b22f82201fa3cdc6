import { useDb } from './services';
import { listTemplates } from '../lib/db/templates';
import { ExportStyleFields } from './ExportStyleFields';
import { useExportChoices } from './useExportChoices';
import { useLiveQuery } from './useLiveQuery';
import './export.css';

/** The Export view's choices, set ahead of time: the panel remembers changes made in either place. */
export function ExportDefaultsSection() {
  const db = useDb();
  const { choices, update, error } = useExportChoices();
  const templates = useLiveQuery(() => listTemplates(db));
  return (
    <section aria-labelledby="export-defaults-heading" class="card">
      <h2 id="export-defaults-heading">Recap export</h2>
      <p class="muted">What the side panel’s Export view starts with. It remembers what you pick there too.</p>
      {choices ? (
        <ExportStyleFields
          choices={choices}
          templates={templates.status === 'ready' ? templates.value : []}
          onChange={update}
          defaultTitle={null}
        />
      ) : (
        <p class="muted">Loading…</p>
      )}
      {error && (
        <p class="error" role="alert">
          Not saved: {error.message}
        </p>
      )}
    </section>
  );
}
