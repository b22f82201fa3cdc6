import { NOTE_KINDS, type NoteKind } from '../model';

/**
 * What the composer understands at the start of a note. Matching is on the start of the text
 * only (after leading spaces): a `?` in the middle of a sentence is punctuation, not a kind.
 */
export interface NotePrefix {
  /** The characters typed, matched case-insensitively. */
  prefix: string;
  kind: NoteKind;
}

/** First match wins: list a longer prefix before any shorter one it starts with. */
export const NOTE_PREFIXES: readonly NotePrefix[] = [
  { prefix: '!', kind: 'takeaway' },
  { prefix: '"', kind: 'quote' },
  // Smart-quote substitution (macOS, some keyboards) turns a typed " into “.
  { prefix: '\u201c', kind: 'quote' },
  { prefix: '>', kind: 'quote' },
  { prefix: '?', kind: 'question' },
  { prefix: '@', kind: 'link' },
  { prefix: '[ ]', kind: 'todo' },
  { prefix: '[]', kind: 'todo' },
  { prefix: 'todo:', kind: 'todo' },
  { prefix: 'slide:', kind: 'slide' },
];

/** A lone http(s) URL is a link note; the URL is the text, nothing is stripped. */
const LONE_URL = /^https?:\/\/\S+$/i;

export interface PrefixHint {
  kind: NoteKind;
  /** Every prefix for the kind, in table order: `['"', '“', '>']`. */
  prefixes: string[];
}

/**
 * The prefixes grouped per kind, in `NOTE_KINDS` order, for the composer's help line
 * ("Type ! for a takeaway, ? for a question…"). `link` also accepts a lone URL.
 */
export function prefixHints(): PrefixHint[] {
  return NOTE_KINDS.map((kind) => ({
    kind,
    prefixes: NOTE_PREFIXES.filter((p) => p.kind === kind).map((p) => p.prefix),
  })).filter((h) => h.prefixes.length > 0);
}

export interface ComposerResult {
  kind: NoteKind;
  /** The note text: the prefix and the spaces around it removed, the end trimmed. */
  text: string;
}

/** A quote typed in quotation marks keeps neither mark: `"words"` and `“words”` become `words`. */
function unquote(prefix: NotePrefix, text: string): string {
  const closing = prefix.prefix === '"' ? /["”]$/ : prefix.prefix === '\u201c' ? /[”"]$/ : null;
  return closing ? text.replace(closing, '').trimEnd() : text;
}

function matchPrefix(text: string): NotePrefix | null {
  const lower = text.toLowerCase();
  for (const p of NOTE_PREFIXES) {
    if (!lower.startsWith(p.prefix)) continue;
    // `![alt](src)` is a Markdown image, not a takeaway about "[alt](src)".
    if (p.prefix === '!' && text[1] === '[') continue;
    return p;
  }
  return null;
}

/**
 * Reads the kind a note was typed as. An explicit kind (picked by key or menu) wins; the prefix
 * is then removed only when it names that same kind, so "? why" saved as a todo keeps its "?".
 */
export function parseComposerInput(text: string, explicitKind?: NoteKind | null): ComposerResult {
  const body = text.trim();
  const prefix = matchPrefix(body);
  const strip = (p: NotePrefix) => body.slice(p.prefix.length).trimStart();

  if (explicitKind) {
    return { kind: explicitKind, text: prefix && prefix.kind === explicitKind ? unquote(prefix, strip(prefix)) : body };
  }
  if (prefix) return { kind: prefix.kind, text: unquote(prefix, strip(prefix)) };
  if (LONE_URL.test(body)) return { kind: 'link', text: body };
  return { kind: 'plain', text: body };
}
