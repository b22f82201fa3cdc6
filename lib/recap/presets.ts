/**
 * The three built-in recap styles, modelled on real posts (see /work/shared/recap-examples):
 *
 * - `narrative`  `## Title by Speaker at Company`, then prose paragraphs (KCD SF Bay Area 2025);
 * - `bulleted`   `### Title – Speaker, Company`, then one bullet per note (KubeCon NA 2019);
 * - `structured` `### Talk N: …`, `#### Speaker(s): …`, `#### Summary`, `#### Key Takeaways`
 *                (KCD Zurich 2023).
 *
 * Presets are rendered in TypeScript rather than through Liquid: they are type-checked, exact
 * about blank lines, and a 2,000-note day renders in a millisecond or two. Each preset also
 * ships as a Liquid starter (starter-templates.ts) that produces the same Markdown — a test holds
 * them equal — so "customize this preset" can begin from an exact copy.
 */
import type { FrontMatterOptions } from './front-matter';
import type { RecapData, TalkView } from './recap-data';
import { escapeMarkdownInline } from './escape';
import {
  extraLinks,
  headingLine,
  highlightBlock,
  highlightListItem,
  indentContinuation,
  noteContent,
  noteListItem,
  quoteLines,
  quoteNote,
  resourceLinks,
  speakersAt,
  speakersComma,
  speakersLinked,
} from './talk-section';

export const PRESET_NAMES = ['narrative', 'bulleted', 'structured'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface PresetDefinition {
  name: PresetName;
  label: string;
  /** Front matter when the caller does not choose one. */
  frontMatter: FrontMatterOptions;
  /** Heading above the intro and the outro, when the style has one. */
  introHeading: string | null;
  outroHeading: string | null;
  renderTalk(talk: TalkView, data: RecapData): string;
}

/** Blocks separated by one blank line, empty ones dropped. */
function blocks(...parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}

function lines(...parts: readonly (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}

function titleWithSpeakers(talk: TalkView, joiner: string, speakers: string): string {
  return speakers === '' ? escapeMarkdownInline(talk.title) : `${escapeMarkdownInline(talk.title)}${joiner}${speakers}`;
}

function renderNarrative(talk: TalkView, data: RecapData): string {
  const prose = talk.notes.filter((n) => n.kind !== 'link' && n.kind !== 'todo');
  const links = talk.notes_by_kind.link;
  const todos = talk.notes_by_kind.todo;
  const extra = extraLinks(talk);
  return blocks(
    headingLine(data.multi_day ? 3 : 2, titleWithSpeakers(talk, ' by ', speakersAt(talk.speakers))),
    resourceLinks(talk).join(' · '),
    talk.description?.markdown,
    ...prose.map((n) => (n.kind === 'quote' ? quoteNote(n) : noteContent(n))),
    ...talk.highlights.map(highlightBlock),
    (links.length > 0 || extra.length > 0) && '**Links**',
    lines(...links.map((n) => noteListItem(n)), ...extra.map((l) => `- ${l}`)),
    todos.length > 0 && '**To do**',
    lines(...todos.map((n) => noteListItem(n))),
  );
}

function renderBulleted(talk: TalkView): string {
  return blocks(
    headingLine(3, titleWithSpeakers(talk, ' – ', speakersComma(talk.speakers))),
    resourceLinks(talk).join(' · '),
    // Quoted: an abstract ending in a list would otherwise merge with the notes' list.
    talk.description && quoteLines(talk.description.markdown),
    lines(
      ...talk.notes.map((n) => noteListItem(n)),
      ...talk.highlights.map(highlightListItem),
      ...extraLinks(talk).map((l) => `- ${l}`),
    ),
  );
}

function listSection(title: string, items: readonly string[]): string | null {
  return items.length === 0 ? null : `#### ${title}\n${items.join('\n')}`;
}

function renderStructured(talk: TalkView): string {
  const kinds = talk.notes_by_kind;
  const notes = talk.notes.filter((n) => n.kind === 'plain' || n.kind === 'slide');
  const speakers =
    talk.speakers.length === 0
      ? null
      : `#### ${talk.speakers.length > 1 ? 'Speakers' : 'Speaker'}: ${speakersLinked(talk.speakers)}`;
  return blocks(
    lines(
      headingLine(3, `Talk ${talk.number}: ${escapeMarkdownInline(talk.title)}`),
      speakers,
      talk.description && `#### Summary\n${talk.description.markdown}`,
    ),
    listSection(
      'Key Takeaways',
      kinds.takeaway.map((n) => noteListItem(n, false)),
    ),
    listSection(
      'Notes',
      notes.map((n) => noteListItem(n)),
    ),
    kinds.quote.length > 0 && `#### Quotes\n${kinds.quote.map(quoteNote).join('\n\n')}`,
    talk.highlights.length > 0 && `#### Highlights\n${talk.highlights.map(highlightBlock).join('\n\n')}`,
    listSection(
      'Questions',
      kinds.question.map((n) => noteListItem(n, false)),
    ),
    listSection('Links', [
      ...resourceLinks(talk).map((l) => `- ${l}`),
      ...kinds.link.map((n) => noteListItem(n)),
      ...extraLinks(talk).map((l) => `- ${indentContinuation(l, 2)}`),
    ]),
    listSection(
      'To Do',
      kinds.todo.map((n) => noteListItem(n)),
    ),
  );
}

export const PRESETS: Record<PresetName, PresetDefinition> = {
  narrative: {
    name: 'narrative',
    label: 'Narrative — a heading per talk, then paragraphs',
    frontMatter: { flavour: 'hugo' },
    introHeading: null,
    outroHeading: null,
    renderTalk: renderNarrative,
  },
  bulleted: {
    name: 'bulleted',
    label: 'Bulleted — title and speakers, then a bullet per note',
    frontMatter: { flavour: 'none' },
    introHeading: null,
    outroHeading: null,
    renderTalk: renderBulleted,
  },
  structured: {
    name: 'structured',
    label: 'Structured — Summary, Key Takeaways, Questions, Links per talk',
    frontMatter: { flavour: 'hugo' },
    introHeading: 'Introduction',
    outroHeading: 'Conclusion',
    renderTalk: renderStructured,
  },
};

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}
