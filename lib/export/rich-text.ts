/**
 * The recap as HTML for "Copy as rich text" (pasting into a blog editor or a doc). CommonMark in
 * safe mode drops raw HTML and javascript:/vbscript:/file: links, so a hostile note stays inert.
 */
import { HtmlRenderer, Node, Parser } from 'commonmark';

/** The post without its YAML front matter: rich-text editors would show it as a paragraph. */
export function stripFrontMatter(markdown: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  return m ? markdown.slice(m[0].length).replace(/^\n+/, '') : markdown;
}

export function markdownToHtml(markdown: string): string {
  const tree = new Parser().parse(stripFrontMatter(markdown));
  return new HtmlRenderer({ safe: true }).render(tree);
}

/**
 * How many bytes of pictures "Copy as rich text" puts on the clipboard, as data: URLs (before
 * base64, which adds a third): 4 MB, about twenty slides at 1920 px WebP. Past it a picture goes
 * in as its 320 px thumbnail while that fits, else is left out with a line saying so. Editors and
 * the system clipboard slow down on HTML of tens of MB, and some reject it.
 */
export const RICH_TEXT_IMAGE_BUDGET = 4 * 1024 * 1024;

export interface RichPicture {
  /** The link the post writes for it (post-layout.ts): matched against the Markdown's images. */
  link: string;
  mime: string;
  bytes: Uint8Array;
  thumb: Uint8Array;
  thumbMime: string;
}

export interface RichText {
  html: string;
  /** Pictures copied at full size, as thumbnails, and left out (over the budget). */
  full: number;
  thumbs: number;
  left: number;
}

export function dataUrl(mime: string, bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return `data:${mime};base64,${btoa(binary)}`;
}

/**
 * The post as HTML with its pictures inside it (data: URLs), for pasting where relative links
 * mean nothing (a blog editor, a doc); the plain-text flavour keeps the Markdown and its links.
 * Only images whose link is one of `pictures` are replaced: a note's text never makes an image.
 */
export function markdownToRichText(
  markdown: string,
  pictures: readonly RichPicture[],
  budget = RICH_TEXT_IMAGE_BUDGET,
): RichText {
  const tree = new Parser().parse(stripFrontMatter(markdown));
  const byLink = new Map(pictures.map((p) => [p.link, p]));
  const counts = { full: 0, thumbs: 0, left: 0 };
  let room = budget;
  const walker = tree.walker();
  const leftOut: Node[] = [];
  for (let step = walker.next(); step; step = walker.next()) {
    const node = step.node;
    if (!step.entering || node.type !== 'image') continue;
    const picture = node.destination ? byLink.get(node.destination) : undefined;
    if (!picture) continue;
    if (picture.bytes.length <= room) {
      node.destination = dataUrl(picture.mime, picture.bytes);
      room -= picture.bytes.length;
      counts.full++;
    } else if (picture.thumb.length <= room) {
      node.destination = dataUrl(picture.thumbMime, picture.thumb);
      room -= picture.thumb.length;
      counts.thumbs++;
    } else leftOut.push(node);
  }
  const mb = Math.round(budget / 1024 / 1024);
  for (const node of leftOut) {
    const note = new Node('emph');
    const text = new Node('text');
    text.literal = `(picture left out: rich text holds up to ${mb} MB of pictures; Save to folder or Download as .zip has it)`;
    note.appendChild(text);
    node.insertBefore(note);
    node.unlink();
    counts.left++;
  }
  return { html: new HtmlRenderer({ safe: true }).render(tree), ...counts };
}
