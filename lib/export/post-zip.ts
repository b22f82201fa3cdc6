import { zipSync, type Zippable } from 'fflate';
import type { PostLayout } from './post-layout';
import { resolveLink } from './post-layout';

/**
 * The post and its pictures as one .zip, in the layout of its flavour (`postLayout`). fflate's
 * synchronous zipper: no eval, no workers built from strings (its async API makes those, and is
 * not imported), ~8 kB. Pictures are stored as they are (WebP/JPEG do not shrink further);
 * the Markdown is deflated.
 */
export function buildPostZip(
  layout: PostLayout,
  markdown: string,
  images: ReadonlyMap<string, Uint8Array>,
): Uint8Array {
  const files: Zippable = { [layout.postPath]: [new TextEncoder().encode(markdown), { level: 6 }] };
  for (const placed of layout.images) {
    const bytes = images.get(placed.noteId);
    if (!bytes) throw new Error(`No image bytes for note ${placed.noteId}`);
    // Every link the post writes must name a file the zip holds.
    if (resolveLink(layout.postPath, placed.link) !== placed.path)
      throw new Error(`Link ${placed.link} does not resolve`);
    files[placed.path] = [bytes, { level: 0 }];
  }
  return zipSync(files);
}
