/**
 * Notes, comments and descriptions placed in a talk section: whatever they hold, they add no
 * heading to the recap's outline, no raw HTML or script link, and what follows them is still read
 * as the recap; code blocks keep their lines.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { demoteHeadings, descriptionMarkdown, userMarkdown } from '../../../lib/recap/source-markdown';
import { hostilePiece } from './arbitraries';
import { dangerousNodes, nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';

vi.setConfig({ testTimeout: 180_000 });

const headingPiece = fc.constantFrom(
  '# ',
  '## ',
  '###### ',
  ' # ',
  '   ## ',
  '#',
  '\n# ',
  '\n## x ##\n',
  '\n=\n',
  '\n---\n',
  '\n-\n',
  '\n===',
  '\n  ## ',
  '\n```\n# in code\n```\n',
  '\n~~~\n## in code\n',
  '\n    # indented code\n',
  // Around the check before parsing (mayHaveHeading): hashtags, and markers a heading may follow.
  '#tag ',
  'C# ',
  '#1',
  '\n> ',
  '\n- ',
  '\n* ',
  '\n+\t',
  '\n1. ',
  '\n2) ',
  '\t',
  '\n>\n',
  '>',
);
const markdownish = fc
  .array(fc.oneof({ weight: 2, arbitrary: hostilePiece }, { weight: 1, arbitrary: headingPiece }), { maxLength: 24 })
  .map((p) => p.join(''));

const PLACEMENTS: ((md: string) => string)[] = [
  (md) => md,
  (md) => `- [12:34] ${md.replace(/\n(?=[^\n])/g, '\n  ')}`, // as indentContinuation does
  (md) => `Text\n${md}`,
  (md) => `> ${md.replace(/\n/g, '\n> ')}`,
];

describe('Markdown embedded in a talk section', () => {
  it('adds no heading, nothing dangerous, and does not swallow what follows', () => {
    fc.assert(
      fc.property(markdownish, fc.constantFrom('user', 'page'), (s, mode) => {
        const md = mode === 'user' ? userMarkdown(s) : descriptionMarkdown(s);
        for (const place of PLACEMENTS) {
          const placed = place(md);
          const doc = parseMarkdown(`${placed}\n\n## END\n\n- [ ] next`);
          const context = JSON.stringify({ s, mode, placed, codes: [...s].map((c) => c.codePointAt(0)) });
          expect(nodesOfType(doc, 'heading').map(plainText), context).toEqual(['END']);
          expect(dangerousNodes(placed), context).toEqual([]);
          expect(doc.lastChild?.type, context).toBe('list');
        }
        expect(md).not.toMatch(/\n[ \t]*\n[ \t]*\n/);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps fenced code as written and the words of a heading', () => {
    const note = '## Demo\n```sh\n# list pods\nkubectl get pods\n```\nSummary\n---\n# of nodes: 5000';
    expect(userMarkdown(note)).toBe(
      '**Demo**\n\n```sh\n# list pods\nkubectl get pods\n```\nSummary\n\\---\n\n**of nodes: 5000**',
    );
    // commonmark.js reads a fence's info only up to U+2028, so this would open a fence there.
    expect(userMarkdown('```\u2028``` then text')).toBe('\\```\u2028``` then text');
    expect(demoteHeadings('Intro\n~~~\n## x\n~~~\n### Outline ###\n#\n- item')).toBe(
      'Intro\n~~~\n## x\n~~~\n\n**Outline**\n\n- item',
    );
  });
});
