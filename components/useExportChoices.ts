import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { changedPaths, mergeChoices } from '../lib/export/choices-merge';
import { loadExportChoices, saveExportChanges, saveExportChoices } from '../lib/export/export-settings';
import { useDb } from './services';
import { pageStorage, type StorageFailure } from '../lib/notes';
import { DEFAULT_EXPORT_CHOICES, cleanExportChoices, type ExportChoices } from '../lib/export/export-choices';
import { choicesToUse, mirrorExportChoices, mirroredExportChoices } from '../lib/export/local-mirror';
import { useDurableWriter } from './useDurableWriter';

export interface ExportChoicesState {
  /** null while the remembered choices load. */
  choices: ExportChoices | null;
  update: (changes: Partial<ExportChoices>) => void;
  /** Why remembering the last change failed, if it did. */
  error: StorageFailure | null;
}

/** What the writer is handed: the choices, and which paths of them this page changed (null: all). */
interface PendingWrite {
  choices: ExportChoices;
  paths: string[] | null;
}

/**
 * The export choices remembered in settings: loaded once, mirrored in localStorage at once and
 * written to IndexedDB (debounced) on every change, so a panel closed right after a change keeps it.
 * Only what this page changed is written, over the newest copy (choices-merge.ts): a panel left
 * open never puts the rows it loaded back over a template's rows imported meanwhile.
 */
export function useExportChoices(): ExportChoicesState {
  const db = useDb();
  const [choices, setChoices] = useState<ExportChoices | null>(null);
  // The latest choices, for updates made before a re-render (two fields changed in one event).
  const current = useRef<ExportChoices | null>(null);
  /** Paths changed here since the last write to IndexedDB began. */
  const dirty = useRef(new Set<string>());
  const writer = useDurableWriter((json) => {
    const { choices: next, paths } = JSON.parse(json) as PendingWrite;
    const clean = cleanExportChoices(next);
    if (paths === null) return saveExportChoices(db, clean);
    dirty.current.clear();
    return saveExportChanges(db, clean, paths);
  });
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
        if (unsaved) schedule(JSON.stringify({ choices: loaded, paths: null } satisfies PendingWrite));
      });
    return () => {
      live = false;
    };
  }, [schedule]);

  const update = useCallback(
    (changes: Partial<ExportChoices>) => {
      const before = current.current ?? DEFAULT_EXPORT_CHOICES;
      const paths = changedPaths(before, { ...before, ...changes });
      for (const path of paths) dirty.current.add(path);
      // Laid over the newest mirror: another page (a template import) may have written since.
      const storage = pageStorage();
      const next = mergeChoices(mirroredExportChoices(storage) ?? before, { ...before, ...changes }, paths);
      current.current = next;
      setChoices(next);
      mirrorExportChoices(storage, next);
      schedule(JSON.stringify({ choices: next, paths: [...dirty.current] } satisfies PendingWrite));
    },
    [schedule],
  );

  return { choices, update, error: writer.error };
}
