/**
 * Editor state mirrored synchronously in localStorage (the notes composer's pattern, see
 * lib/notes/draft-mirror.ts): an IndexedDB write started as the page closes can be cut off, a
 * `localStorage.setItem` cannot. On the next open the newer copy wins and is written back.
 */
import type { Template } from '../model';
import { newerDraft, readMirror, writeMirror, type DraftStorage } from '../notes/draft-mirror';
import type { TemplateFields } from '../db/templates';
import { parseOrNull, shape, string, templateKind } from '../validate';
import { cleanExportChoices, type ExportChoices } from './export-choices';

export const EXPORT_CHOICES_MIRROR_KEY = 'recap-export';

export function templateMirrorKey(id: string): string {
  return `template:${id}`;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function serializeTemplateFields(fields: TemplateFields): string {
  return JSON.stringify({ name: fields.name, kind: fields.kind, body: fields.body });
}

const templateFields = shape<TemplateFields>({
  name: string(Number.POSITIVE_INFINITY),
  kind: templateKind,
  body: string(Number.POSITIVE_INFINITY),
});

export function parseTemplateFields(text: string): TemplateFields | null {
  const v = parseObject(text);
  return v ? parseOrNull(templateFields, v, 'template') : null;
}

export function mirrorTemplate(
  storage: DraftStorage | null,
  id: string,
  fields: TemplateFields,
  at = Date.now(),
): void {
  writeMirror(storage, templateMirrorKey(id), serializeTemplateFields(fields), at);
}

export function forgetTemplateMirror(storage: DraftStorage | null, id: string): void {
  writeMirror(storage, templateMirrorKey(id), '');
}

/** What the editor opens with; `unsaved` when the mirror caught edits IndexedDB missed. */
export function templateToEdit(
  storage: DraftStorage | null,
  template: Template,
): { fields: TemplateFields; unsaved: boolean } {
  const stored: TemplateFields = { name: template.name, kind: template.kind, body: template.body };
  const mirror = readMirror(storage, templateMirrorKey(template.id));
  const newer = newerDraft({ text: serializeTemplateFields(stored), updatedAt: template.updatedAt }, mirror);
  const fields = newer ? parseTemplateFields(newer.text) : null;
  if (!fields) return { fields: stored, unsaved: false };
  const unsaved = serializeTemplateFields(fields) !== serializeTemplateFields(stored);
  return { fields, unsaved };
}

export function mirrorExportChoices(storage: DraftStorage | null, choices: ExportChoices, at = Date.now()): void {
  writeMirror(storage, EXPORT_CHOICES_MIRROR_KEY, JSON.stringify(choices), at);
}

/** The choices in the mirror (the newest any page of this browser wrote), or null. */
export function mirroredExportChoices(storage: DraftStorage | null): ExportChoices | null {
  const mirror = readMirror(storage, EXPORT_CHOICES_MIRROR_KEY);
  const parsed = mirror ? parseObject(mirror.text) : null;
  return parsed ? cleanExportChoices(parsed) : null;
}

/** The newer of the stored choices and the mirror; `unsaved` when the mirror must be written back. */
export function choicesToUse(
  storage: DraftStorage | null,
  stored: { choices: ExportChoices; savedAt: number | null },
): { choices: ExportChoices; unsaved: boolean } {
  const mirror = readMirror(storage, EXPORT_CHOICES_MIRROR_KEY);
  if (!mirror || (stored.savedAt !== null && stored.savedAt >= mirror.at))
    return { choices: stored.choices, unsaved: false };
  const parsed = parseObject(mirror.text);
  if (!parsed) return { choices: stored.choices, unsaved: false };
  const choices = cleanExportChoices(parsed);
  return { choices, unsaved: JSON.stringify(choices) !== JSON.stringify(stored.choices) };
}
