import { describe, expect, it } from 'vitest';
import type { Template } from '../../../lib/model';
import { DEFAULT_EXPORT_CHOICES } from '../../../lib/export/export-choices';
import {
  choicesToUse,
  forgetTemplateMirror,
  mirrorExportChoices,
  mirrorTemplate,
  parseTemplateFields,
  templateToEdit,
} from '../../../lib/export/local-mirror';
import { memoryStorage } from '../helpers';

const stored: Template = { id: 't1', name: 'Saved', kind: 'talk', body: 'saved body', updatedAt: 100 };

describe('template mirror', () => {
  it('opens the stored template when the mirror is older or missing', () => {
    const storage = memoryStorage();
    expect(templateToEdit(storage, stored)).toEqual({
      fields: { name: 'Saved', kind: 'talk', body: 'saved body' },
      unsaved: false,
    });
    mirrorTemplate(storage, 't1', { name: 'Old', kind: 'day', body: 'old' }, 50);
    expect(templateToEdit(storage, stored).fields.body).toBe('saved body');
  });

  it('opens the mirror when it caught edits the database missed', () => {
    const storage = memoryStorage();
    mirrorTemplate(storage, 't1', { name: 'Saved', kind: 'day', body: 'typed last' }, 150);
    expect(templateToEdit(storage, stored)).toEqual({
      fields: { name: 'Saved', kind: 'day', body: 'typed last' },
      unsaved: true,
    });
    forgetTemplateMirror(storage, 't1');
    expect(storage.data.size).toBe(0);
  });

  it('ignores a corrupt mirror and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('talkmark:draft:template:t1', JSON.stringify({ text: '{"name":1}', at: 999 }));
    expect(templateToEdit(storage, stored).unsaved).toBe(false);
    expect(templateToEdit(null, stored).fields.body).toBe('saved body');
    expect(parseTemplateFields('not json')).toBeNull();
  });
});

describe('export choices mirror', () => {
  const saved = { choices: { ...DEFAULT_EXPORT_CHOICES, tags: 'saved' }, savedAt: 100 };

  it('prefers the newer copy', () => {
    const storage = memoryStorage();
    expect(choicesToUse(storage, saved)).toEqual({ choices: saved.choices, unsaved: false });
    mirrorExportChoices(storage, { ...DEFAULT_EXPORT_CHOICES, tags: 'older' }, 50);
    expect(choicesToUse(storage, saved).choices.tags).toBe('saved');
    mirrorExportChoices(storage, { ...DEFAULT_EXPORT_CHOICES, tags: 'newer' }, 150);
    expect(choicesToUse(storage, saved)).toEqual({
      choices: { ...DEFAULT_EXPORT_CHOICES, tags: 'newer' },
      unsaved: true,
    });
    expect(choicesToUse(storage, { ...saved, savedAt: null }).choices.tags).toBe('newer');
  });

  it('cleans what the mirror holds', () => {
    const storage = memoryStorage();
    storage.setItem('talkmark:draft:recap-export', JSON.stringify({ text: '{"preset":"evil","tags":"t"}', at: 500 }));
    expect(choicesToUse(storage, saved).choices).toEqual({ ...DEFAULT_EXPORT_CHOICES, tags: 't' });
  });
});
