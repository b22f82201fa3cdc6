/**
 * The user's recap templates (Dexie `templates`). Writes return a StorageResult, like notes, so
 * the editor can show why a save failed and keep the text queued.
 */
import type { Template } from '../model';
import { attemptWrite, StorageError, type StorageResult } from './storage-errors';
import type { TalkmarkDB } from './schema';

/** Far above any real template; keeps one runaway paste from filling the quota. */
export const MAX_TEMPLATE_CHARS = 1_000_000;
export const MAX_TEMPLATE_NAME_CHARS = 200;

export type TemplateFields = Pick<Template, 'name' | 'kind' | 'body'>;
export type TemplateChanges = Partial<TemplateFields>;

function checkFields(fields: TemplateChanges): void {
  if (fields.body !== undefined && fields.body.length > MAX_TEMPLATE_CHARS) {
    throw new StorageError('invalid', 'This template is too long to save.');
  }
  if (fields.kind !== undefined && fields.kind !== 'talk' && fields.kind !== 'day' && fields.kind !== 'snippet') {
    throw new StorageError('invalid', 'A template is for one talk, for the whole post, or a snippet.');
  }
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, MAX_TEMPLATE_NAME_CHARS);
}

/** Every template, by name. */
export async function listTemplates(db: TalkmarkDB): Promise<Template[]> {
  const all = await db.templates.toArray();
  return all.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export async function getTemplate(db: TalkmarkDB, id: string): Promise<Template | null> {
  return (await db.templates.get(id)) ?? null;
}

/** `base`, or `base (2)`, `base (3)`… — the first not taken (case-insensitive). */
export function uniqueTemplateName(taken: readonly string[], base: string): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  const root = cleanName(base) || 'Untitled template';
  if (!names.has(root.toLowerCase())) return root;
  for (let i = 2; ; i++) {
    const candidate = `${root} (${i})`;
    if (!names.has(candidate.toLowerCase())) return candidate;
  }
}

/** Adds a template under a name no other template has. */
export function createTemplate(
  db: TalkmarkDB,
  fields: TemplateFields,
  now = Date.now(),
): Promise<StorageResult<Template>> {
  return attemptWrite(() => {
    checkFields(fields);
    return db.transaction('rw', db.templates, async () => {
      const taken = (await db.templates.toArray()).map((t) => t.name);
      const template: Template = {
        id: crypto.randomUUID(),
        name: uniqueTemplateName(taken, fields.name),
        kind: fields.kind,
        body: fields.body,
        updatedAt: now,
      };
      await db.templates.add(template);
      return template;
    });
  });
}

/** Called debounced while the user types; an empty name keeps the old one. */
export function updateTemplate(
  db: TalkmarkDB,
  id: string,
  changes: TemplateChanges,
  now = Date.now(),
): Promise<StorageResult<Template>> {
  return attemptWrite(() => {
    checkFields(changes);
    return db.transaction('rw', db.templates, async () => {
      const old = await db.templates.get(id);
      if (!old) throw new StorageError('missing', 'This template no longer exists.');
      const name = changes.name === undefined ? old.name : cleanName(changes.name) || old.name;
      const next: Template = { ...old, ...changes, name, updatedAt: now };
      await db.templates.put(next);
      return next;
    });
  });
}

/** Deletes and returns the record, so the caller can offer undo. */
export function deleteTemplate(db: TalkmarkDB, id: string): Promise<StorageResult<Template>> {
  return attemptWrite(() =>
    db.transaction('rw', db.templates, async () => {
      const old = await db.templates.get(id);
      if (!old) throw new StorageError('missing', 'This template no longer exists.');
      await db.templates.delete(id);
      return old;
    }),
  );
}

/** Undo of a delete: the same record back, id and all (so the Export view's choice finds it again). */
export function restoreTemplate(db: TalkmarkDB, template: Template): Promise<StorageResult<void>> {
  return attemptWrite(async () => {
    await db.templates.put(template);
  });
}
