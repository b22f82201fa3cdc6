/**
 * What the user chose in the Export view, as remembered in settings, and how those choices
 * become `renderRecap` options. Everything read back from storage is cleaned: a backup restore
 * or an older version may have left any shape there, and an export must still open.
 */
import type { Template } from '../model';
import { FRONT_MATTER_ROW_TYPES, frontMatterExtra, type FrontMatterRow } from '../recap/front-matter-rows';
import {
  PRESET_NAMES,
  renderRecap,
  type FrontMatterFlavour,
  type FrontMatterFormat,
  type PresetName,
  type RecapInput,
  type RecapOptions,
  type RecapResult,
  type Snippets,
  type TemplateKind,
} from '../recap';
import { boolean, clippedText, memberOf, orDefault, orNull, string } from '../validate';

export const EXPORT_SCOPES = ['talk', 'day', 'days', 'all'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export const FRONT_MATTER_FLAVOURS = [
  'hugo',
  'jekyll',
  'obsidian',
  'none',
] as const satisfies readonly FrontMatterFlavour[];
/** YAML (`---`) everywhere; TOML (`+++`) for Hugo sites that use it. */
export const FRONT_MATTER_FORMATS = ['yaml', 'toml'] as const satisfies readonly FrontMatterFormat[];

export interface ExportChoices {
  scope: ExportScope;
  preset: PresetName;
  /** A user template (Dexie `templates` id), or null for the preset alone. */
  templateId: string | null;
  frontMatter: FrontMatterFlavour;
  frontMatterFormat: FrontMatterFormat;
  /** Empty: the library's default, "<conference> – Recap". */
  title: string;
  /** As typed, comma-separated: the field keeps the user's spacing while they type. */
  authors: string;
  tags: string;
  mainTakeaways: boolean;
  /** Day posts (not a single talk's section) leave out talks without notes or highlights. */
  onlyWithNotes: boolean;
  /**
   * The "Intro" and "Closing" Markdown, per scope: a day's intro is not one talk's. An empty
   * intro leaves a day post's placeholder line (a reminder to write one); one talk gets none.
   */
  intro: ScopeTexts;
  closing: ScopeTexts;
  /** Custom front matter keys, per style (`frontMatterStyleKey`): each preset and template has its own. */
  frontMatterRows: Readonly<Record<string, readonly FrontMatterRow[]>>;
}

/** Which rows the export uses: the chosen template's, else the preset's. */
export function frontMatterStyleKey(choices: Pick<ExportChoices, 'preset' | 'templateId'>): string {
  return choices.templateId ? `template:${choices.templateId}` : `preset:${choices.preset}`;
}

export type ScopeTexts = Readonly<Record<ExportScope, string>>;

export const NO_SCOPE_TEXTS: ScopeTexts = { talk: '', day: '', days: '', all: '' };

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  scope: 'day',
  preset: 'narrative',
  templateId: null,
  frontMatter: 'hugo',
  frontMatterFormat: 'yaml',
  title: '',
  authors: '',
  tags: '',
  mainTakeaways: true,
  onlyWithNotes: true,
  intro: NO_SCOPE_TEXTS,
  closing: NO_SCOPE_TEXTS,
  frontMatterRows: {},
};

const MAX_STYLES = 100;
const MAX_ROWS = 50;
const STYLE_KEY = /^(?:preset|template):[^\u0000-\u001f]{1,200}$/;

/** Intro and closing are paragraphs, not one-line fields. */
const MAX_TEXT_CHARS = 20_000;

const MAX_FIELD_CHARS = 2_000;

// Read leniently (lib/validate): a value an older version or a restore left is replaced by the default.
const listed = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  orDefault(memberOf(values), fallback)(value, 'choice');
const text = (value: unknown, max = MAX_FIELD_CHARS): string => orDefault(clippedText(max), '')(value, 'choice');
const flag = (value: unknown, fallback: boolean): boolean => orDefault(boolean, fallback)(value, 'choice');
const templateId = orNull(string(Number.POSITIVE_INFINITY, 1));

function scopeTexts(value: unknown): ScopeTexts {
  const r = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(EXPORT_SCOPES.map((s) => [s, text(r[s], MAX_TEXT_CHARS)])) as Record<ExportScope, string>;
}

function cleanRows(value: unknown): Record<string, FrontMatterRow[]> {
  const out: Record<string, FrontMatterRow[]> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [style, rows] of Object.entries(value).slice(0, MAX_STYLES)) {
    if (!STYLE_KEY.test(style) || !Array.isArray(rows)) continue;
    out[style] = rows.slice(0, MAX_ROWS).map((row: unknown) => {
      const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
      return { key: text(r.key), type: listed(FRONT_MATTER_ROW_TYPES, r.type, 'string'), value: text(r.value) };
    });
  }
  return out;
}

export function cleanExportChoices(raw: unknown): ExportChoices {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_EXPORT_CHOICES;
  return {
    scope: listed(EXPORT_SCOPES, r.scope, d.scope),
    preset: listed(PRESET_NAMES, r.preset, d.preset),
    templateId: templateId(r.templateId, 'choice'),
    frontMatter: listed(FRONT_MATTER_FLAVOURS, r.frontMatter, d.frontMatter),
    frontMatterFormat: listed(FRONT_MATTER_FORMATS, r.frontMatterFormat, d.frontMatterFormat),
    title: text(r.title),
    authors: text(r.authors),
    tags: text(r.tags),
    mainTakeaways: flag(r.mainTakeaways, d.mainTakeaways),
    onlyWithNotes: flag(r.onlyWithNotes, d.onlyWithNotes),
    intro: scopeTexts(r.intro),
    closing: scopeTexts(r.closing),
    frontMatterRows: cleanRows(r.frontMatterRows),
  };
}

/** `"Ada, Grace ,, Ada"` → `["Ada", "Grace"]`. */
export function splitList(text: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(items)];
}

export function recapOptionsFor(
  choices: ExportChoices,
  chosen: Template | null,
  snippets: Snippets = {},
): RecapOptions {
  // A snippet is a piece of other templates, never a post's template itself.
  const template = chosen?.kind === 'snippet' ? null : chosen;
  const rows = choices.frontMatterRows[frontMatterStyleKey({ ...choices, templateId: template?.id ?? null })] ?? [];
  const { extra, draft } = frontMatterExtra(rows);
  const custom = {
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
    ...(draft === undefined ? {} : { draft }),
  };
  return {
    preset: choices.preset,
    // YAML, the default, is left implicit so existing option objects stay as they were. TOML only
    // for Hugo: Jekyll and Obsidian read YAML alone, whatever was picked while Hugo was chosen.
    frontMatter:
      choices.frontMatterFormat === 'toml' && choices.frontMatter === 'hugo'
        ? { flavour: 'hugo', format: 'toml', ...custom }
        : { flavour: choices.frontMatter, ...custom },
    title: choices.title.trim() || undefined,
    authors: splitList(choices.authors),
    tags: splitList(choices.tags),
    mainTakeaways: choices.mainTakeaways,
    // One talk is a post of its own, not a day post with one section: no intro, no Main takeaways.
    singleTalk: choices.scope === 'talk',
    // Empty: the library's default (a day post's placeholder line; nothing for one talk).
    intro: choices.intro[choices.scope].trim() === '' ? undefined : choices.intro[choices.scope],
    outro: choices.closing[choices.scope].trim() === '' ? null : choices.closing[choices.scope],
    template: template ? { kind: template.kind as TemplateKind, source: template.body } : null,
    ...(template && Object.keys(snippets).length > 0 ? { snippets } : {}),
    // A day post leaves out talks marked "not attended", and (by choice) those without notes;
    // one talk exported on its own is shown whatever it holds.
    ...(choices.scope === 'talk' ? {} : { skipNotAttended: true, onlyWithNotes: choices.onlyWithNotes }),
  };
}

/** `renderRecap` that never throws: an unexpected failure is shown like a template error. */
export function renderExport(input: RecapInput, options: RecapOptions): RecapResult {
  try {
    return renderRecap(input, options);
  } catch (err) {
    return {
      ok: false,
      error: {
        line: 1,
        message: `The recap could not be rendered: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
}
