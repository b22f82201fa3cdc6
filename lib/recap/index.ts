/**
 * Recap rendering: Talkmark's talks, notes and highlights → a Markdown blog post. Pure
 * TypeScript (no extension APIs), synchronous, usable in Node.
 *
 *   const result = renderRecap({ talks, notes, highlights, conference }, { preset: 'structured' });
 *   if (result.ok) save(result.fileName, result.markdown); else show(result.error);
 */
import { renderDayPost, tidyMarkdown } from './day-post';
import { recapFileName } from './file-name';
import { renderFrontMatter, type FrontMatterOptions } from './front-matter';
import { PRESETS, isPresetName, type PresetName } from './presets';
import { buildRecapData, type RecapDataOptions, type RecapInput } from './recap-data';
import { withoutEmptyTomlEntries } from './toml';
import {
  dayTemplateScope,
  renderWithTemplate,
  talkTemplateScope,
  validateTemplate,
  type Snippets,
  type TemplateError,
  type TemplateKind,
} from './templates';

export interface RecapOptions extends RecapDataOptions {
  /** Built-in style (default `narrative`); with a talk template it still decides the post's frame. */
  preset?: PresetName;
  /** Default: the preset's (Hugo for narrative and structured, none for bulleted); `format: 'toml'` for Hugo's `+++`. */
  frontMatter?: FrontMatterOptions;
  /** "Main takeaways" gathered from takeaway notes (default true; skipped when there are none, and for `singleTalk`). */
  mainTakeaways?: boolean;
  /** A user template: `talk` renders each section inside the preset's post, `day` the whole post. */
  template?: { kind: TemplateKind; source: string } | null;
  /** User snippets a template may `{% render %}`, by name. */
  snippets?: Snippets;
}

export type RecapResult = { ok: true; markdown: string; fileName: string } | { ok: false; error: TemplateError };

class TalkTemplateFailure extends Error {
  constructor(readonly error: TemplateError) {
    super(error.message);
  }
}

export function renderRecap(input: RecapInput, options: RecapOptions = {}): RecapResult {
  const data = buildRecapData(input, options);
  // Settings come from storage: an unknown name falls back rather than failing the export.
  const preset = PRESETS[isPresetName(options.preset) ? options.preset : 'narrative'];
  const frontMatter = renderFrontMatter(
    { title: data.title, date: data.date, tags: data.tags, authors: data.authors },
    options.frontMatter ?? preset.frontMatter,
  );
  // One talk's post: its takeaways are in its own section already.
  const mainTakeaways = !data.single_talk && (options.mainTakeaways ?? true);
  const fileName = recapFileName(
    data.date,
    data.single_talk && data.talks.length === 1 ? data.talks[0]!.title : (data.conference?.name ?? data.title),
  );
  const template = options.template ?? null;

  if (template) {
    // Parse errors first: they point at the template, whatever the data.
    const check = validateTemplate(template.source, undefined, options.snippets);
    if (!check.ok) return check;
  }

  if (template?.kind === 'day') {
    const scope = dayTemplateScope(data, frontMatter, {
      main_takeaways: mainTakeaways,
      intro_heading: preset.introHeading,
      outro_heading: preset.outroHeading,
    });
    const rendered = renderWithTemplate(template.source, scope, options.snippets);
    if (!rendered.ok) return rendered;
    // A template's own TOML front matter may hold `date = ` for a recap without times.
    const markdown = withoutEmptyTomlEntries(tidyMarkdown(rendered.markdown));
    if (markdown.trim() === '') {
      // Most often a variable that is not there (`{{ title }}`): say which, and what was meant.
      const check = validateTemplate(template.source, 'day');
      const hint = check.ok ? check.warnings[0] : undefined;
      return {
        ok: false,
        error: { line: 1, message: hint ? `The template produced no text. ${hint}` : 'The template produced no text' },
      };
    }
    return { ok: true, markdown, fileName };
  }

  try {
    const markdown = renderDayPost(data, {
      frontMatter,
      introHeading: preset.introHeading,
      outroHeading: preset.outroHeading,
      mainTakeaways,
      renderTalk: template
        ? (talk, day) => {
            const rendered = renderWithTemplate(template.source, talkTemplateScope(data, talk, day), options.snippets);
            if (!rendered.ok)
              throw new TalkTemplateFailure({
                ...rendered.error,
                message: `${rendered.error.message} (rendering “${talk.title}”)`,
              });
            // Only the template's blank lines around the section go: String#trim() would also eat
            // Unicode spaces (U+3000…) that end the talk's last line, which the preset keeps.
            return rendered.markdown.replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, '');
          }
        : (talk) => preset.renderTalk(talk, data),
    });
    return { ok: true, markdown, fileName };
  } catch (err) {
    if (err instanceof TalkTemplateFailure) return { ok: false, error: err.error };
    throw err;
  }
}

export { buildRecapData, INTRO_PLACEHOLDER, recapTalks } from './recap-data';
export type {
  DayView,
  HighlightView,
  LinkView,
  NoteView,
  RecapData,
  RecapDataOptions,
  RecapInput,
  SpeakerView,
  TakeawayView,
  TalkView,
} from './recap-data';
export { PRESETS, PRESET_NAMES, isPresetName } from './presets';
export type { PresetDefinition, PresetName } from './presets';
export { TALK_STARTERS, dayStarterTemplate } from './starter-templates';
export {
  dayTemplateScope,
  renderWithTemplate,
  talkTemplateScope,
  validateTemplate,
} from './templates';
export type {
  Snippets,
  DayTemplateScope,
  DayTemplateSettings,
  TalkTemplateScope,
  TemplateCheck,
  TemplateError,
  TemplateKind,
  TemplateResult,
} from './templates';
export {
  FILTER_DOCS,
  OBJECT_FIELDS,
  OBJECT_NAMES,
  TEMPLATE_VARIABLES,
  objectPlaces,
  unknownVariableHint,
} from './template-reference';
export type { FieldDoc, FilterDoc, ObjectName, ObjectPlace } from './template-reference';
export { renderFrontMatter, yamlQuote } from './front-matter';
export type {
  FrontMatterField,
  FrontMatterFields,
  FrontMatterFlavour,
  FrontMatterFormat,
  FrontMatterOptions,
  YamlValue,
} from './front-matter';
export { tomlQuote } from './toml';
export { recapFileName, slugify } from './file-name';
export { headingId } from './heading-id';
export { recordingDeepLink, recordingPlayer, recordingVideo } from './recording-links';
export { formatElapsed, noteOffsetMs } from './timestamps';
export { escapeMarkdownInline, markdownLink, normalizeInlineText, safeLinkUrl } from './escape';
export { neutralizeMarkdown } from './neutralize';
export { MarkdownString } from './markdown-string';
export { tidyMarkdown } from './day-post';
