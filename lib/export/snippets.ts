/**
 * User snippets: templates of kind `snippet`, kept in the templates table beside the others and
 * rendered with `{% render 'talk-heading', talk: talk %}`. The name a template uses is the
 * snippet's name as a slug ("Talk heading" → `talk-heading`), so renaming one says what changed.
 */
import type { Template } from '../model';
import { slugify, type Snippets } from '../recap';

export function snippetName(name: string): string {
  return slugify(name) || 'snippet';
}

/** Every snippet by the name templates render it with (the first of two that slug alike wins). */
export function snippetsOf(templates: readonly Template[]): Snippets {
  const out: Record<string, string> = {};
  for (const t of templates) {
    if (t.kind !== 'snippet') continue;
    const name = snippetName(t.name);
    if (!Object.hasOwn(out, name)) out[name] = t.body;
  }
  return out;
}

/** What to write in a template to use it. */
export function renderTagFor(name: string): string {
  return `{% render '${snippetName(name)}', talk: talk %}`;
}

export const SNIPPET_STARTER = `### {{ talk.title }}{% if talk.speakers.size > 0 %} — {{ talk.speakers | speaker_list: "comma" }}{% endif %}
`;
