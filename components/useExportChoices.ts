import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadExportChoices, saveExportChoices } from '../lib/export/export-settings';
import { useDb } from './services';
import { pageStorage, type StorageFailure } from '../lib/notes';
import { DEFAULT_EXPORT_CHOICES, cleanExportChoices, type ExportChoices } from '../lib/export/export-choices';
import { choicesToUse, mirrorExportChoices } from '../lib/export/local-mirror';
import { useDurableWriter } from './useDurableWriter';

export interface ExportChoicesState {
  /** null while the remembered choices load. */
  choices: ExportChoices | null;
  update: (changes: Partial<ExportChoices>) => void;
  /** Why remembering the last change failed, if it did. */
  error: StorageFailure | null;
}

/**
 * The export choices remembered in settings: loaded once, mirrored in localStorage at once and
 * written to IndexedDB (debounced) on every change, so a panel closed right after a change keeps it.
 */
export function useExportChoices(): ExportChoicesState {
  const db = useDb();
  const [choices, setChoices] = useState<ExportChoices | null>(null);
  // The latest choices, for updates made before a re-render (two fields changed in one event).
  const current = useRef<ExportChoices | null>(null);
  const writer = useDurableWriter((json) => saveExportChoices(db, cleanExportChoices(JSON.parse(json))));
  const { schedule } = writer;

  useEffect(() => {
    let live = true;
    void loadExportChoices(db)
      .catch(() => ({ choices: DEFAULT_EXPORT_CHOICES, savedAt: null }))
      .then((stored) => {
        if (!live || current.current) return;
        const { choices: loaded, unsaved } = choicesToUse(pageStorage(), stored);
        current.current = loaded;
        setChoices(loaded);
        if (unsaved) schedule(JSON.stringify(loaded));
      });
    return () => {
      live = false;
    };
  }, [schedule]);

  const update = useCallback(
    (changes: Partial<ExportChoices>) => {
      const next = { ...(current.current ?? DEFAULT_EXPORT_CHOICES), ...changes };
      current.current = next;
      setChoices(next);
      mirrorExportChoices(pageStorage(), next);
      schedule(JSON.stringify(next));
    },
    [schedule],
  );

  return { choices, update, error: writer.error };
}
