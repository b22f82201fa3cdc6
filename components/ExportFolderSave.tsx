import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  ensureWritable,
  findExisting,
  type FolderFile,
  type FolderHandle,
  freeCopyNumber,
  writeFolderFiles,
  type WriteReport,
} from '../lib/export/folder-write';
import { folderFilesOf, type PostFiles } from '../lib/export/post-export';
import type { LayoutFlavour } from '../lib/export/post-layout';
import { useExtensionIo } from './services';

export interface ExportFolderSaveProps {
  /** The post's front-matter flavour: which folder (each flavour remembers its own) and which layout. */
  flavour: LayoutFlavour;
  /** The post and its pictures; `copy` > 1 names a second copy (`…-2`) for "Save as new name". */
  build: ((copy: number) => Promise<{ ok: true; files: PostFiles } | { ok: false; message: string }>) | null;
}

type Status = { ok: boolean; text: string };
interface Conflict {
  folder: FolderHandle;
  files: FolderFile[];
  existing: string[];
}

const FOLDER_HINT: Record<LayoutFlavour, string> = {
  hugo: 'your Hugo site’s folder (the one holding content/)',
  jekyll: 'your Jekyll site’s folder (the one holding _posts/)',
  obsidian: 'your Obsidian vault',
  none: 'a folder for your posts',
};

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

function reportText(folder: FolderHandle, report: WriteReport): Status {
  const post = report.ok ? report.written.at(-1) : null;
  if (report.ok) {
    const pictures = report.written.length - 1;
    return {
      ok: true,
      text: `Saved ${post} in “${folder.name}”${pictures ? ` with ${pictures} picture${pictures > 1 ? 's' : ''}` : ''}.`,
    };
  }
  const written = report.written.length ? ` Written: ${report.written.join(', ')}.` : ' Nothing was written.';
  const left = [report.failed, ...report.skipped].join(', ');
  return { ok: false, text: `Not saved: ${report.message} (${report.failed}).${written} Not written: ${left}.` };
}

/**
 * "Save to folder" (Chrome): the post and its pictures written straight into the user's blog or
 * vault, in the flavour's layout. The folder is picked once per flavour and remembered; Chrome's
 * permission is asked again when it requires. Files that exist are never replaced without a
 * confirm that lists them (Replace, Save as new name, Cancel).
 */
export function ExportFolderSave({ flavour, build }: ExportFolderSaveProps) {
  const io = useExtensionIo().exportFolder;
  const [folder, setFolder] = useState<FolderHandle | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  // Read before any click, so the click can ask for permission (or open the picker) at once.
  useEffect(() => {
    if (!io) return;
    let live = true;
    setFolder(null);
    setConflict(null);
    io.remembered(flavour)
      .then((f) => live && setFolder(f))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [io, flavour]);
  useLayoutEffect(() => {
    if (conflict) cancel.current?.focus();
  }, [conflict]);

  if (!io)
    return (
      <p class="muted folder-note">
        Saving straight into a folder needs Chrome or Edge; Download as .zip holds the same files.
      </p>
    );

  const act = async (work: () => Promise<Status | null>) => {
    setBusy(true);
    setStatus(null); // an earlier "Saved …" must not stand beside the confirm of this save
    try {
      const next = await work();
      if (next) setStatus(next);
    } catch (err) {
      setStatus({ ok: false, text: `That did not work: ${reason(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const filesOf = async (copy: number) => {
    if (!build) throw new Error('Nothing to save yet.');
    const built = await build(copy);
    if (!built.ok) throw new Error(built.message);
    return folderFilesOf(built.files);
  };

  const save = (target: FolderHandle) =>
    act(async () => {
      setConflict(null);
      // First, in the click: Chrome asks for permission only inside a user gesture.
      if (!(await ensureWritable(target)))
        return {
          ok: false,
          text: `Talkmark may not write to “${target.name}”. Allow it when Chrome asks, or choose another folder.`,
        };
      const files = await filesOf(1);
      const existing = await findExisting(
        target,
        files.map((f) => f.path),
      );
      if (existing.length > 0) {
        setConflict({ folder: target, files, existing });
        return null;
      }
      return reportText(target, await writeFolderFiles(target, files, { replace: false }));
    });

  const choose = () =>
    act(async () => {
      const picked = await io.pick(flavour);
      if (!picked) return null;
      setFolder(picked);
      await save(picked);
      return null;
    });

  const resolve = (how: 'replace' | 'new-name' | 'cancel') => {
    const c = conflict;
    if (!c) return;
    setConflict(null);
    saveButton.current?.focus();
    if (how === 'cancel') {
      setStatus({ ok: true, text: 'Not saved: nothing was changed.' });
      return;
    }
    void act(async () => {
      if (how === 'replace') return reportText(c.folder, await writeFolderFiles(c.folder, c.files, { replace: true }));
      const copy = await freeCopyNumber(c.folder, async (n) => (await filesOf(n)).map((f) => f.path));
      if (copy === null) return { ok: false, text: 'Not saved: every new name up to 50 is taken.' };
      return reportText(c.folder, await writeFolderFiles(c.folder, await filesOf(copy), { replace: false }));
    });
  };

  const disabled = busy || !build || conflict !== null;
  return (
    <div class="folder-save">
      <div class="button-row">
        <button
          ref={saveButton}
          type="button"
          class="secondary"
          disabled={disabled}
          onClick={() => void (folder ? save(folder) : choose())}
        >
          {folder ? 'Save to folder' : 'Save to folder…'}
        </button>
        {folder && (
          <button type="button" class="link-button" disabled={disabled} onClick={() => void choose()}>
            Choose another folder
          </button>
        )}
      </div>
      <p class="muted folder-note">
        {folder ? `Saves into “${folder.name}”.` : `You pick ${FOLDER_HINT[flavour]} once; Talkmark remembers it.`}
      </p>
      {conflict && (
        <div class="folder-conflict" role="alertdialog" aria-labelledby="folder-conflict-title">
          <p id="folder-conflict-title">
            {conflict.existing.length === 1 ? 'This file is' : `These ${conflict.existing.length} files are`} already in
            “{conflict.folder.name}”:
          </p>
          <ul>
            {conflict.existing.map((path) => (
              <li key={path}>
                <code>{path}</code>
              </li>
            ))}
          </ul>
          <div class="button-row">
            <button type="button" class="secondary" onClick={() => resolve('new-name')}>
              Save as new name
            </button>
            <button type="button" class="secondary danger" onClick={() => resolve('replace')}>
              Replace
            </button>
            <button ref={cancel} type="button" onClick={() => resolve('cancel')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {status && (
        <p role="status" class={status.ok ? 'ok' : 'error'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
