/**
 * The id a site generator gives a heading, for a table of contents that links to the talks
 * (`[Title](#title)`). GitHub's rule, which Hugo (goldmark's default `github` ids), Astro and
 * Docusaurus (github-slugger) and GitHub itself follow: lower case; letters, digits, marks and
 * `_` kept; spaces and `-` become `-` (not collapsed: "A & B" → `a--b`); everything else dropped.
 * Jekyll's kramdown and Eleventy's markdown-it-anchor differ: templates for those sites write an
 * explicit id (`## Title {#talk-3}`) instead.
 */
import { normalizeInlineText } from './escape';

const DROPPED = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** The id of a heading whose text reads `text` (plain text, as a title or name is stored). */
export function headingId(text: string): string {
  return normalizeInlineText(text).toLowerCase().replace(DROPPED, '').replace(/ /g, '-');
}

/**
 * The ids of headings in document order, repeats numbered as GitHub (github-slugger) and Hugo
 * (goldmark) number them: `demo`, `demo-1`, `demo-2`, skipping an id a heading already has.
 */
export function headingIds(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = headingId(text);
    let id = base;
    while (seen.has(id)) {
      const n = seen.get(base)! + 1;
      seen.set(base, n);
      id = `${base}-${n}`;
    }
    seen.set(id, 0);
    return id;
  });
}
