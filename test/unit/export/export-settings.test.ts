import { beforeEach, describe, expect, it } from 'vitest';
import { loadExportChoices, saveExportChoices } from '../../../lib/export/export-settings';
import { TalkmarkDB } from '../../../lib/db/schema';
import { DEFAULT_EXPORT_CHOICES } from '../../../lib/export/export-choices';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('export settings', () => {
  it('are the defaults until something is saved', async () => {
    expect(await loadExportChoices(db)).toEqual({ choices: DEFAULT_EXPORT_CHOICES, savedAt: null });
  });

  it('round-trip with the time they were saved', async () => {
    const choices = { ...DEFAULT_EXPORT_CHOICES, scope: 'all' as const, preset: 'structured' as const, tags: 'k8s' };
    expect(await saveExportChoices(db, choices, 1234)).toEqual({ ok: true, value: undefined });
    expect(await loadExportChoices(db)).toEqual({ choices, savedAt: 1234 });
  });

  it('clean whatever a restore put there', async () => {
    await db.settings.put({ key: 'recapExport', value: { preset: '<script>', scope: 'all', savedAt: 'yesterday' } });
    expect(await loadExportChoices(db)).toEqual({
      choices: { ...DEFAULT_EXPORT_CHOICES, scope: 'all' },
      savedAt: null,
    });
  });
});
