import type { TalkmarkDB } from '../db/schema';
import type { NoteImage } from '../model';
import type { RecapInput, RecapOptions } from '../recap';
import { isPresetName, PRESETS } from '../recap/presets';
import { type NoteImageRef, recapTalks } from '../recap/recap-data';
import { renderExport } from './export-choices';
import { type LayoutFlavour, postLayout } from './post-layout';
import { buildPostZip } from './post-zip';

export type ZipExport = { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; message: string };

/** The front-matter flavour the post is written in: the chosen one, else the preset's. */
export function flavourOf(options: RecapOptions): LayoutFlavour {
  return (options.frontMatter ?? PRESETS[isPresetName(options.preset) ? options.preset : 'narrative'].frontMatter)
    .flavour;
}

/**
 * "Download as .zip": the post with every picture of the notes it shows, in its flavour's
 * layout, the post linking each one. Pictures are read from IndexedDB here (the preview never
 * needs them); a note whose picture is not stored is exported without one.
 */
export async function buildZipExport(db: TalkmarkDB, input: RecapInput, options: RecapOptions): Promise<ZipExport> {
  const plain = renderExport(input, options);
  if (!plain.ok) return { ok: false, message: plain.error.message };
  const shown = new Set(recapTalks(input, options).map((t) => t.id));
  const pictured = input.notes
    .filter((n) => n.imageId && shown.has(n.talkId))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const stored = await db.images.bulkGet(pictured.map((n) => n.imageId!));
  const images = stored.filter((im): im is NoteImage => im !== undefined);
  const layout = postLayout(
    flavourOf(options),
    plain.fileName,
    images.map((im) => ({
      noteId: im.noteId,
      mime: im.mime,
      kind: pictured.find((n) => n.id === im.noteId)?.kind ?? '',
    })),
  );
  const byNote = new Map(images.map((im) => [im.noteId, im]));
  const refs = new Map<string, NoteImageRef>(
    layout.images.map((placed) => {
      const im = byNote.get(placed.noteId)!;
      return [placed.noteId, { path: placed.link, width: im.width, height: im.height }];
    }),
  );
  const post = renderExport(input, { ...options, images: refs });
  if (!post.ok) return { ok: false, message: post.error.message };
  const bytes = buildPostZip(layout, post.markdown, new Map(images.map((im) => [im.noteId, new Uint8Array(im.bytes)])));
  return { ok: true, fileName: plain.fileName.replace(/\.md$/i, '.zip'), bytes };
}
