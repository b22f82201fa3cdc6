/**
 * Warnings for front matter a template writes itself. Output is escaped as Markdown, which is
 * wrong inside YAML or TOML: `title: "{{ recap.title }}"` breaks on a title holding a quote or a
 * backslash, `title: {{ recap.title }}` on one holding `: ` or ` #`. `yaml_string` and
 * `toml_string` write the whole value, quotes included. TOML is stricter than YAML: it has no
 * bare strings (a slug must be quoted) and no empty value (`date = ` for a talk without a time
 * is a syntax error, where YAML's `date:` is null).
 */

const BLOCK = /^\s*(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/;
/** A conditional's tag, or an output with the quote characters around it. */
const TOKEN = /\{%-?\s*(if|unless|endif|endunless)\b[\s\S]*?-?%\}|(["']?)\{\{-?\s*([\s\S]*?)\s*-?\}\}(["']?)/g;
/** Values that print the same in YAML and Markdown: dates, numbers, slugs. */
const SAFE_BARE_YAML =
  /^(?:recap\.date|[\w.]+\.(?:number|size|start_at|end_at|offset_ms))$|\|\s*(?:yaml_string|toml_string|date|date_in_zone|slugify|heading_id)\b/;
/** In TOML: numbers and quoted strings (dates: isTomlSafe). */
const SAFE_BARE_TOML = /^[\w.]+\.(?:number|size)$|\|\s*toml_string\b/;
/** Values that are null (so print nothing) for a talk without a time. */
const NULLABLE_DATE = /^(?:recap\.date|[\w.]+\.(?:start_at|end_at|offset_ms))$/;
const DATE_FILTER = /\|\s*(?:date|date_in_zone)\b/;
/** Filters that escape for Markdown or quote: replaced by the one the format needs in a fix. */
const ESCAPING_FILTER = /\s*\|\s*(?:md_escape|raw|yaml_string|toml_string)\b[^|]*/g;

/** `{{ x | upcase }}` → `{{ x | upcase | toml_string }}`: the user's filters kept, the quoting one added. */
function quotedFix(expression: string, filter: string): string {
  return `{{ ${expression.replace(ESCAPING_FILTER, '').trim()} | ${filter} }}`;
}

/**
 * The variable to test before writing a date that may be empty: the value itself when it is a
 * date field, else its `start_at` (`talks.first | date` formats a talk); null when never empty.
 */
function emptyDateGuard(expression: string): string | null {
  if (/\|\s*default\b/.test(expression)) return null;
  const head = expression.split('|')[0]!.trim();
  if (NULLABLE_DATE.test(head)) return head;
  // A literal (`"now"`) and a note's `created_at` always hold a date.
  if (!DATE_FILTER.test(expression) || !/^[A-Za-z_][\w.[\]]*$/.test(head) || /created_at$/.test(head)) return null;
  return /(?:_at|date)$/.test(head) ? head : `${head}.start_at`;
}

/** Bare in TOML: a number, a quoted string, or a date (its emptiness checked apart). */
function isTomlSafe(expression: string): boolean {
  return (
    SAFE_BARE_TOML.test(expression) ||
    DATE_FILTER.test(expression) ||
    NULLABLE_DATE.test(expression.split('|')[0]!.trim())
  );
}

export function frontMatterWarnings(source: string): string[] {
  const block = BLOCK.exec(source);
  if (!block) return [];
  const toml = block[1] === '+++';
  const filter = toml ? 'toml_string' : 'yaml_string';
  const body = block[2]!;
  const firstLine = source.slice(0, block.index + block[0].indexOf(body)).split('\n').length;
  const lines = body.split('\n');
  const warnings: string[] = [];
  // Open `if`/`unless` tags: a date written inside one is the template's own guard.
  let conditionals = 0;
  for (const m of body.matchAll(TOKEN)) {
    const [, tag, open, expression, close] = m;
    if (tag) {
      conditionals = Math.max(0, conditionals + (tag.startsWith('end') ? -1 : 1));
      continue;
    }
    const lineIndex = body.slice(0, m.index).split('\n').length - 1;
    const at = `Line ${firstLine + lineIndex}`;
    const quoted = open !== '' && open === close;
    const guard = toml && !quoted && conditionals === 0 ? emptyDateGuard(expression!) : null;
    if (guard !== null) {
      warnings.push(
        `${at}: {{ ${expression} }} is empty when there is no time, and TOML has no empty value; write {% if ${guard} %}${lines[lineIndex]!.trim()}{% endif %} so the line is left out`,
      );
      continue;
    }
    if (!quoted && (toml ? isTomlSafe(expression!) : SAFE_BARE_YAML.test(expression!))) continue;
    const what = quoted ? 'a value in quotes' : 'a value without a filter';
    warnings.push(
      `${at}: front matter gets ${what}; write ${quotedFix(expression!, filter)} without quotes, so quotes, colons and # in it cannot break the ${toml ? 'TOML' : 'YAML'}`,
    );
  }
  return warnings;
}
