/**
 * What a user template can read: every variable and object field the renderer hands to Liquid,
 * and every filter Talkmark adds. The template editor shows it as its reference, and
 * `validateTemplate` takes its known variables and its "did you mean" hints from it.
 *
 * It cannot drift from the renderer: each object's fields are typed as exactly the keys of the
 * view type the renderer builds (recap-data.ts, templates.ts), so a field added or renamed there
 * fails the type check here; a unit test walks a rendered scope and holds every value to these
 * entries, and the filter list to the filters the engine registers.
 */
import type { NoteKind } from '../model';
import type {
  DayView,
  HighlightView,
  ImageView,
  LinkView,
  NoteView,
  RecapData,
  SpeakerView,
  TakeawayView,
  TalkView,
} from './recap-views';
import type { DayTemplateScope, DayTemplateSettings, TalkTemplateScope, TemplateKind } from './templates';

/** The objects a template meets, by the name a loop over them would use. */
export const OBJECT_NAMES = [
  'recap',
  'conference',
  'day',
  'talk',
  'speaker',
  'link',
  'notes_by_kind',
  'note',
  'image',
  'highlight',
  'takeaway',
  'settings',
] as const;
export type ObjectName = (typeof OBJECT_NAMES)[number];

export interface FieldDoc {
  /** What it holds, as a template author reads it: `text`, `Markdown`, `number`, `list of talk`… */
  type: string;
  /** One line on what it is. */
  text: string;
  /** An object, or a list of objects, of this kind (its fields are under `OBJECT_FIELDS[of]`). */
  of?: ObjectName;
  /** A list: `{% for x in … %}` walks it. */
  list?: boolean;
}

/** Exactly the keys of `T`, each documented: a missing or extra key is a type error. */
type Fields<T> = { readonly [K in keyof T]-?: FieldDoc };

const text = (t: string, type = 'text'): FieldDoc => ({ type, text: t });
const markdown = (t: string): FieldDoc => ({ type: 'Markdown', text: t });
const object = (of: ObjectName, t: string, type: string = of): FieldDoc => ({ type, text: t, of });
const list = (of: ObjectName, t: string): FieldDoc => ({ type: `list of ${of}`, text: t, of, list: true });

const RECAP: Fields<RecapData> = {
  title: text(
    'The post’s title: the one typed in the Export view, else the talk’s (one talk) or “<conference> – Recap”',
  ),
  date: text('`YYYY-MM-DD` of the first day, in the venue’s clock; empty without times'),
  authors: text('The authors typed in the Export view', 'list of text'),
  tags: text('The tags typed in the Export view', 'list of text'),
  conference: object('conference', 'The conference, or empty when unknown'),
  reader_time_zone: text(
    'Your own zone (where you export), e.g. `Europe/Berlin`: `{{ talk | date: "%H:%M %Z", recap.reader_time_zone }}`',
  ),
  intro: markdown('The Export view’s “Intro” (when left empty, a placeholder to overwrite in a day post), or empty'),
  outro: markdown('The closing section (`recap.closing`), or empty'),
  closing: markdown('The Export view’s “Closing”, or empty'),
  days: list('day', 'The days, by date (talks without a time last)'),
  talks: list('talk', 'Every talk, in the order the post shows them'),
  takeaways: list('takeaway', 'Every takeaway note with its talk'),
  multi_day: text('true when the talks span more than one day', 'true/false'),
  single_talk: text('true for a post about one talk (no intro placeholder, no Main takeaways)', 'true/false'),
};

const CONFERENCE: Fields<NonNullable<RecapData['conference']>> = {
  name: text('The conference’s name, or empty'),
  url: text('Its web site, or empty', 'URL'),
  start_date: text('`YYYY-MM-DD` of its first day (of every talk you clipped from it), or empty'),
  end_date: text('`YYYY-MM-DD` of its last day, or empty'),
  day_count: text('Days from the first to the last, or empty', 'number'),
  place: text('Where it takes place, or empty'),
  time_zone: text('Its IANA zone, e.g. `Europe/Zurich`, or empty'),
};

const DAY: Fields<DayView> = {
  key: text('`YYYY-MM-DD`, or empty for the talks without a time'),
  number: text('Position in the post, from 1', 'number'),
  conference_day: text('Day N of the conference, counted from its first day (“Day 2”), or empty', 'number'),
  label: text('`Tuesday, September 9`, or `Other talks`'),
  heading: text('`Day 2 — Tuesday, September 9` (the conference’s day number when known), or `Other talks`'),
  talks: list('talk', 'That day’s talks, by start time'),
};

const TALK: Fields<TalkView> = {
  id: text('Talkmark’s id of the talk'),
  number: text('Position in the post, from 1', 'number'),
  title: text('The talk’s title'),
  url: text('The talk’s page, or empty', 'URL'),
  speakers: list('speaker', 'The speakers, in the order the page lists them'),
  moderators: list('speaker', 'The speakers listed as moderators (hosts, chairs…)'),
  presenters: list('speaker', 'The other speakers: presenters and panelists'),
  description: markdown('The abstract, or empty'),
  start_at: text('Start (epoch ms), or empty; print it with `| date`', 'number'),
  end_at: text('End (epoch ms), or empty', 'number'),
  time_zone: text('The venue’s IANA zone, e.g. `America/Los_Angeles`'),
  time_label: text('`9:30 – 10:00 AM PDT` in the venue’s clock (`CEST`, `JST`… as people write them), or empty'),
  room: text('The room, or empty'),
  tracks: text('Tracks or types the page named', 'list of text'),
  files: list('link', 'Slides and other files attached to the talk'),
  video_url: text('The recording, or empty', 'URL'),
  video_player: text('`youtube` or `vimeo` when the recording is there, else empty'),
  video_id: text('The recording’s id on that player, for embeds (print with `| raw`)'),
  resources: list('link', 'Talk page, files and recording: the links every preset lists'),
  links: text('Links you added to the talk', 'list of URL'),
  notes: list('note', 'The notes, in time order: everyone’s, when a team shares one database'),
  notes_by_kind: object('notes_by_kind', 'Your notes by kind: `talk.notes_by_kind.takeaway`…', 'notes by kind'),
  highlights: list('highlight', 'Your highlights, in time order'),
  authors: text(
    'The people whose notes the talk shows (`note.author`), in the order of their first note',
    'list of text',
  ),
};

const SPEAKER: Fields<SpeakerView> = {
  name: text('The speaker’s name'),
  role: text('Job title, or empty'),
  company: text('Company, or empty'),
  profile_url: text('Profile page, or empty', 'URL'),
  group: text('The group the page lists them under: `Speakers`, `Moderators`, `Panelists`…, or empty'),
  is_moderator: text('true for a moderator, host, chair or MC', 'true/false'),
  is_panelist: text('true for a panelist', 'true/false'),
};

const LINK: Fields<LinkView> = {
  name: text('What the link is: `Talk page`, a file name, `Recording`'),
  url: text('Where it goes', 'URL'),
};

const NOTES_BY_KIND: Fields<Record<NoteKind, NoteView[]>> = {
  plain: list('note', 'Plain notes'),
  takeaway: list('note', 'Takeaways (typed with `!`)'),
  quote: list('note', 'Quotes (typed with `"`)'),
  question: list('note', 'Questions (typed with `?`)'),
  link: list('note', 'Link notes (typed with `@` or a lone URL)'),
  todo: list('note', 'To-dos (typed with `[ ]`)'),
  slide: list('note', 'Slide marks'),
};

const NOTE: Fields<NoteView> = {
  id: text('Talkmark’s id of the note'),
  kind: text('`plain`, `takeaway`, `quote`, `question`, `link`, `todo` or `slide`'),
  text: markdown('What you typed (empty for a bare slide mark)'),
  created_at: text('When you wrote it (epoch ms)', 'number'),
  offset_ms: text('Time into the talk (ms), or empty', 'number'),
  offset_label: text('`12:34` into the talk, or empty'),
  offset_url: text('The recording at that moment, or empty', 'URL'),
  offset: markdown('`[12:34](recording link)`, `[12:34]`, or empty'),
  image: object('image', 'The note’s picture when the export writes pictures (Download as .zip), else empty'),
  author: text('Who wrote it: the name set in the settings (yours for your own notes), or empty'),
  credit: markdown(
    '` — Ada` (leading space included) when the post has notes by more than one person, else empty; `note_item` and `note_content` end with it',
  ),
};

const IMAGE: Fields<ImageView> = {
  path: text('The picture’s link: relative to the post (Jekyll: from the site root)'),
  alt: text('The note’s words as alt text'),
  width: text('Width in pixels', 'number'),
  height: text('Height in pixels', 'number'),
  markdown: markdown('`![alt](<path>)`'),
};

const HIGHLIGHT: Fields<HighlightView> = {
  id: text('Talkmark’s id of the highlight'),
  quote: text('The highlighted words of the page'),
  comment: markdown('Your comment, or empty'),
  page_url: text('The page it is on', 'URL'),
  page_title: text('That page’s title'),
  on_talk_page: text('true when it is on the talk’s own page', 'true/false'),
  created_at: text('When you made it (epoch ms)', 'number'),
  author: text('Who made it, or empty'),
};

const TAKEAWAY: Fields<TakeawayView> = {
  note: object('note', 'The takeaway note'),
  talk: object('talk', 'Its talk'),
};

const SETTINGS: Fields<DayTemplateSettings> = {
  main_takeaways: text('“Include main takeaways” in the Export view (false for one talk)', 'true/false'),
  intro_heading: text('The preset’s heading above the intro, or empty'),
  outro_heading: text('The preset’s heading above the closing section, or empty'),
};

export const OBJECT_FIELDS: { readonly [K in ObjectName]: Readonly<Record<string, FieldDoc>> } = {
  recap: RECAP,
  conference: CONFERENCE,
  day: DAY,
  talk: TALK,
  speaker: SPEAKER,
  link: LINK,
  notes_by_kind: NOTES_BY_KIND,
  note: NOTE,
  image: IMAGE,
  highlight: HIGHLIGHT,
  takeaway: TAKEAWAY,
  settings: SETTINGS,
};

const TALK_SCOPE: Fields<TalkTemplateScope> = {
  talk: object('talk', 'The talk this section is for'),
  day: object('day', 'Its day'),
  recap: object('recap', 'The whole post: title, days, every talk'),
};

const DAY_SCOPE: Fields<DayTemplateScope> = {
  recap: object('recap', 'The whole post: title, date, authors, intro…'),
  days: list('day', 'The days (`recap.days`)'),
  talks: list('talk', 'Every talk (`recap.talks`)'),
  takeaways: list('takeaway', 'Every takeaway note with its talk (`recap.takeaways`)'),
  front_matter: markdown('The front matter chosen in the Export view, fences included, or empty'),
  settings: object('settings', 'Choices of the Export view and the preset'),
};

/** The variables a template of each kind starts with. */
export const TEMPLATE_VARIABLES: { readonly [K in TemplateKind]: Readonly<Record<string, FieldDoc>> } = {
  talk: TALK_SCOPE,
  day: DAY_SCOPE,
};

export interface FilterDoc {
  usage: string;
  text: string;
}

/** Talkmark's own filters (Liquid's standard ones — `upcase`, `where`, `size`… — work too). */
export const FILTER_DOCS: Readonly<Record<string, FilterDoc>> = {
  raw: { usage: '{{ value | raw }}', text: 'Print without Markdown escaping (HTML is still defused)' },
  md_escape: { usage: '{{ text | md_escape }}', text: 'Escape as Markdown text (what printing does by default)' },
  yaml_string: {
    usage: 'title: {{ recap.title | yaml_string }}',
    text: 'A quoted YAML value (or list), for front matter',
  },
  toml_string: {
    usage: 'title = {{ recap.title | toml_string }}',
    text: 'A quoted TOML value (or list), for Hugo’s `+++` front matter',
  },
  heading_id: {
    usage: '[{{ talk.title }}](#{{ talk | heading_id }})',
    text: 'The id sites give that talk’s heading, for a list of links',
  },
  md_link: {
    usage: '{{ speaker.name | md_link: speaker.profile_url }}',
    text: 'A Markdown link, or the text alone without a URL',
  },
  safe_url: { usage: '{{ talk.url | safe_url }}', text: 'The URL if it is http(s), else nothing' },
  autolink: { usage: '{{ link | autolink }}', text: '`<https://…>`' },
  indent: { usage: '{{ note.text | indent: 4 }}', text: 'Indent continuation lines, to stay inside a list item' },
  blockquote: {
    usage: '{{ note.text | blockquote: note.offset }}',
    text: 'As a `>` quote, optionally starting with a prefix',
  },
  offset: { usage: '{{ note | offset }}', text: '`[12:34](recording link)` for a note' },
  speaker_list: {
    usage: '{{ talk.speakers | speaker_list: "at" }}',
    text: '`at`: “A at X and B”; `comma`: “A, X & B”; `links`: linked names',
  },
  note_label: { usage: '{{ note | note_label }}', text: '`**Takeaway:**`, `**Question:**`, `**Slide**`… or nothing' },
  note_content: { usage: '{{ note | note_content }}', text: 'Offset, label and text, as the presets print a note' },
  note_item: {
    usage: '{{ note | note_item }}',
    text: 'The note as a list item (`- [ ]` for a to-do); `note_item: false` drops the label',
  },
  highlight: { usage: '{{ highlight | highlight }}', text: 'The quote, its source and your comment, as a block' },
  highlight_item: { usage: '{{ highlight | highlight_item }}', text: 'The same as a list item' },
  date: { usage: '{{ talk | date: "%A, %B %-d" }}', text: 'A date in the venue’s clock (strftime); `"now"` is today' },
  date_in_zone: {
    usage: '{{ note.created_at | date_in_zone: "%H:%M", talk.time_zone }}',
    text: '`date` in a zone you name',
  },
  slugify: { usage: '{{ talk.title | slugify }}', text: '`lower-case-words`, for file names and ids' },
};

/** Where an object of this kind is reached from a template's variables: a path, or a loop (shortest first). */
export interface ObjectPlace {
  /** `talk`, `recap`, or the loop variable's name for a list item. */
  name: string;
  /** The loops to write around it, outermost first: `{% for talk in talks %}`. */
  loops: string[];
}

/**
 * For each kind of object, the nearest place a template reaches it: directly (`recap`, a talk
 * template's `talk`) or as the item of a loop (`{% for talk in talks %}`), found breadth-first.
 */
export function objectPlaces(kind: TemplateKind): Map<ObjectName, ObjectPlace> {
  const places = new Map<ObjectName, ObjectPlace>();
  const queue: Array<{ of: ObjectName; place: ObjectPlace }> = [];
  const visit = (fields: Readonly<Record<string, FieldDoc>>, parent: ObjectPlace | null) => {
    for (const [name, doc] of Object.entries(fields)) {
      if (!doc.of || places.has(doc.of)) continue;
      const path = parent ? `${parent.name}.${name}` : name;
      const place = doc.list
        ? { name: doc.of, loops: [...(parent?.loops ?? []), `{% for ${doc.of} in ${path} %}`] }
        : { name: path, loops: parent?.loops ?? [] };
      places.set(doc.of, place);
      queue.push({ of: doc.of, place });
    }
  };
  visit(TEMPLATE_VARIABLES[kind], null);
  while (queue.length) {
    const next = queue.shift()!;
    visit(OBJECT_FIELDS[next.of], next.place);
  }
  return places;
}

const KIND_WORDS: Record<TemplateKind, string> = { talk: 'a talk template', day: 'a whole-post template' };

/**
 * Why an unknown variable prints nothing, and what the author probably meant: the fields of that
 * name (`{{ title }}` → `{{ recap.title }}`, or `{{ talk.title }}` inside `{% for talk in talks %}`),
 * or the loop that defines an item name used outside it (`{{ talk.title }}` in a day template).
 */
export function unknownVariableHint(name: string, kind: TemplateKind): string {
  const places = objectPlaces(kind);
  const say = (expr: string, loops: string[]) =>
    loops.length ? `{{ ${expr} }} inside ${loops.join(' … ')}` : `{{ ${expr} }}`;
  const asItem = (OBJECT_NAMES as readonly string[]).includes(name) ? places.get(name as ObjectName) : undefined;
  if (asItem && asItem.loops.length > 0 && asItem.name === name) {
    return `“${name}” is not a variable of ${KIND_WORDS[kind]} at this level: it exists inside ${asItem.loops.join(' … ')}.`;
  }
  const found: Array<{ expr: string; loops: string[] }> = [];
  for (const [of, place] of places) {
    if (Object.hasOwn(OBJECT_FIELDS[of], name)) found.push({ expr: `${place.name}.${name}`, loops: place.loops });
  }
  found.sort((a, b) => a.loops.length - b.loops.length);
  const base = `“${name}” is not a variable of ${KIND_WORDS[kind]}, so it prints nothing`;
  if (found.length === 0) {
    const variables = Object.keys(TEMPLATE_VARIABLES[kind]);
    const close = variables.filter((v) => editDistance(v, name) <= 2);
    return close.length
      ? `${base}. Did you mean ${close.map((v) => `{{ ${v} }}`).join(' or ')}?`
      : `${base}. Its variables: ${variables.join(', ')}.`;
  }
  const options = found.slice(0, 3).map((f) => say(f.expr, f.loops));
  return `${base}. Did you mean ${options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}` : options[0]}?`;
}

/** Levenshtein distance, for "did you mean" on short names. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
