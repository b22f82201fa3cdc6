/**
 * The recap as HTML for "Copy as rich text" (pasting into a blog editor or a doc). CommonMark in
 * safe mode drops raw HTML and javascript:/vbscript:/file: links, so a hostile note stays inert.
 */
import { HtmlRenderer, Parser } from 'commonmark';

/** The post without its YAML front matter: rich-text editors would show it as a paragraph. */
export function stripFrontMatter(markdown: string): string {
  const m = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  return m ? markdown.slice(m[0].length).replace(/^\n+/, '') : markdown;
}

export function markdownToHtml(markdown: string): string {
  const tree = new Parser().parse(stripFrontMatter(markdown));
  return new HtmlRenderer({ safe: true }).render(tree);
}
