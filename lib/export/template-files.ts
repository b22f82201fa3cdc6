/**
 * Templates as files people can keep in a repository or share: the body as-is in a text file
 * named `<name>.<kind>.liquid` so importing it back knows the kind, after a leading comment with
 * the template's extra front matter rows when it has any (template-file-header.ts). Imports are
 * parsed before anything is stored, and a file that does not parse is refused with its line and reason.
 */
import type { Template } from '../model';
import type { FrontMatterRow } from '../recap/front-matter-rows';
import { readFrontMatterHeader, withFrontMatterHeader } from './template-file-header';
import { slugify, validateTemplate, type TemplateError, type TemplateKind } from '../recap';
import { MAX_TEMPLATE_CHARS } from '../db/templates';

export const TEMPLATE_FILE_ACCEPT = '.liquid,.md,.markdown,.txt,text/plain,text/markdown';
/** A template file larger than this is not a template. */
export const MAX_TEMPLATE_FILE_BYTES = 1_000_000;

export function templateFileName(template: Pick<Template, 'name' | 'kind'>): string {
  return `${slugify(template.name) || 'template'}.${template.kind}.liquid`;
}

/** What a template's file holds: its extra front matter rows (if any) in a leading comment, then its body. */
export function templateFileText(template: Pick<Template, 'body'>, rows: readonly FrontMatterRow[] = []): string {
  return withFrontMatterHeader(template.body, rows);
}

const EXTENSION = /\.(liquid|md|markdown|txt)$/i;
const KIND_SUFFIX = /\.(talk|day|snippet)$/i;

/**
 * The kind a file names (`.day.liquid`), else the kind whose variables the template uses: a
 * template that reads `days` or `front_matter` is a whole post.
 */
export function guessTemplateKind(fileName: string, body: string): Template['kind'] {
  const named = KIND_SUFFIX.exec(fileName.replace(EXTENSION, ''))?.[1]?.toLowerCase();
  if (named === 'talk' || named === 'day' || named === 'snippet') return named;
  const unknownAs = (kind: TemplateKind) => {
    const check = validateTemplate(body, kind);
    return check.ok ? check.warnings.length : Infinity;
  };
  return unknownAs('day') < unknownAs('talk') ? 'day' : 'talk';
}

/** `kcd-recap.day.liquid` → `kcd-recap`. */
export function templateNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(EXTENSION, '').replace(KIND_SUFFIX, '').trim() || 'Imported template';
}

export type TemplateFileResult =
  | {
      ok: true;
      name: string;
      kind: Template['kind'];
      body: string;
      /** The extra front matter rows the file's header carried (none without one). */
      frontMatterRows: FrontMatterRow[];
      warnings: string[];
    }
  | { ok: false; message: string; error?: TemplateError };

export function parseTemplateFile(fileName: string, text: string): TemplateFileResult {
  if (!EXTENSION.test(fileName)) return { ok: false, message: 'Choose a .liquid, .md or .txt file.' };
  if (text.length > MAX_TEMPLATE_CHARS) return { ok: false, message: 'This file is too large to be a template.' };
  // A NUL byte means a binary file picked by mistake.
  if (text.includes('\u0000')) return { ok: false, message: 'This file is not text.' };
  const header = readFrontMatterHeader(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!header.ok)
    return {
      ok: false,
      message: 'Its front matter header is not valid, so it was not imported.',
      error: { line: header.line, message: header.message },
    };
  const { body } = header;
  if (body.trim() === '') return { ok: false, message: 'This file is empty.' };
  const kind = guessTemplateKind(fileName, body);
  // A snippet's variables are whatever its caller passes: parsed, not checked against a scope.
  const check = validateTemplate(body, kind === 'snippet' ? undefined : kind);
  if (!check.ok)
    return {
      ok: false,
      message: 'The template has an error, so it was not imported.',
      // Counted in the file, header included.
      error: { ...check.error, line: check.error.line + header.headerLines },
    };
  return {
    ok: true,
    name: templateNameFromFile(fileName),
    kind,
    body,
    frontMatterRows: header.rows,
    warnings: check.warnings,
  };
}
