import { describe, expect, it } from 'vitest';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { importBackup } from '../../../lib/backup/import';
import { parseBackup } from '../../../lib/backup/parse';
import { talkCheck } from '../../../lib/backup/record-checks';
import { TalkmarkDB } from '../../../lib/db/schema';
import { makeTalk } from '../notes/factories';

describe('backups of corrected and hand-added talks', () => {
  it('carry the edited fields, “not attended”, and a talk added by hand without a page', async () => {
    const source = new TalkmarkDB(`b-${crypto.randomUUID()}`);
    const edited = makeTalk({ title: 'Fixed title', editedFields: ['title', 'room'], notAttended: true });
    const hallway = makeTalk({ source: 'manual', url: '', key: 'manual:x', title: 'Hallway chat' });
    await source.talks.bulkAdd([edited, hallway]);
    const parsed = parseBackup(serializeBackup(await exportBackup(source)));
    if (!parsed.ok) throw new Error(parsed.error);
    const target = new TalkmarkDB(`b-${crypto.randomUUID()}`);
    await importBackup(target, parsed.backup);
    expect(await target.talks.get(edited.id)).toEqual(edited);
    expect(await target.talks.get(hallway.id)).toEqual(hallway);
  });

  it('refuse a clipped talk without its page, and an unknown edited field', () => {
    expect(() => talkCheck(makeTalk({ url: '' }), 'talks[0]')).toThrow(/http\(s\) link/);
    expect(() => talkCheck({ ...makeTalk(), editedFields: ['description'] }, 'talks[0]')).toThrow(/one of/);
    expect(() => talkCheck({ ...makeTalk(), notAttended: 'yes' }, 'talks[0]')).toThrow(/true or false/);
  });
});
