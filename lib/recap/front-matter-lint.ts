/**
 * Warnings for front matter a template writes itself. Output is escaped as Markdown, which is
 * wrong inside YAML or TOML: `title: "{{ recap.title }}"` breaks on a title holding a quote or a
 * backslash, `title: {{ recap.title }}` on one holding `: ` or ` #`. `yaml_string` and
 * `toml_string` write the whole value, quotes included.
 */

const BLOCK = /^\s*(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/;
const OUTPUT = /(["']?)\{\{-?\s*([\s\S]*?)\s*-?\}\}(["']?)/g;
/** Values that print the same in YAML, TOML and Markdown: dates, numbers, slugs. */
const SAFE_BARE = /^(?:recap\.date|[\w.]+\.(?:number|size|start_at|end_at|offset_ms))$|\|\s*(?:yaml_string|toml_string|date|date_in_zone|slugify|heading_id)\b/;

export function frontMatterWarnings(source: string): string[] {
  const block = BLOCK.exec(source);
  if (!block) return [];
  const filter = block[1] === '+++' ? 'toml_string' : 'yaml_string';
  const firstLine = source.slice(0, block.index + block[0].indexOf(block[2]!)).split('\n').length;
  const warnings: string[] = [];
  block[2]!.split('\n').forEach((line, i) => {
    for (const [, open, expression, close] of line.matchAll(OUTPUT)) {
      const quoted = open !== '' && open === close;
      if (!quoted && SAFE_BARE.test(expression!)) continue;
      const what = quoted ? 'a value in quotes' : 'a value without a filter';
      warnings.push(`Line ${firstLine + i}: front matter gets ${what}; write {{ ${expression!.replace(/\s*\|.*$/s, '')} | ${filter} }} without quotes, so quotes, colons and # in it cannot break the ${block[1] === '+++' ? 'TOML' : 'YAML'}`);
    }
  });
  return warnings;
}
