import type { TalkmarkDB } from '../db/schema';
import type { NoteImage } from '../model';
import type { RecapInput, RecapOptions } from '../recap';
import { isPresetName, PRESETS } from '../recap/presets';
import { type NoteImageRef, recapTalks } from '../recap/recap-data';
import { renderExport } from './export-choices';
import type { FolderFile } from './folder-write';
import { type LayoutFlavour, type PostLayout, postLayout, resolveLink } from './post-layout';
import { buildPostZip } from './post-zip';
import { markdownToRichText, type RichText } from './rich-text';

export type ZipExport = { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; message: string };

/** The front-matter flavour the post is written in: the chosen one, else the preset's. */
export function flavourOf(options: RecapOptions): LayoutFlavour {
  return (options.frontMatter ?? PRESETS[isPresetName(options.preset) ? options.preset : 'narrative'].frontMatter)
    .flavour;
}

/** A picture the post links, with its bytes. */
export interface PostPicture {
  noteId: string;
  mime: NoteImage['mime'];
  bytes: Uint8Array<ArrayBuffer>;
  /** The 320 px thumbnail and its type. */
  thumb: Uint8Array<ArrayBuffer>;
  thumbMime: NoteImage['mime'];
  /** Where it goes and what the post links (from the layout). */
  path: string;
  link: string;
}

/** The post and its pictures, placed in the flavour's layout; the post links each picture. */
export interface PostFiles {
  fileName: string;
  layout: PostLayout;
  markdown: string;
  pictures: PostPicture[];
}

/** `2025-09-09-kcd-recap.md`, 2 → `2025-09-09-kcd-recap-2.md` (a second copy beside the first). */
export function numberedFileName(fileName: string, n: number): string {
  return n <= 1 ? fileName : `${fileName.replace(/\.md$/i, '')}-${n}.md`;
}

/**
 * The post with every picture of the notes it shows, in its flavour's layout, the post linking
 * each one. Pictures are read from IndexedDB here (the preview never needs them); a note whose
 * picture is not stored is exported without one. `copy` > 1 names a second copy (`…-2`), for
 * "Save as new name" beside files that exist.
 */
export async function buildPostFiles(
  db: TalkmarkDB,
  input: RecapInput,
  options: RecapOptions,
  copy = 1,
): Promise<{ ok: true; files: PostFiles } | { ok: false; message: string }> {
  const plain = renderExport(input, options);
  if (!plain.ok) return { ok: false, message: plain.error.message };
  const shown = new Set(recapTalks(input, options).map((t) => t.id));
  const pictured = input.notes
    .filter((n) => n.imageId && shown.has(n.talkId))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const stored = await db.images.bulkGet(pictured.map((n) => n.imageId!));
  const images = stored.filter((im): im is NoteImage => im !== undefined);
  const fileName = numberedFileName(plain.fileName, copy);
  const layout = postLayout(
    flavourOf(options),
    fileName,
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
  const pictures = layout.images.map((placed) => {
    const im = byNote.get(placed.noteId)!;
    return {
      noteId: placed.noteId,
      mime: im.mime,
      bytes: new Uint8Array(im.bytes),
      thumb: new Uint8Array(im.thumb),
      thumbMime: im.thumbMime,
      path: placed.path,
      link: placed.link,
    };
  });
  return { ok: true, files: { fileName, layout, markdown: post.markdown, pictures } };
}

/** "Download as .zip": the post and its pictures in one zip, in the flavour's layout. */
export async function buildZipExport(db: TalkmarkDB, input: RecapInput, options: RecapOptions): Promise<ZipExport> {
  const built = await buildPostFiles(db, input, options);
  if (!built.ok) return built;
  const { layout, markdown, pictures, fileName } = built.files;
  const bytes = buildPostZip(layout, markdown, new Map(pictures.map((p) => [p.noteId, p.bytes])));
  return { ok: true, fileName: fileName.replace(/\.md$/i, '.zip'), bytes };
}

/**
 * The files "Save to folder" writes, pictures first and the post last (a post never links a
 * picture that is not written yet), each link checked to name a file written (as the zip does).
 */
export function folderFilesOf(files: PostFiles): FolderFile[] {
  for (const p of files.pictures)
    if (resolveLink(files.layout.postPath, p.link) !== p.path) throw new Error(`Link ${p.link} does not resolve`);
  return [
    ...files.pictures.map((p) => ({ path: p.path, bytes: p.bytes })),
    { path: files.layout.postPath, bytes: new TextEncoder().encode(files.markdown) as Uint8Array<ArrayBuffer> },
  ];
}

/**
 * "Copy as rich text" with the pictures: the HTML flavour holds each picture as a data: URL
 * (up to RICH_TEXT_IMAGE_BUDGET), the plain-text flavour is the Markdown with the layout's links.
 */
export async function buildRichText(
  db: TalkmarkDB,
  input: RecapInput,
  options: RecapOptions,
): Promise<({ ok: true; plain: string } & RichText) | { ok: false; message: string }> {
  const built = await buildPostFiles(db, input, options);
  if (!built.ok) return built;
  const { markdown, pictures } = built.files;
  return { ok: true, plain: markdown, ...markdownToRichText(markdown, pictures) };
}
