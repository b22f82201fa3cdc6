import { talkSpans, type SpanOptions, type TimedTalk } from './spans';

export interface Conflicts {
  /** Each overlapping pair once, earlier-starting talk first, in start order. */
  pairs: Array<[string, string]>;
  /** Every talk that overlaps at least one other. */
  ids: Set<string>;
}

/**
 * Overlapping talks in an agenda (normally one day's). Back-to-back talks (end == next start) do
 * not conflict; talks with no start are ignored; a missing end is estimated as in `talkSpans`.
 */
export function findConflicts(talks: readonly TimedTalk[], options: SpanOptions = {}): Conflicts {
  const seen = new Set<string>();
  const unique = talks.filter((t) => !seen.has(t.id) && seen.add(t.id));
  const result: Conflicts = { pairs: [], ids: new Set() };
  // Sweep in start order, keeping the talks still running when the next one starts.
  let active: Array<{ id: string; end: number }> = [];
  for (const span of talkSpans(unique, options)) {
    active = active.filter((a) => a.end > span.start);
    for (const a of active) {
      result.pairs.push([a.id, span.talk.id]);
      result.ids.add(a.id);
      result.ids.add(span.talk.id);
    }
    active.push({ id: span.talk.id, end: span.end });
  }
  return result;
}
