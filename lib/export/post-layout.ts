import type { ImageMime } from '../model';
import { slugify } from '../recap/file-name';

/**
 * Where a post and its pictures go, in the layout each front-matter flavour's site or vault
 * expects, and the link the post writes for each picture:
 * - Hugo page bundle: `content/posts/<slug>/index.md`, pictures beside it, linked by file name.
 * - Jekyll: `_posts/<date>-<slug>.md`, pictures in `assets/images/<date>-<slug>/`, linked from
 *   the site root (`/assets/…`): a post is served at its permalink, not from `_posts/`, so a
 *   path relative to the file would break on the site.
 * - Obsidian: the note at the vault root, pictures in `attachments/`, named after the note (a
 *   vault is one namespace), linked relative to the note.
 * - No front matter: the post and an `images/` folder beside it.
 * Every path is built from slugs and counters only: nothing from a page or a note reaches it.
 */

export type LayoutFlavour = 'hugo' | 'jekyll' | 'obsidian' | 'none';

export interface LayoutImage {
  noteId: string;
  mime: ImageMime;
  /** `slide` for a snapshot, anything else names the picture `image`. */
  kind: string;
}

export interface PlacedImage {
  noteId: string;
  /** The picture's path in the folder or zip (forward slashes, no leading slash). */
  path: string;
  /** What the post links: relative to the post, or from the site root for Jekyll. */
  link: string;
}

export interface PostLayout {
  flavour: LayoutFlavour;
  postPath: string;
  images: PlacedImage[];
}

const EXTENSIONS: Record<ImageMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** `2025-09-09-kcd-recap.md` → date `2025-09-09`, slug `kcd-recap` (the date optional). */
function splitFileName(fileName: string): { date: string | null; slug: string } {
  const stem = fileName.replace(/\.md$/i, '');
  const dated = /^(\d{4}-\d{2}-\d{2})-(.*)$/.exec(stem);
  const slug = slugify(dated ? dated[2]! : stem) || 'recap';
  return { date: dated ? dated[1]! : null, slug };
}

export function postLayout(flavour: LayoutFlavour, fileName: string, images: readonly LayoutImage[]): PostLayout {
  const { date, slug } = splitFileName(fileName);
  const dated = date ? `${date}-${slug}` : slug;
  const name = (image: LayoutImage, i: number, prefix = '') =>
    `${prefix}${image.kind === 'slide' ? 'slide' : 'image'}-${String(i + 1).padStart(2, '0')}.${EXTENSIONS[image.mime]}`;
  switch (flavour) {
    case 'hugo': {
      const dir = `content/posts/${slug}`;
      return {
        flavour,
        postPath: `${dir}/index.md`,
        images: images.map((im, i) => ({ noteId: im.noteId, path: `${dir}/${name(im, i)}`, link: name(im, i) })),
      };
    }
    case 'jekyll': {
      const dir = `assets/images/${dated}`;
      return {
        flavour,
        postPath: `_posts/${dated}.md`,
        images: images.map((im, i) => ({
          noteId: im.noteId,
          path: `${dir}/${name(im, i)}`,
          link: `/${dir}/${name(im, i)}`,
        })),
      };
    }
    case 'obsidian': {
      const file = (im: LayoutImage, i: number) => name(im, i, `${dated}-`);
      return {
        flavour,
        postPath: `${dated}.md`,
        images: images.map((im, i) => ({
          noteId: im.noteId,
          path: `attachments/${file(im, i)}`,
          link: `attachments/${file(im, i)}`,
        })),
      };
    }
    case 'none':
      return {
        flavour,
        postPath: `${dated}.md`,
        images: images.map((im, i) => ({
          noteId: im.noteId,
          path: `${dated}-images/${name(im, i)}`,
          link: `${dated}-images/${name(im, i)}`,
        })),
      };
  }
}

/** Alt text for Markdown `![…]`: one line, the brackets and backslashes that would end it escaped. */
export function markdownAlt(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** `![alt](link)`; the link is ours (slugs and counters), so it needs no escaping beyond `<…>` for safety. */
export function markdownImage(alt: string, link: string): string {
  return `![${markdownAlt(alt)}](<${link}>)`;
}

/**
 * Resolves a post's link to a picture the way the site or vault does, to a path in the folder:
 * relative links from the post's folder, root links from the site root. Used by tests and the
 * export's own check that every link names a file it writes.
 */
export function resolveLink(postPath: string, link: string): string {
  if (link.startsWith('/')) return link.slice(1);
  const dir = postPath.includes('/') ? postPath.slice(0, postPath.lastIndexOf('/') + 1) : '';
  return `${dir}${link}`;
}
