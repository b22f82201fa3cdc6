/**
 * Liquid versions of the presets, as starting points for user templates. Each talk starter
 * renders exactly what its TypeScript preset renders (held equal by a test), and the day starter
 * wraps one in the whole post. Blank lines are forgiving: the output is tidied (runs of blank
 * lines become one), so a template can put tags on lines of their own.
 *
 * Variables, object fields and filters: template-reference.ts (the template editor shows it).
 * Plain text is escaped on output; note text and descriptions are Markdown and print as written.
 *
 * Styles the presets do not make, as a template writes them (whole examples:
 * test/fixtures/recap/templates):
 * - TOML front matter (Hugo): `+++` / `title = {{ recap.title | toml_string }}` /
 *   `{% if talks.first.start_at %}date = {{ talks.first | date: "%FT%T%:z" }}{% endif %}` (TOML has
 *   no empty value: without a time the line must go; the export drops a `key =` left empty) /
 *   `tags = {{ recap.tags | toml_string }}` / `+++`; YAML by hand: `title: {{ recap.title | yaml_string }}`.
 *   A publication date: `{{ "now" | date: "%F" }}`.
 * - Dates: `date` reads a number below 100,000,000,000 as epoch seconds (Liquid's way), from it on
 *   as milliseconds (`talk.start_at`); a date alone or a time without an offset (`recap.date`)
 *   is printed as written, with no zone for %Z %z %:z.
 * - A list of sessions linking to each section: `- [{{ talk.title }}](#{{ talk | heading_id }})`
 *   (GitHub, Hugo, Astro, Docusaurus ids; a repeated title gets `-1`, `-2` as theirs do, but other
 *   headings of the post with the same words are not counted); for kramdown write the id:
 *   `## {{ talk.title }} {#talk-{{ talk.number }}}`.
 * - A time and room line: `{{ talk | date: "%A, %B %-d" }}, {{ talk.time_label }} · {{ talk.room }}`.
 * - Speakers: `{% for s in talk.speakers %}{{ s.name | md_link: s.profile_url }}{% if s.company %} ({{ s.company }}){% endif %}{% endfor %}`.
 * - A quote with attribution: `{{ note.text | blockquote }}` then a line `> — {{ talk.speakers | speaker_list }}`.
 * - A recording embed: `{% raw %}{{< youtube {% endraw %}{{ talk.video_id | raw }}{% raw %} >}}{% endraw %}`
 *   when `talk.video_player == "youtube"` (Hugo; `vimeo` likewise; dev.to: `{% embed url %}`).
 * - A timestamp list: `{% assign timed = talk.notes | where: "offset_label" %}`, then `- {{ note | offset }} {{ note.text }}`.
 */
import type { PresetName } from './presets';

const RESOURCES =
  '{% for r in talk.resources %}{{ r.name | md_link: r.url }}{% unless forloop.last %} · {% endunless %}{% endfor %}';

const NARRATIVE = `{% if recap.multi_day %}###{% else %}##{% endif %} {{ talk.title }}{% if talk.speakers.size > 0 %} by {{ talk.speakers | speaker_list: "at" }}{% endif %}

${RESOURCES}

{{ talk.description }}
{% for note in talk.notes %}
{% if note.kind == "quote" %}
{{ note.text | blockquote: note.offset }}{{ note.credit }}
{% elsif note.kind != "link" and note.kind != "todo" %}
{{ note | note_content }}
{% endif %}
{% endfor %}
{% for highlight in talk.highlights %}
{{ highlight | highlight }}
{% endfor %}
{% if talk.notes_by_kind.link.size > 0 or talk.links.size > 0 %}
**Links**

{% for note in talk.notes_by_kind.link %}{{ note | note_item }}
{% endfor %}{% for link in talk.links %}- {{ link | autolink }}
{% endfor %}
{% endif %}
{% if talk.notes_by_kind.todo.size > 0 %}
**To do**

{% for note in talk.notes_by_kind.todo %}{{ note | note_item }}
{% endfor %}
{% endif %}
`;

const BULLETED = `### {{ talk.title }}{% if talk.speakers.size > 0 %} – {{ talk.speakers | speaker_list: "comma" }}{% endif %}

${RESOURCES}

{{ talk.description | blockquote }}

{% for note in talk.notes %}{{ note | note_item }}
{% endfor %}{% for highlight in talk.highlights %}{{ highlight | highlight_item }}
{% endfor %}{% for link in talk.links %}- {{ link | autolink }}
{% endfor %}
`;

const STRUCTURED = `### Talk {{ talk.number }}: {{ talk.title }}
{% if talk.speakers.size > 1 %}#### Speakers: {{ talk.speakers | speaker_list: "links" }}
{% elsif talk.speakers.size == 1 %}#### Speaker: {{ talk.speakers | speaker_list: "links" }}
{% endif %}{% if talk.description %}#### Summary
{{ talk.description }}
{% endif %}
{% if talk.notes_by_kind.takeaway.size > 0 %}
#### Key Takeaways
{% for note in talk.notes_by_kind.takeaway %}{{ note | note_item: false }}
{% endfor %}
{% endif %}
{% assign note_count = talk.notes_by_kind.plain.size | plus: talk.notes_by_kind.slide.size %}
{% if note_count > 0 %}
#### Notes
{% for note in talk.notes %}{% if note.kind == "plain" or note.kind == "slide" %}{{ note | note_item }}
{% endif %}{% endfor %}
{% endif %}
{% if talk.notes_by_kind.quote.size > 0 %}
#### Quotes
{% for note in talk.notes_by_kind.quote %}{{ note.text | blockquote: note.offset }}{{ note.credit }}

{% endfor %}
{% endif %}
{% if talk.highlights.size > 0 %}
#### Highlights
{% for highlight in talk.highlights %}{{ highlight | highlight }}

{% endfor %}
{% endif %}
{% if talk.notes_by_kind.question.size > 0 %}
#### Questions
{% for note in talk.notes_by_kind.question %}{{ note | note_item: false }}
{% endfor %}
{% endif %}
{% assign link_count = talk.resources.size | plus: talk.notes_by_kind.link.size | plus: talk.links.size %}
{% if link_count > 0 %}
#### Links
{% for r in talk.resources %}- {{ r.name | md_link: r.url }}
{% endfor %}{% for note in talk.notes_by_kind.link %}{{ note | note_item }}
{% endfor %}{% for link in talk.links %}- {{ link | autolink }}
{% endfor %}
{% endif %}
{% if talk.notes_by_kind.todo.size > 0 %}
#### To Do
{% for note in talk.notes_by_kind.todo %}{{ note | note_item }}
{% endfor %}
{% endif %}
`;

export const TALK_STARTERS: Record<PresetName, string> = {
  narrative: NARRATIVE,
  bulleted: BULLETED,
  structured: STRUCTURED,
};

/** A whole-post template: front matter, intro, main takeaways, days, and the preset's talk section. */
export function dayStarterTemplate(preset: PresetName): string {
  return `{{ front_matter }}
{% if recap.intro %}
{% if settings.intro_heading %}## {{ settings.intro_heading }}{% endif %}

{{ recap.intro }}
{% endif %}
{% if settings.main_takeaways and takeaways.size > 0 %}
## Main takeaways

{% for talk in talks %}{% if talk.notes_by_kind.takeaway.size > 0 %}- **{{ talk.title }}**
{% for note in talk.notes_by_kind.takeaway %}  - {{ note.text | indent: 4 }}{{ note.credit }}
{% endfor %}{% endif %}{% endfor %}
{% endif %}
{% for day in days %}
{% if recap.multi_day %}## {{ day.heading }}{% endif %}
{% for talk in day.talks %}
${TALK_STARTERS[preset].trim()}
{% endfor %}
{% endfor %}
{% if recap.closing %}
{% if settings.outro_heading %}## {{ settings.outro_heading }}{% endif %}

{{ recap.closing }}
{% endif %}
`;
}
