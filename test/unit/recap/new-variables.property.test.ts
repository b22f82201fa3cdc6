/**
 * The variables issue 16 added, from hostile data: the Export view's Intro and Closing, speaker
 * groups (moderators, panelists), the conference's name and place. Whatever they hold, the post
 * carries no raw HTML or script link, the front matter parses to the same title, and a
 * moderator's name never starts a line of its own.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { DEFAULT_EXPORT_CHOICES, recapOptionsFor, renderExport } from '../../../lib/export/export-choices';
import { normalizeInlineText, renderRecap } from '../../../lib/recap';
import { hostileHtml, hostileString } from './arbitraries';
import { START, makeNote, makeSpeaker, makeTalk } from './builders';
import { dangerousNodes, nodesOfType, parseMarkdown } from './commonmark-helpers';

vi.setConfig({ testTimeout: 180_000 });

const PANEL_TEMPLATE = `### {{ talk.title }}
{% if talk.moderators.size > 0 %}_{{ talk.presenters | map: "name" | join: ", " }}, moderated by {{ talk.moderators | map: "name" | join: " and " }}_{% endif %}
{{ recap.conference.name }} · {{ recap.conference.place }} · Day {{ day.conference_day }}`;

describe('new variables from hostile data', () => {
  it('Intro and Closing stay the user’s Markdown without live HTML, in every scope', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, hostileHtml), fc.oneof(hostileString, hostileHtml), (intro, closing) => {
        const talk = makeTalk({ title: 'T' });
        const input = { talks: [talk], notes: [makeNote(talk.id, 'plain', 'n', START + 60_000)], highlights: [] };
        for (const scope of ['talk', 'day'] as const) {
          const choices = {
            ...DEFAULT_EXPORT_CHOICES,
            scope,
            frontMatterFormat: 'toml' as const,
            intro: { ...DEFAULT_EXPORT_CHOICES.intro, [scope]: intro },
            closing: { ...DEFAULT_EXPORT_CHOICES.closing, [scope]: closing },
          };
          const result = renderExport(input, recapOptionsFor(choices, null));
          if (!result.ok) throw new Error(result.error.message);
          const m = /^\+\+\+\n([\s\S]*?)\n\+\+\+\n/.exec(result.markdown);
          expect(parseToml(m![1]!).title).toBe(scope === 'talk' ? 'T' : 'Conference recap');
          expect(dangerousNodes(result.markdown.slice(m![0].length))).toEqual([]);
          // The reminder line only for a day post whose intro is left empty; never for one talk.
          expect(result.markdown.includes('_Intro: what the event was')).toBe(scope === 'day' && intro.trim() === '');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('moderators, panelists and the conference print as inert text in a template', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, hostileString, (moderator, panelist, name, place) => {
        const talk = makeTalk({
          title: 'Panel',
          conferenceId: 'c',
          speakers: [
            { ...makeSpeaker(moderator), group: 'Moderators' },
            { ...makeSpeaker(panelist), group: 'Panelists' },
          ],
        });
        const result = renderRecap(
          {
            talks: [talk],
            notes: [],
            highlights: [],
            conference: { name, url: null, place, days: ['2025-09-08'] },
          },
          {
            frontMatter: { flavour: 'hugo' },
            title: name,
            template: { kind: 'talk', source: PANEL_TEMPLATE },
          },
        );
        if (!result.ok) throw new Error(result.error.message);
        const m = /^---\n([\s\S]*?)\n---\n/.exec(result.markdown)!;
        expect(YAML.parse(m[1]!).title).toBe(normalizeInlineText(name) || 'Conference recap');
        const body = result.markdown.slice(m[0].length);
        expect(dangerousNodes(body)).toEqual([]);
        // One heading: nothing in a name or place starts a heading of its own.
        expect(nodesOfType(parseMarkdown(body), 'heading').length, body).toBe(1);
      }),
      { numRuns: 500 },
    );
  });
});
