/**
 * What the template editor offers while one types a variable: the names that can follow the
 * path before the caret (`{{ talk.no` → `notes`, `notes_by_kind`, `number`), from the same
 * reference the renderer's views are typed against (template-reference.ts), loop variables
 * included (`{% for speaker in talk.speakers %}` makes `speaker.` a speaker).
 */
import { OBJECT_FIELDS, TEMPLATE_VARIABLES, type FieldDoc, type ObjectName } from './template-reference';
import type { TemplateKind } from './templates';

export interface Completion {
  /** What is being typed: the last segment of the path (`no`). */
  partial: string;
  /** Names that complete it, each with its reference entry. */
  options: Array<{ name: string; doc: FieldDoc }>;
}

const LOOP = /\{%-?\s*for\s+([A-Za-z_][\w-]*)\s+in\s+([A-Za-z_][\w.-]*)/g;
/** The path being typed at the end of the text: inside `{{ … }}` or a tag, after a space, `(`, `|:` etc. */
const TYPED_PATH = /(?:\{\{-?|\{%-?)[^}]*?(?:^|[\s(,:=<>!])((?:[A-Za-z_][\w-]*\.)*)([A-Za-z_][\w-]*)?$/;

type Fields = Readonly<Record<string, FieldDoc>>;

/** The fields of the object a path names, or null (`talk.speakers` → speaker's fields). */
function fieldsAt(path: readonly string[], scope: Fields, loops: ReadonlyMap<string, ObjectName>): Fields | null {
  let fields: Fields | null = null;
  for (const [i, part] of path.entries()) {
    if (i === 0) {
      const loop = loops.get(part);
      if (loop) {
        fields = OBJECT_FIELDS[loop];
        continue;
      }
    }
    const doc: FieldDoc | undefined = (i === 0 ? scope : (fields ?? {}))[part];
    if (!doc?.of) return null;
    fields = OBJECT_FIELDS[doc.of];
  }
  return fields ?? scope;
}

/** The loop variables defined before the caret, and the kind of object each walks. */
function loopVariables(before: string, scope: Fields): Map<string, ObjectName> {
  const loops = new Map<string, ObjectName>();
  for (const m of before.matchAll(LOOP)) {
    const path = m[2]!.split('.');
    const owner = fieldsAt(path.slice(0, -1), scope, loops);
    const doc = owner?.[path[path.length - 1]!];
    if (doc?.of) loops.set(m[1]!, doc.of);
  }
  return loops;
}

/** Completions for the variable being typed at `caret`, or null when the caret is not in one. */
export function variableCompletions(source: string, caret: number, kind: TemplateKind): Completion | null {
  const before = source.slice(0, caret);
  // Only inside an open `{{` or `{%` on this stretch of text.
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  if (open === -1 || before.lastIndexOf('}}') > open || before.lastIndexOf('%}') > open) return null;
  const m = TYPED_PATH.exec(before.slice(open));
  if (!m) return null;
  // After a filter's `|` comes a filter name, not a variable.
  if (/\|\s*[\w-]*$/.test(before.slice(open)) && !m[1]) return null;
  const scope = TEMPLATE_VARIABLES[kind];
  const loops = loopVariables(before, scope);
  const path = m[1] ? m[1].slice(0, -1).split('.') : [];
  const partial = m[2] ?? '';
  if (path.length === 0 && partial === '') return null;
  const fields = fieldsAt(path, scope, loops);
  if (!fields) return null;
  const names: Array<[string, FieldDoc]> = Object.entries(fields);
  if (path.length === 0) for (const [name, of] of loops) names.push([name, { type: of, text: `The loop’s ${of}`, of }]);
  const options = names
    .filter(([name]) => name.startsWith(partial) && name !== partial)
    .map(([name, doc]) => ({ name, doc }));
  return options.length ? { partial, options } : null;
}
