import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { DEFAULT_EXPORT_CHOICES } from '../../../lib/export/export-choices';
import { loadExportChoices, saveExportChoices } from '../../../lib/export/export-settings';
import { mirrorExportChoices } from '../../../lib/export/local-mirror';
import { setTemplateRows, templateRows } from '../../../lib/export/template-rows';
import type { FrontMatterRow } from '../../../lib/recap/front-matter-rows';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const ROWS: FrontMatterRow[] = [{ key: 'categories', type: 'list', value: 'DevOps, Events' }];

describe("a template's front matter rows, as its file carries them", () => {
  it('are stored for the imported template beside every other style’s rows, and read back', async () => {
    const preset = [{ key: 'weight', type: 'number', value: '3' }] as FrontMatterRow[];
    await saveExportChoices(db, { ...DEFAULT_EXPORT_CHOICES, frontMatterRows: { 'preset:narrative': preset } }, 1);
    const storage = memoryStorage();
    expect(await setTemplateRows(db, storage, 'tpl-1', ROWS, 2)).toEqual({ ok: true, value: undefined });
    expect(await templateRows(db, storage, 'tpl-1')).toEqual(ROWS);
    expect(await templateRows(db, null, 'tpl-1')).toEqual(ROWS);
    expect((await loadExportChoices(db)).choices.frontMatterRows).toEqual({
      'preset:narrative': preset,
      'template:tpl-1': ROWS,
    });
    expect(await templateRows(db, storage, 'other')).toEqual([]);
  });

  it('are read from the newer mirror when the Export view has not written the store yet', async () => {
    const storage = memoryStorage();
    await saveExportChoices(db, DEFAULT_EXPORT_CHOICES, 1);
    mirrorExportChoices(storage, { ...DEFAULT_EXPORT_CHOICES, frontMatterRows: { 'template:tpl-2': ROWS } }, 5);
    expect(await templateRows(db, storage, 'tpl-2')).toEqual(ROWS);
  });
});
