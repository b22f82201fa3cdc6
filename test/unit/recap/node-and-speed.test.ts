// @vitest-environment node
/** lib/recap runs in plain Node (no DOM globals), and renders a big day whole. */
import { Liquid } from 'liquidjs';
import { describe, expect, it, vi } from 'vitest';
import { NOTE_KINDS, type Highlight, type Note, type Talk } from '../../../lib/model';
import { PRESET_NAMES, TALK_STARTERS, buildRecapData, renderRecap, type RecapInput } from '../../../lib/recap';
import { START, makeHighlight, makeNote, makeSpeaker, makeTalk } from './builders';

function bigDay(talkCount = 50, notesPerTalk = 40): RecapInput {
  const talks: Talk[] = [];
  const notes: Note[] = [];
  const highlights: Highlight[] = [];
  for (let t = 0; t < talkCount; t++) {
    const startAt = START + t * 15 * 60_000;
    const talk = makeTalk({
      id: `t${t}`,
      title: `Talk ${t}: Scaling *everything* with [brackets] & <angles>`,
      startAt,
      endAt: startAt + 1_800_000,
      start: null,
      videoUrl: t % 2 ? 'https://www.youtube.com/watch?v=aB3dE5fG7hI' : null,
      description: 'An abstract with **bold**, a [link](https://example.com) and `code`.\n\n- one\n- two',
      speakers: [makeSpeaker(`Speaker ${t}`, 'Acme'), makeSpeaker(`Co-speaker ${t}`, 'Acme')],
    });
    talks.push(talk);
    for (let n = 0; n < notesPerTalk; n++) {
      const kind = NOTE_KINDS[n % NOTE_KINDS.length]!;
      const text =
        n % 5 === 0
          ? `A longer note ${n} with \`code <T>\` and a list:\n- a\n- b`
          : `Note ${n} about _things_ <b>and</b> stuff`;
      notes.push(makeNote(talk.id, kind, text, startAt + n * 30_000));
    }
    highlights.push(
      makeHighlight(talk.id, `Highlighted passage ${t}\n\nSecond paragraph`, { comment: 'Worth quoting' }),
    );
  }
  return { talks, notes, highlights, conference: { name: 'Big Conf 2025', url: null } };
}

describe('in Node', () => {
  it('has no DOM and still converts HTML-only descriptions', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const data = buildRecapData({
      talks: [makeTalk({ descriptionHtml: '<p>Hello <strong>world</strong></p><script>x</script>' })],
      notes: [],
      highlights: [],
    });
    expect(data.talks[0]!.description?.markdown).toMatch(/^Hello \*\*world\*\*/);
  });
});

// How fast is measured by `npm run bench` (row 6), in the browser; a timed test here would only
// flake on a busy machine. What is checked is the work that would make it slow.
describe('a big day', () => {
  const input = bigDay();

  it('renders 50 talks and 2,000 notes with every preset, every note in', () => {
    expect(input.notes).toHaveLength(2000);
    for (const preset of PRESET_NAMES) {
      const result = renderRecap(input, { preset });
      expect(result.ok, preset).toBe(true);
      if (result.ok) expect(result.markdown.match(/Note \d+ about/g)?.length ?? 0, preset).toBeGreaterThanOrEqual(1600);
    }
  });

  it('parses a talk template once for all 50 talks', () => {
    const parse = vi.spyOn(Liquid.prototype, 'parse');
    const source = `${TALK_STARTERS.bulleted}\n{{ talk.id }}`; // a source no other test has cached
    const result = renderRecap(input, { preset: 'bulleted', template: { kind: 'talk', source } });
    expect(result.ok).toBe(true);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });
});
