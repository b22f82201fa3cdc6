import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  MAX_TEMPLATE_CHARS,
  restoreTemplate,
  uniqueTemplateName,
  updateTemplate,
} from '../../../lib/db/templates';

import { templateCheck } from '../../../lib/backup/record-checks';

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  await db.open();
});

describe('template store', () => {
  it('creates templates under names no other template has, listed by name', async () => {
    const first = await createTemplate(db, { name: 'My post', kind: 'day', body: 'a' }, 10);
    const second = await createTemplate(db, { name: '  my   POST ', kind: 'talk', body: 'b' }, 20);
    await createTemplate(db, { name: 'Another', kind: 'talk', body: 'c' }, 30);
    expect(first).toMatchObject({ ok: true, value: { name: 'My post', kind: 'day', body: 'a', updatedAt: 10 } });
    expect(second.ok && second.value.name).toBe('my POST (2)');
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Another', 'My post', 'my POST (2)']);
  });

  it('keeps snippets in the same table (no schema change), and a backup carries them', async () => {
    const saved = await createTemplate(db, { name: 'Talk heading', kind: 'snippet', body: '### {{ talk.title }}' }, 10);
    expect(saved).toMatchObject({ ok: true, value: { kind: 'snippet' } });
    const record = (await listTemplates(db))[0]!;
    expect(() => templateCheck(record, 'templates[0]')).not.toThrow();
    expect(await createTemplate(db, { name: 'x', kind: 'partial' as never, body: '' })).toMatchObject({ ok: false });
  });

  it('updates fields; an empty name keeps the old one', async () => {
    const created = await createTemplate(db, { name: 'T', kind: 'talk', body: 'a' }, 10);
    const id = created.ok ? created.value.id : '';
    expect(await updateTemplate(db, id, { body: 'b', kind: 'day', name: '   ' }, 20)).toMatchObject({
      ok: true,
      value: { name: 'T', body: 'b', kind: 'day', updatedAt: 20 },
    });
    expect(await updateTemplate(db, id, { name: 'Renamed' }, 30)).toMatchObject({
      ok: true,
      value: { name: 'Renamed', body: 'b' },
    });
    expect(await getTemplate(db, id)).toMatchObject({ name: 'Renamed', body: 'b', kind: 'day', updatedAt: 30 });
  });

  it('refuses what cannot be stored, and says a deleted template is gone', async () => {
    expect(
      await createTemplate(db, { name: 'Big', kind: 'talk', body: 'x'.repeat(MAX_TEMPLATE_CHARS + 1) }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await createTemplate(db, { name: 'Odd', kind: 'week' as never, body: '' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await updateTemplate(db, 'nope', { body: 'x' })).toMatchObject({ ok: false, error: { kind: 'missing' } });
    expect(await db.templates.count()).toBe(0);
  });

  it('deletes with a record to undo, and the undo brings back the same id', async () => {
    const created = await createTemplate(db, { name: 'T', kind: 'talk', body: 'a' }, 10);
    const id = created.ok ? created.value.id : '';
    const deleted = await deleteTemplate(db, id);
    expect(deleted).toMatchObject({ ok: true, value: { id, body: 'a' } });
    expect(await getTemplate(db, id)).toBeNull();
    expect(await deleteTemplate(db, id)).toMatchObject({ ok: false, error: { kind: 'missing' } });
    if (deleted.ok) await restoreTemplate(db, deleted.value);
    expect(await getTemplate(db, id)).toEqual(created.ok && created.value);
  });
});

describe('uniqueTemplateName', () => {
  it('numbers repeats and names the nameless', () => {
    expect(uniqueTemplateName([], 'A')).toBe('A');
    expect(uniqueTemplateName(['A', 'a (2)'], 'A')).toBe('A (3)');
    expect(uniqueTemplateName([], '  ')).toBe('Untitled template');
  });
});
