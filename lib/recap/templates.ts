/**
 * User templates in Liquid (liquidjs), rendered synchronously.
 *
 * Escaping is on by default: every `{{ value }}` goes through `outputEscape`, which escapes plain
 * text as Markdown text and prints `MarkdownString`s (note text, descriptions, filter results)
 * as they are — those were neutralized when the data was built. We chose this over handing
 * templates pre-escaped strings because pre-escaped data is wrong in every other context (YAML
 * front matter, URLs, `truncate` cutting an escape in half), while an output escape applies after
 * all filters. `| raw` opts out of Markdown escaping but still defangs raw HTML and script links,
 * so no template can print a page's HTML. Trade-off: text that a template assembles itself
 * (`capture`, `append`) is plain text and gets escaped when printed; `| raw` keeps it as Markdown.
 *
 * The engine is CSP-safe as used: no string-built functions, an in-memory template map so
 * `include`/`render`/`layout` never touch a file system or the network, and time/memory limits
 * so a runaway loop cannot freeze the page.
 */
import { Liquid, type Template } from 'liquidjs';
import { escapeMarkdownInline, escapeMarkdownParagraphs, markdownAutolink, markdownLink, markdownUrl } from './escape';
import { formatInZone, toInstant } from './date-format';
import { yamlQuote } from './front-matter';
import { MarkdownString, md } from './markdown-string';
import { neutralizeMarkdown } from './neutralize';
import type { DayView, RecapData, TalkView } from './recap-data';
import { recordingDeepLink } from './recording-links';
import {
  highlightBlock,
  highlightListItem,
  indentContinuation,
  noteContent,
  noteLabel,
  noteListItem,
  quoteLines,
  speakersAt,
  speakersComma,
  speakersLinked,
  words,
} from './talk-section';
import { formatElapsed } from './timestamps';
import { slugify } from './file-name';
import { frontMatterWarnings } from './front-matter-lint';
import { headingId, headingIds } from './heading-id';
import { tomlQuote } from './toml';
import { TEMPLATE_VARIABLES, unknownVariableHint } from './template-reference';

export type TemplateKind = 'talk' | 'day';

export interface TemplateError {
  line: number;
  column?: number;
  message: string;
}

export type TemplateResult = { ok: true; markdown: string } | { ok: false; error: TemplateError };
export type TemplateCheck = { ok: true; warnings: string[] } | { ok: false; error: TemplateError };

const RENDER_LIMIT_MS = 2000;
const MEMORY_LIMIT = 5e7;
const PARSE_LIMIT = 1e6;
const CACHE_SIZE = 32;

/** Plain value → string, the way Liquid prints it. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof MarkdownString) return value.markdown;
  if (Array.isArray(value)) return value.map(text).join('');
  return String(value);
}

/** Markdown for a value: MarkdownStrings as they are, anything else escaped as one line. */
function markdownOf(value: unknown): string {
  return value instanceof MarkdownString ? value.markdown : escapeMarkdownInline(text(value));
}

function escapeOutput(value: unknown): string {
  if (Array.isArray(value)) return value.map(escapeOutput).join('');
  return markdownOf(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

interface FilterContext {
  getSync(paths: PropertyKey[]): unknown;
  memoryLimit: { use(count: number): void };
}
type Handler = (this: { context: FilterContext }, value: unknown, ...args: unknown[]) => unknown;

/**
 * Every talk's heading id (`talk | heading_id`), repeats numbered; per talk list, so a day
 * template's 50 calls compute them once.
 */
const talkIds = new WeakMap<readonly unknown[], Map<unknown, string>>();
function talkHeadingId(context: FilterContext, talk: Record<string, unknown>): string {
  const talks = context.getSync(['recap', 'talks']);
  if (!Array.isArray(talks) || !talks.includes(talk)) return headingId(text(talk.title));
  let ids = talkIds.get(talks);
  if (!ids) {
    const list = headingIds(talks.map((t: unknown) => (isRecord(t) ? text(t.title) : '')));
    ids = new Map(talks.map((t: unknown, i) => [t, list[i]!]));
    talkIds.set(talks, ids);
  }
  return ids.get(talk)!;
}

/** Characters of a string, Markdown or list of them: what a filter takes in. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value instanceof MarkdownString) return value.markdown.length;
  return Array.isArray(value) ? value.reduce((n: number, item) => n + sizeOf(item), 0) : 0;
}

/**
 * A filter whose output counts against the render's memory limit, as Liquid's own filters do:
 * the input's size before the work (escaping and quoting write at least as much), the growth
 * after. Otherwise chained `toml_string` (each doubling `\` and `"`) built 50M characters in 4 s.
 */
function charged(handler: Handler): Handler {
  return function (v, ...args) {
    const before = sizeOf(v);
    this.context.memoryLimit.use(before);
    const out = handler.call(this, v, ...args);
    this.context.memoryLimit.use(sizeOf(out) - before);
    return out;
  };
}

/** Longest value `toml_string`/`yaml_string` take: front matter values are titles and summaries. */
export const MAX_QUOTED_CHARS = 1_000_000;

/** `quote` for a front matter value or list, refusing a runaway one before escaping it. */
function quoted(name: string, quote: (s: string) => string): Handler {
  return (v) => {
    const size = sizeOf(v);
    if (size > MAX_QUOTED_CHARS) {
      throw new Error(
        `${name}: ${size.toLocaleString('en-US')} characters is more than a front matter value holds (at most ${MAX_QUOTED_CHARS.toLocaleString('en-US')})`,
      );
    }
    return Array.isArray(v) ? `[${v.map((x) => quote(text(x))).join(', ')}]` : quote(text(v));
  };
}

/** Filters whose result is Markdown (raw: not escaped again). */
const MARKDOWN_FILTERS: Record<string, Handler> = {
  raw: (v) => (v instanceof MarkdownString ? v.markdown : neutralizeMarkdown(text(v), 'page')),
  md_escape: (v) => escapeMarkdownInline(text(v)),
  yaml_string: quoted('yaml_string', yamlQuote),
  /** Hugo's TOML front matter: `title = {{ recap.title | toml_string }}`, `tags = {{ recap.tags | toml_string }}`. */
  toml_string: quoted('toml_string', tomlQuote),
  /**
   * `[{{ talk.title }}](#{{ talk | heading_id }})`: the id GitHub, Hugo, Astro and Docusaurus give
   * that talk's heading, `-1`, `-2` for a title that repeats; on text (`talk.title | heading_id`)
   * the id of a heading with that text, alone in its post.
   */
  heading_id(v) {
    return isRecord(v) && !Array.isArray(v) && typeof v.title === 'string'
      ? talkHeadingId(this.context, v)
      : headingId(text(v));
  },
  md_link: (v, url) => markdownLink(text(v), typeof url === 'string' ? url : null),
  safe_url: (v) => markdownUrl(text(v)) ?? '',
  autolink: (v) => markdownAutolink(text(v)) ?? '',
  indent: (v, spaces) => indentContinuation(markdownOf(v), typeof spaces === 'number' ? spaces : 2),
  /** `{{ highlight.quote | blockquote }}`; `{{ note.text | blockquote: note.offset }}` puts the offset first. */
  blockquote: (v, prefix) =>
    quoteLines(
      words(
        markdownOf(prefix),
        v instanceof MarkdownString ? v.markdown : escapeMarkdownParagraphs(text(v)).join('\n\n'),
      ),
    ),
  /** `{{ note | offset }}` → `[12:34](deep link)`; `{{ ms | offset: talk.video_url }}` also works. */
  offset(v, videoUrl) {
    if (isRecord(v) && v.offset instanceof MarkdownString) return v.offset.markdown;
    const ms = typeof v === 'number' ? v : null;
    if (ms === null || ms < 0) return '';
    const url = markdownUrl(recordingDeepLink(typeof videoUrl === 'string' ? videoUrl : null, ms));
    return url ? `[${formatElapsed(ms)}](${url})` : `[${formatElapsed(ms)}]`;
  },
  speaker_list(v, style) {
    const speakers = Array.isArray(v) ? v : [];
    return style === 'comma'
      ? speakersComma(speakers)
      : style === 'links'
        ? speakersLinked(speakers)
        : speakersAt(speakers);
  },
  note_label: (v) =>
    isRecord(v) && typeof v.kind === 'string' && v.text instanceof MarkdownString
      ? noteLabel(v.kind as never, v.text.markdown !== '')
      : '',
  note_content: (v, labelled) =>
    isRecord(v) && v.text instanceof MarkdownString ? noteContent(v as never, labelled !== false) : '',
  note_item: (v, labelled) =>
    isRecord(v) && v.text instanceof MarkdownString ? noteListItem(v as never, labelled !== false) : '',
  highlight: (v) => (isRecord(v) && typeof v.quote === 'string' ? highlightBlock(v as never) : ''),
  highlight_item: (v) => (isRecord(v) && typeof v.quote === 'string' ? highlightListItem(v as never) : ''),
};

/**
 * The zone a date is shown in: the one given, else the talk's (a talk template, or the talk
 * passed in), else the first talk's (a day template), else UTC.
 */
function zoneFor(
  context: { getSync(paths: PropertyKey[]): unknown },
  given: unknown,
  talk: Record<string, unknown> | null,
): string {
  if (typeof given === 'string' && given !== '') return given;
  const candidates = [
    talk?.time_zone,
    context.getSync(['talk', 'time_zone']),
    context.getSync(['talks', 0, 'time_zone']),
  ];
  return candidates.find((z): z is string => typeof z === 'string' && z !== '') ?? 'UTC';
}

/**
 * `{{ talk | date_in_zone: "%A, %B %-d" }}`, `{{ note.created_at | date_in_zone: "%H:%M", talk.time_zone }}`,
 * `{{ "now" | date_in_zone: "%FT%T%:z" }}`. Numbers are epoch ms (ours) or seconds (Liquid's).
 */
const dateInZone: Handler = function (v, format, zone) {
  const pattern = typeof format === 'string' && format ? format : '%Y-%m-%d';
  // A date or a time without an offset (`recap.date`, "2025-09-15 11:00") is a calendar day or
  // a wall time, not an instant: printed as written, in no zone's clock.
  const floating = typeof v === 'string' ? FLOATING.exec(v.trim()) : null;
  if (floating) {
    const wall = Date.parse(`${floating[1]}T${floating[2] ?? '00:00'}${floating[3] ?? ''}Z`);
    return Number.isNaN(wall) ? v : formatInZone(wall, pattern, 'UTC', 'en-US', true);
  }
  const talk = isRecord(v) && 'start_at' in v ? v : null;
  const at = toInstant(talk ? talk.start_at : v);
  // Text that is no date prints as written (Liquid's way); a number out of any date's range, nothing.
  if (at === null) return typeof v === 'string' && !/^\s*-?\d+\s*$/.test(v) ? v : '';
  return formatInZone(at, pattern, zoneFor(this.context, zone, talk));
};

const FLOATING = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?$/;

/** Filters with plain-text results (escaped on output like any text). */
const TEXT_FILTERS: Record<string, Handler> = {
  date_in_zone: dateInZone,
  // Liquid's own `date` reads numbers as seconds and prints UTC: `talk.start_at | date` would
  // show a year like 57660. Ours reads both and prints the venue's clock.
  date: dateInZone,
  slugify: (v) => slugify(text(v)),
};

/** Every filter Talkmark registers (the template reference documents each; a test holds them equal). */
export const TEMPLATE_FILTER_NAMES: readonly string[] = [
  ...Object.keys(MARKDOWN_FILTERS),
  ...Object.keys(TEXT_FILTERS),
];

/** User snippets by the name `{% render 'name' %}` uses: Liquid sources, in memory only. */
export type Snippets = Readonly<Record<string, string>>;

interface Engine {
  liquid: Liquid;
  /** Parsed templates by source, so a template used for 50 talks is parsed once. */
  parsed: Map<string, Template[]>;
}

/** One engine per set of snippets (their parse cache is the engine's): the last few are kept. */
const engines = new Map<string, Engine>();
const ENGINES_KEPT = 4;

/** The engine last used for a snippets object: a recap renders 50 talks with the same one. */
const engineOf = new WeakMap<Snippets, { key: string; engine: Engine }>();
const NO_SNIPPETS: Snippets = {};

function getEngine(snippets: Snippets = NO_SNIPPETS): Engine {
  const known = engineOf.get(snippets);
  if (known && engines.get(known.key) === known.engine) return known.engine;
  const key = JSON.stringify(Object.entries(snippets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const hit = engines.get(key);
  if (hit) {
    engineOf.set(snippets, { key, engine: hit });
    return hit;
  }
  const liquid = new Liquid({
    outputEscape: escapeOutput,
    strictFilters: true,
    ownPropertyOnly: true,
    // `include`/`render`/`layout` read only these in-memory sources: no file system, no network.
    templates: { ...snippets },
    // Snippets never change within an engine, so each is parsed once per engine.
    cache: true,
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    timezoneOffset: 0,
    locale: 'en-US',
  });
  for (const [name, handler] of Object.entries(MARKDOWN_FILTERS))
    liquid.registerFilter(name, { handler: charged(handler) as never, raw: true });
  for (const [name, handler] of Object.entries(TEXT_FILTERS)) liquid.registerFilter(name, charged(handler) as never);
  const engine = { liquid, parsed: new Map<string, Template[]>() };
  engines.set(key, engine);
  engineOf.set(snippets, { key, engine });
  if (engines.size > ENGINES_KEPT) engines.delete(engines.keys().next().value!);
  return engine;
}

function parseCached(source: string, snippets?: Snippets): Template[] {
  const { liquid, parsed } = getEngine(snippets);
  const hit = parsed.get(source);
  if (hit) {
    parsed.delete(source);
    parsed.set(source, hit);
    return hit;
  }
  const templates = liquid.parse(source);
  parsed.set(source, templates);
  if (parsed.size > CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  return templates;
}

interface PositionedError {
  message?: unknown;
  originalError?: { message?: unknown };
  token?: { getPosition?: () => [number, number] };
}

/** Line, column and a message without liquidjs's ", line:1, col:2" suffix. */
export function toTemplateError(err: unknown): TemplateError {
  const e = (isRecord(err) ? err : {}) as PositionedError;
  const position = typeof e.token?.getPosition === 'function' ? e.token.getPosition() : null;
  const raw = String(e.originalError?.message ?? e.message ?? err);
  const message =
    raw
      .replace(/, line:\d+, col:\d+$/, '')
      // liquidjs speaks of files; snippets are what the user has.
      .replace(/^ENOENT: Failed to lookup "(.*)" in .*$/s, 'No snippet is named “$1”')
      .trim() || 'Template error';
  return position ? { line: position[0], column: position[1], message } : { line: 1, message };
}

export function renderWithTemplate(source: string, data: object, snippets?: Snippets): TemplateResult {
  try {
    const markdown: unknown = getEngine(snippets).liquid.renderSync(parseCached(source, snippets), data);
    return { ok: true, markdown: text(markdown) };
  } catch (err) {
    return { ok: false, error: toTemplateError(err) };
  }
}

/**
 * Parses without rendering. Unknown top-level variables are warnings, not errors: they print
 * as nothing, which is legal Liquid but usually a typo. So are front matter values printed
 * without `yaml_string`/`toml_string` (front-matter-lint.ts).
 */
export function validateTemplate(source: string, kind?: TemplateKind, snippets?: Snippets): TemplateCheck {
  let templates: Template[];
  try {
    templates = parseCached(source, snippets);
  } catch (err) {
    return { ok: false, error: toTemplateError(err) };
  }
  if (!kind) return { ok: true, warnings: [] };
  let globals: string[] = [];
  try {
    globals = getEngine(snippets).liquid.globalVariablesSync(templates);
  } catch {
    // Analysis is a nicety; a template that parsed is valid.
  }
  const known = TEMPLATE_VARIABLES[kind];
  const unknown = globals.filter((g) => !Object.hasOwn(known, g)).map((g) => unknownVariableHint(g, kind));
  return { ok: true, warnings: [...unknown, ...frontMatterWarnings(source)] };
}

export interface UnknownVariable {
  name: string;
  /** Where it is first typed (1-based). */
  line: number;
  column: number;
  /** What it probably meant (`unknownVariableHint`). */
  hint: string;
}

/** Each unknown top-level variable where it is first typed, for the editor to flag there. */
export function unknownVariables(source: string, kind: TemplateKind, snippets?: Snippets): UnknownVariable[] {
  try {
    const { liquid } = getEngine(snippets);
    const globals = liquid.analyzeSync(parseCached(source, snippets), { partials: false }).globals;
    const known = TEMPLATE_VARIABLES[kind];
    return Object.entries(globals)
      .filter(([name]) => !Object.hasOwn(known, name))
      .map(([name, uses]) => {
        const at = uses[0]?.location;
        return { name, line: at?.row ?? 1, column: at?.col ?? 1, hint: unknownVariableHint(name, kind) };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
  } catch {
    return [];
  }
}

export interface DayTemplateSettings {
  main_takeaways: boolean;
  intro_heading: string | null;
  outro_heading: string | null;
}

/** Variables of a talk template (documented in template-reference.ts). */
export interface TalkTemplateScope {
  talk: TalkView;
  day: DayView;
  recap: RecapData;
}

/** Variables of a day template (documented in template-reference.ts). */
export interface DayTemplateScope {
  recap: RecapData;
  days: DayView[];
  talks: TalkView[];
  takeaways: RecapData['takeaways'];
  front_matter: MarkdownString;
  settings: DayTemplateSettings;
}

export function talkTemplateScope(data: RecapData, talk: TalkView, day: DayView): TalkTemplateScope {
  return { talk, day, recap: data };
}

export function dayTemplateScope(
  data: RecapData,
  frontMatter: string,
  settings: DayTemplateSettings,
): DayTemplateScope {
  return {
    recap: data,
    days: data.days,
    talks: data.talks,
    takeaways: data.takeaways,
    front_matter: md(frontMatter),
    settings,
  };
}
