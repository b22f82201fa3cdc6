import { describe, expect, it } from 'vitest';
import { anchor, describeRange } from '../../../lib/anchoring';

/**
 * Pages that repeat a sentence word for word (a pull quote, a summary box, a template's boiler
 * plate): a highlight belongs to one copy, and its stored context (prefix / suffix) says which.
 * When that copy is edited or deleted, the highlight must follow the edit or become an orphan,
 * never move to the other, verbatim copy whose context says otherwise.
 */
const SENTENCE = 'Every deploy goes through the canary before it reaches the fleet.';

function page(first: string | null): HTMLElement {
  const root = document.createElement('article');
  const parts = [
    '<h2>How we ship</h2>',
    `<p>We learned this the hard way after the outage in March. ${first ?? ''} The review takes ten minutes at most.</p>`,
    '<p>Other teams copied the process within a quarter; it is now the default for new services.</p>',
    `<aside><p>Summary. ${SENTENCE} Questions go to the platform channel.</p></aside>`,
  ];
  root.innerHTML = parts.join('\n');
  return root;
}

/** The highlight on the first copy (in the body), described on the original page. */
function highlightOnFirstCopy() {
  const root = page(SENTENCE);
  const text = root.querySelector('p')!.firstChild as Text;
  const start = text.data.indexOf(SENTENCE);
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, start + SENTENCE.length);
  return describeRange(root, range);
}

describe('re-anchoring on a page that repeats a sentence', () => {
  it('finds the first copy on the unchanged page, not the summary’s', () => {
    const root = page(SENTENCE);
    const a = anchor(root, highlightOnFirstCopy())!;
    expect(a.range.toString()).toBe(SENTENCE);
    expect(a.range.startContainer.parentElement?.closest('aside')).toBeNull();
  });

  it('follows an edit of its own copy (fuzzy, by context) instead of the verbatim copy elsewhere', () => {
    const edited = 'Every deploy goes through the canary before it ever reaches the fleet.';
    const root = page(edited);
    const a = anchor(root, highlightOnFirstCopy());
    expect(a).not.toBeNull();
    expect(a!.range.toString()).toBe(edited);
    expect(a!.range.startContainer.parentElement?.closest('aside')).toBeNull();
  });

  it('becomes an orphan when its copy is deleted and the context around it is still there', () => {
    const root = page(null);
    const a = anchor(root, highlightOnFirstCopy());
    expect(a?.range.startContainer.parentElement?.closest('aside') ?? null).toBeNull();
    expect(a).toBeNull();
  });

  it('without a stored position, the context alone still keeps it off the other copy', () => {
    const { quote } = highlightOnFirstCopy();
    const root = page(null);
    expect(anchor(root, { quote, position: null })).toBeNull();
    const editedRoot = page('Every deploy goes through the canary before it ever reaches the fleet.');
    const a = anchor(editedRoot, { quote, position: null });
    expect(a?.range.startContainer.parentElement?.closest('aside')).toBeNull();
  });
});
