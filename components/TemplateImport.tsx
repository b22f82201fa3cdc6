import { useState } from 'preact/hooks';
import { useDb } from './services';
import { createTemplate } from '../lib/db/templates';
import type { Template } from '../lib/model';
import { describeTemplateError } from '../lib/export/error-text';
import { KIND_SHORT_LABELS } from '../lib/export/starters';
import { setTemplateRows } from '../lib/export/template-rows';
import { pageStorage } from '../lib/notes';
import { MAX_TEMPLATE_FILE_BYTES, parseTemplateFile, TEMPLATE_FILE_ACCEPT } from '../lib/export/template-files';
import './export.css';

export interface TemplateImportProps {
  onImported: (template: Template) => void;
}

type Status = { ok: boolean; text: string };

/** Add a template from a .liquid/.md file; a file that does not parse is refused with its line and reason. */
export function TemplateImport({ onImported }: TemplateImportProps) {
  const db = useDb();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_TEMPLATE_FILE_BYTES) {
      setStatus({ ok: false, text: `${file.name} was not imported: it is too large to be a template.` });
      return;
    }
    setBusy(true);
    try {
      const parsed = parseTemplateFile(file.name, await file.text());
      if (!parsed.ok) {
        const detail = parsed.error ? ` ${describeTemplateError(parsed.error)}` : '';
        setStatus({ ok: false, text: `${file.name}: ${parsed.message}${detail}` });
        return;
      }
      const saved = await createTemplate(db, parsed);
      if (!saved.ok) {
        setStatus({ ok: false, text: `${file.name} was not imported: ${saved.error.message}` });
        return;
      }
      // Its extra front matter rows become this template's in the Export view.
      const rows = parsed.frontMatterRows.length
        ? await setTemplateRows(db, pageStorage(), saved.value.id, parsed.frontMatterRows)
        : null;
      const rowsNote =
        rows === null
          ? ''
          : rows.ok
            ? ` with ${parsed.frontMatterRows.length} front matter ${parsed.frontMatterRows.length === 1 ? 'key' : 'keys'}`
            : `, but its front matter keys were not kept: ${rows.error.message}`;
      setStatus({
        ok: true,
        text: `Imported “${saved.value.name}” (${KIND_SHORT_LABELS[saved.value.kind]})${rowsNote}.`,
      });
      onImported(saved.value);
    } catch (err) {
      setStatus({
        ok: false,
        text: `${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <label class="file-button">
        Import template file…
        <input
          type="file"
          accept={TEMPLATE_FILE_ACCEPT}
          aria-label="Import template file"
          disabled={busy}
          onChange={(e) => void importFile(e.target as HTMLInputElement)}
        />
      </label>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'ok' : 'error'}>
          {status.text}
        </p>
      )}
    </>
  );
}
