/**
 * A team's day post: everyone's notes merged per talk, each credited ("— Ada") once the post
 * holds notes by more than one person; templates see `note.author`, `note.credit`, `talk.authors`.
 * Golden files: `UPDATE_GOLDEN=1 npx vitest run test/unit/recap/team-recap.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { TALK_STARTERS, buildRecapData, dayStarterTemplate, renderRecap, type RecapInput } from '../../../lib/recap';
import type { Note } from '../../../lib/model';
import { expectGolden, loadRecapFixture } from './fixtures';

/**
 * KubeCon NA 2019's notes as a team took them: Grace (exporting; her older notes carry no
 * author), Ada on every third note, and a quote Ada typed in the first talk.
 */
function teamDay(): RecapInput {
  const input = loadRecapFixture('kubecon-na-2019');
  const notes: Note[] = input.notes.map((n, i) => (i % 3 === 2 ? { ...n, author: 'Ada' } : n));
  const first = notes[0]!;
  notes.push({
    ...first,
    id: 'kc19-1-ada-quote',
    kind: 'quote',
    text: 'It is just YAML, all the way down',
    createdAt: first.createdAt + 90_000,
    updatedAt: first.createdAt + 90_000,
    author: 'Ada',
  });
  return { ...input, notes, me: 'Grace' };
}

const render = (input: RecapInput, preset: 'narrative' | 'bulleted' | 'structured', template?: 'talk' | 'day') => {
  const result = renderRecap(input, {
    locale: 'en-US',
    preset,
    ...(template
      ? {
          template: {
            kind: template,
            source: template === 'talk' ? TALK_STARTERS[preset] : dayStarterTemplate(preset),
          },
        }
      : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.markdown;
};

describe('a team day post', () => {
  for (const preset of ['bulleted', 'structured', 'narrative'] as const) {
    it(`${preset}: credits every note, and the Liquid starters render the same`, () => {
      const markdown = render(teamDay(), preset);
      expectGolden(`kubecon-na-2019.team.${preset}.md`, markdown);
      expect(markdown).toContain('— Ada');
      expect(markdown).toContain('— Grace');
      expect(render(teamDay(), preset, 'talk')).toBe(markdown);
      expect(render(teamDay(), preset, 'day')).toBe(markdown);
    });
  }

  it('credits nobody when one person wrote every note', () => {
    const input = loadRecapFixture('kubecon-na-2019');
    const alone = render({ ...input, me: 'Grace' }, 'bulleted');
    expect(alone).not.toContain('—  ');
    expect(alone).not.toContain('— Grace');
    // Her notes all named Ada (another machine's export of Ada's own notes): still one person.
    const ada = render({ ...input, notes: input.notes.map((n) => ({ ...n, author: 'Ada' })) }, 'bulleted');
    expect(ada).not.toContain('— Ada');
  });

  it('leaves unnamed notes uncredited when the exporter has no name, and credits the named ones', () => {
    const input = teamDay();
    const markdown = render({ ...input, me: null }, 'bulleted');
    expect(markdown).toContain('Kubernetes running on fighter jets.\n');
    expect(markdown).toMatch(/— Ada$/m);
    expect(markdown).not.toContain('— Grace');
  });

  it('lists each talk’s authors in the order of their first note, and gives notes their author', () => {
    const data = buildRecapData(teamDay());
    const first = data.talks[0]!;
    expect(first.authors).toEqual(['Grace', 'Ada']);
    expect(first.notes.map((n) => n.author)).toContain('Ada');
    expect(first.notes.find((n) => n.id === 'kc19-1-n01')).toMatchObject({ author: 'Grace' });
  });

  it('escapes a name that looks like Markdown or HTML', () => {
    const input = teamDay();
    const notes = input.notes.map((n) => (n.author ? { ...n, author: '*Eve* <img src=x onerror=alert(1)>' } : n));
    const markdown = render({ ...input, notes }, 'bulleted');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).toContain('— \\*Eve\\*');
  });

  it('lets a user template print the authors and each note’s author', () => {
    const result = renderRecap(teamDay(), {
      locale: 'en-US',
      template: {
        kind: 'talk',
        source:
          '{{ talk.title }}: {{ talk.authors | join: ", " }}\n{% for note in talk.notes %}- {{ note.author }}{% endfor %}',
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.markdown).toContain('Grace, Ada');
    expect(result.markdown).toContain('- Ada');
  });
});
