/**
 * Whole recaps from hostile data: whatever titles, names, notes, descriptions and URLs hold, the
 * front matter parses to the same values, headings read back as the same text, no raw HTML or
 * script link survives, and the Liquid starters agree with the presets.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { NOTE_KINDS } from '../../../lib/model';
import type { Node } from 'commonmark';
import {
  PRESET_NAMES,
  TALK_STARTERS,
  buildRecapData,
  dayStarterTemplate,
  normalizeInlineText,
  renderRecap,
  type PresetName,
  type RecapInput,
} from '../../../lib/recap';
import { hostileHtml, hostileString, hostileUrl } from './arbitraries';
import { START, makeHighlight, makeNote, makeSpeaker, makeTalk } from './builders';
import { dangerousNodes, nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';

// Thousands of generated cases per property: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const RUNS = { numRuns: 1000 };

const speakerArb = fc.record({
  name: hostileString,
  company: fc.option(hostileString, { nil: null }),
  url: fc.option(hostileUrl, { nil: null }),
});
const noteArb = fc.record({
  kind: fc.constantFrom(...NOTE_KINDS),
  text: hostileString,
  offset: fc.integer({ min: -600, max: 5400 }),
});

const inputArb = fc
  .record({
    title: hostileString,
    speakers: fc.array(speakerArb, { maxLength: 3 }),
    description: fc.option(hostileString, { nil: null }),
    descriptionHtml: fc.option(hostileHtml, { nil: null }),
    url: hostileUrl,
    videoUrl: fc.option(hostileUrl, { nil: null }),
    files: fc.array(fc.record({ name: hostileString, url: hostileUrl }), { maxLength: 2 }),
    links: fc.array(hostileUrl, { maxLength: 2 }),
    notes: fc.array(noteArb, { maxLength: 6 }),
    highlights: fc.array(
      fc.record({ exact: hostileString, comment: hostileString, pageUrl: hostileUrl, pageTitle: hostileString }),
      { maxLength: 2 },
    ),
    conference: hostileString,
    postTitle: fc.option(hostileString, { nil: undefined }),
    authors: fc.array(hostileString, { maxLength: 2 }),
    tags: fc.array(hostileString, { maxLength: 2 }),
  })
  .map((g) => {
    const talk = makeTalk({
      title: g.title,
      url: g.url,
      videoUrl: g.videoUrl,
      files: g.files,
      links: g.links,
      description: g.description,
      descriptionHtml: g.descriptionHtml,
      speakers: g.speakers.map((s) => makeSpeaker(s.name, s.company, s.url)),
    });
    const input: RecapInput = {
      talks: [talk],
      notes: g.notes.map((n) => makeNote(talk.id, n.kind, n.text, START + n.offset * 1000)),
      highlights: g.highlights.map((h) =>
        makeHighlight(talk.id, h.exact, { comment: h.comment, pageUrl: h.pageUrl, pageTitle: h.pageTitle }),
      ),
      conference: { name: g.conference, url: null },
    };
    return { input, g };
  });

function splitFrontMatter(markdown: string): { yaml: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!m) throw new Error('no front matter');
  return { yaml: YAML.parse(m[1]!, { uniqueKeys: true }) as Record<string, unknown>, body: m[2]! };
}

interface PlainSpeaker {
  name: string;
  company: string | null;
}

function plainSpeakers(speakers: readonly { name: string; company: string | null }[]): PlainSpeaker[] {
  return speakers
    .map((s) => ({
      name: normalizeInlineText(s.name),
      company: s.company === null ? null : normalizeInlineText(s.company) || null,
    }))
    .filter((s) => s.name !== '');
}

/** The heading text each preset should show, computed independently of the renderer. */
function expectedHeading(preset: PresetName, title: string, speakers: PlainSpeaker[]): string {
  if (preset === 'structured') return `Talk 1: ${title}`;
  const groups: { names: string[]; company: string | null }[] = [];
  for (const s of speakers) {
    const last = groups[groups.length - 1];
    if (last && last.company !== null && last.company === s.company) last.names.push(s.name);
    else groups.push({ names: [s.name], company: s.company });
  }
  const and = (xs: string[]) =>
    xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
  if (groups.length === 0) return title;
  if (preset === 'narrative')
    return `${title} by ${and(groups.map((g) => `${and(g.names)}${g.company ? ` at ${g.company}` : ''}`))}`;
  return `${title} – ${groups.map((g) => `${g.names.join(' & ')}${g.company ? `, ${g.company}` : ''}`).join(' & ')}`;
}

describe('recaps from hostile data', () => {
  it('bulleted: each note, highlight and link stays one item of one list, whatever it contains', () => {
    fc.assert(
      fc.property(inputArb, ({ input }) => {
        const result = renderRecap(input, { preset: 'bulleted', mainTakeaways: false });
        if (!result.ok) throw new Error(result.error.message);
        const talk = buildRecapData(input).talks[0]!;
        const expected = talk.notes.length + talk.highlights.length + talk.links.length;
        const doc = parseMarkdown(result.markdown);
        const lists: Node[] = [];
        for (let n = doc.firstChild; n; n = n.next) if (n.type === 'list') lists.push(n);
        expect(lists).toHaveLength(expected === 0 ? 0 : 1);
        let items = 0;
        for (let item = lists[0]?.firstChild; item; item = item.next) items++;
        expect(items).toBe(expected);
      }),
      RUNS,
    );
  });

  for (const preset of PRESET_NAMES) {
    it(`${preset}: front matter round-trips, headings read back, nothing dangerous gets through`, () => {
      fc.assert(
        fc.property(inputArb, ({ input, g }) => {
          const result = renderRecap(input, {
            preset,
            title: g.postTitle,
            authors: g.authors,
            tags: g.tags,
            frontMatter: { flavour: 'hugo' },
            locale: 'en-US',
          });
          if (!result.ok) throw new Error(result.error.message);
          const { yaml, body } = splitFrontMatter(result.markdown);

          const conference = normalizeInlineText(g.conference);
          const title =
            normalizeInlineText(g.postTitle ?? '') || (conference ? `${conference} – Recap` : 'Conference recap');
          expect(yaml.title).toBe(title);
          expect(yaml.authors).toEqual(g.authors.map(normalizeInlineText).filter((a) => a !== ''));
          expect(yaml.tags).toEqual(g.tags.map(normalizeInlineText).filter((t) => t !== ''));

          expect(dangerousNodes(body)).toEqual([]);
          const level = preset === 'narrative' ? 2 : 3;
          const headings = nodesOfType(parseMarkdown(body), 'heading')
            .filter((h) => h.level === level)
            .map(plainText);
          expect(headings).toContain(
            expectedHeading(preset, normalizeInlineText(g.title) || 'Untitled talk', plainSpeakers(g.speakers)),
          );
        }),
        RUNS,
      );
    });

    it(`${preset}: the Liquid starters render what the preset renders`, () => {
      fc.assert(
        fc.property(inputArb, ({ input, g }) => {
          const options = { preset, authors: g.authors, tags: g.tags, locale: 'en-US' } as const;
          const expected = renderRecap(input, options);
          expect(renderRecap(input, { ...options, template: { kind: 'talk', source: TALK_STARTERS[preset] } })).toEqual(
            expected,
          );
          expect(
            renderRecap(input, { ...options, template: { kind: 'day', source: dayStarterTemplate(preset) } }),
          ).toEqual(expected);
        }),
        RUNS,
      );
    });
  }

  // fast-check seed 601736203 found it: a talk template's output went through String#trim(),
  // which also removes the ideographic space (U+3000) that ended the quoted description.
  it('the Liquid starters keep a Unicode space that ends the talk’s last line', () => {
    const input: RecapInput = {
      talks: [makeTalk({ title: '', description: '!\u3000\n\n# ' })],
      notes: [],
      highlights: [],
      conference: { name: '', url: null },
    };
    for (const preset of PRESET_NAMES) {
      const expected = renderRecap(input, { preset, locale: 'en-US' });
      expect(expected.ok && expected.markdown).toContain('!\u3000\n');
      expect(
        renderRecap(input, { preset, locale: 'en-US', template: { kind: 'talk', source: TALK_STARTERS[preset] } }),
      ).toEqual(expected);
    }
  });
});
