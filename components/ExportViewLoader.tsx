import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ExportViewProps } from './ExportView';

/**
 * The Export view, loaded when first opened: it brings the recap renderer (Liquid, Markdown,
 * HTML sanitizing), which the panel's note-taking views never need at startup.
 */
export function ExportViewLoader(props: ExportViewProps) {
  const [View, setView] = useState<ComponentType<ExportViewProps> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('./ExportView').then(
      (m) => live && setView(() => m.ExportView),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        The Export view could not be loaded: {error}. Reload the panel.
      </p>
    );
  return View ? <View {...props} /> : <p class="muted">Loading…</p>;
}
