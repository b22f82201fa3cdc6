/**
 * A template's extra front matter rows live in the export choices (per style key, beside the
 * presets'); template files carry them (template-file-header.ts). These read and write one
 * template's rows through the same store and localStorage mirror the Export view uses.
 */
import type { TalkmarkDB } from '../db/schema';
import type { StorageResult } from '../db/storage-errors';
import type { DraftStorage } from '../notes/draft-mirror';
import type { FrontMatterRow } from '../recap/front-matter-rows';
import { frontMatterStyleKey } from './export-choices';
import { loadExportChoices, saveExportChoices } from './export-settings';
import { choicesToUse, mirrorExportChoices } from './local-mirror';

const keyOf = (templateId: string) => frontMatterStyleKey({ preset: 'narrative', templateId });

/** The rows the Export view keeps for this template (the newest of store and mirror). */
export async function templateRows(
  db: TalkmarkDB,
  storage: DraftStorage | null,
  templateId: string,
): Promise<readonly FrontMatterRow[]> {
  const { choices } = choicesToUse(storage, await loadExportChoices(db));
  return choices.frontMatterRows[keyOf(templateId)] ?? [];
}

/** Gives a (newly imported) template its rows; other templates' and presets' rows are kept. */
export async function setTemplateRows(
  db: TalkmarkDB,
  storage: DraftStorage | null,
  templateId: string,
  rows: readonly FrontMatterRow[],
  now = Date.now(),
): Promise<StorageResult<void>> {
  const { choices } = choicesToUse(storage, await loadExportChoices(db));
  const next = { ...choices, frontMatterRows: { ...choices.frontMatterRows, [keyOf(templateId)]: rows } };
  mirrorExportChoices(storage, next, now);
  return saveExportChoices(db, next, now);
}
