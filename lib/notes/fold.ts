import { foldText } from '../db/search-words';

// Folding lives with the search index's words (lib/db), which must fold exactly alike.
export { foldText };

export interface FoldedText {
  folded: string;
  /** For each index of `folded` (and one past its end), the index in the original text. */
  toOriginal: number[];
}

/** `foldText` with a way back to the original, for highlighting matches in what the user wrote. */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const toOriginal: number[] = [];
  let i = 0;
  for (const ch of text) {
    const piece = foldText(ch);
    for (let k = 0; k < piece.length; k++) toOriginal.push(i);
    folded += piece;
    i += ch.length;
  }
  toOriginal.push(text.length);
  return { folded, toOriginal };
}

/** The distinct folded words of a query; empty for a blank query. */
export function queryTerms(query: string): string[] {
  return [...new Set(foldText(query).split(/\s+/).filter(Boolean))];
}

export function matchesAllTerms(foldedHaystack: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => foldedHaystack.includes(t));
}
