import type { RecapResult } from '../lib/recap';
import { describeTemplateError } from '../lib/export/error-text';
import './export.css';

export interface RecapPreviewProps {
  /** null: nothing to show yet (loading, or nothing selected). */
  result: RecapResult | null;
  /** Accessible name of the preview text box. */
  label: string;
  rows?: number;
}

/** The Markdown exactly as it will be copied or saved — or, for a broken template, where and why. */
export function RecapPreview({ result, label, rows = 16 }: RecapPreviewProps) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <p class="error template-error" role="alert">
        Template error. {describeTemplateError(result.error)}
      </p>
    );
  }
  return (
    <textarea
      class="recap-preview"
      readOnly
      aria-label={label}
      rows={rows}
      value={result.markdown}
      spellcheck={false}
    />
  );
}
