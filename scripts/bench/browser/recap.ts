/**
 * Browser side of the recap benchmark: one day's export rendered with one preset, or with a
 * user's talk template that renders two snippets (`user-template`).
 */
import { renderRecap, type PresetName, type RecapOptions } from '../../../lib/recap';
import { recapDay } from '../fixtures';

let input: ReturnType<typeof recapDay> | null = null;

export type RecapBenchStyle = PresetName | 'user-template';

/** A talk template the way an author splits one: a heading snippet, a note-list snippet. */
const USER_TEMPLATE: RecapOptions = {
  preset: 'bulleted',
  template: {
    kind: 'talk',
    source: `{% render 'talk-heading', talk: talk %}
{% if talk.description %}{{ talk.description | blockquote }}{% endif %}
{% render 'note-list', notes: talk.notes %}
{% for highlight in talk.highlights %}{{ highlight | highlight_item }}
{% endfor %}`,
  },
  snippets: {
    'talk-heading': `### {{ talk.title }}{% if talk.moderators.size > 0 %} — moderated by {{ talk.moderators | map: "name" | join: ", " }}{% elsif talk.speakers.size > 0 %} — {{ talk.speakers | speaker_list: "comma" }}{% endif %}
{% if talk.time_label %}_{{ talk.time_label }}_{% endif %}`,
    'note-list': `{% for note in notes %}{{ note | note_item }}
{% endfor %}`,
  },
};

function optionsFor(style: RecapBenchStyle): RecapOptions {
  return style === 'user-template' ? USER_TEMPLATE : { preset: style };
}

/** Generates the day (not timed). */
export function prepare() {
  input = recapDay();
  return { talks: input.talks.length, notes: input.notes.length, highlights: input.highlights.length };
}

/** The timed, cold call: the first render in this page. */
export function run(style: RecapBenchStyle) {
  const t0 = performance.now();
  const result = renderRecap(input!, optionsFor(style));
  const ms = performance.now() - t0;
  return { ms, ok: result.ok, chars: result.ok ? result.markdown.length : 0 };
}

/** Best of three more renders in the same page (JIT-compiled, caches warm), for the small print. */
export function warm(style: RecapBenchStyle) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    renderRecap(input!, optionsFor(style));
    best = Math.min(best, performance.now() - s);
  }
  return best;
}
