import { useState } from 'preact/hooks';
import type { buildRichText, PostFiles, ZipExport } from '../lib/export/post-export';
import type { LayoutFlavour } from '../lib/export/post-layout';
import { ExportFolderSave } from './ExportFolderSave';
import { markdownToHtml, RICH_TEXT_IMAGE_BUDGET } from '../lib/export/rich-text';
import { useExtensionIo } from './services';
import './export.css';

export interface ExportActionsProps {
  /** The finished recap; null disables every action (nothing chosen, or a template error). */
  recap: { markdown: string; fileName: string } | null;
  /** The post and its pictures as a .zip in the flavour's layout (built on click: it reads the images). */
  zip?: (() => Promise<ZipExport>) | null;
  /** The recap as typed at the moment of the click (the preview may still wait for typing to pause). */
  recapNow?: () => { markdown: string; fileName: string } | null;
  /** The post as rich text with its pictures inside (built on click: it reads the images). */
  rich?: (() => ReturnType<typeof buildRichText>) | null;
  /** "Save to folder": the flavour (its layout and its folder) and the post's files, built on click. */
  folder?: {
    flavour: LayoutFlavour;
    build: ((copy: number) => Promise<{ ok: true; files: PostFiles } | { ok: false; message: string }>) | null;
  };
}

type Status = { ok: boolean; text: string };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** ` with 2 pictures (1 as a thumbnail); 1 left out: over the 4 MB…` */
function pictureCount({ full, thumbs, left }: { full: number; thumbs: number; left: number }): string {
  const cap = `${Math.round(RICH_TEXT_IMAGE_BUDGET / 1024 / 1024)} MB`;
  const inside = full + thumbs;
  if (inside + left === 0) return '';
  let text = inside ? ` with ${plural(inside, 'picture')}` : '';
  if (thumbs) text += ` (${thumbs} as ${thumbs === 1 ? 'a thumbnail' : 'thumbnails'}, to stay under ${cap})`;
  if (left)
    text += `; ${plural(left, 'picture')} left out (over ${cap}): Save to folder or .zip has ${left === 1 ? 'it' : 'them'}`;
  return text;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Copy as Markdown, copy as rich text, save as a .md file, or as a .zip with the pictures. */
export function ExportActions({ recap, zip, recapNow, folder, rich }: ExportActionsProps) {
  const extension = useExtensionIo();
  const [status, setStatus] = useState<Status | null>(null);

  const run = async (action: (r: NonNullable<typeof recap>) => Promise<string> | string) => {
    const current = recapNow ? recapNow() : recap;
    if (!current) return;
    try {
      setStatus({ ok: true, text: await action(current) });
    } catch (err) {
      setStatus({ ok: false, text: `That did not work: ${reason(err)}` });
    }
  };

  const copyMarkdown = () =>
    run(async (r) => {
      await extension.copyText(r.markdown);
      return 'Copied the Markdown.';
    });
  // Rich-text targets get HTML; plain-text ones still get the Markdown.
  const copyRich = () =>
    run(async (r) => {
      if (!rich) {
        await extension.copyRichText(markdownToHtml(r.markdown), r.markdown);
        return 'Copied as rich text.';
      }
      const built = await rich();
      if (!built.ok) throw new Error(built.message);
      await extension.copyRichText(built.html, built.plain);
      return `Copied as rich text${pictureCount(built)}.`;
    });
  const download = () =>
    run((r) => {
      extension.saveFile(r.fileName, r.markdown, 'text/markdown;charset=utf-8');
      return `Saved ${r.fileName}.`;
    });

  const downloadZip = () =>
    run(async () => {
      if (!zip) return '';
      const built = await zip();
      if (!built.ok) throw new Error(built.message);
      extension.saveBytes(built.fileName, built.bytes, 'application/zip');
      return `Saved ${built.fileName}.`;
    });

  const disabled = recap === null;
  return (
    <div class="export-actions">
      <div class="button-row">
        <button type="button" disabled={disabled} onClick={() => void copyMarkdown()}>
          Copy as Markdown
        </button>
        <button type="button" class="secondary" disabled={disabled} onClick={() => void copyRich()}>
          Copy as rich text
        </button>
        <button type="button" class="secondary" disabled={disabled} onClick={() => void download()}>
          Download .md
        </button>
        {zip !== undefined && (
          <button type="button" class="secondary" disabled={disabled || !zip} onClick={() => void downloadZip()}>
            Download as .zip
          </button>
        )}
      </div>
      {recap && <p class="muted file-name">File name: {recap.fileName}</p>}
      {status && (
        <p role="status" class={status.ok ? 'ok' : 'error'}>
          {status.text}
        </p>
      )}
      {folder && <ExportFolderSave flavour={folder.flavour} build={recap ? folder.build : null} />}
    </div>
  );
}
