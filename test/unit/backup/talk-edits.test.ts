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
    const edited = makeTalk({
      title: 'Fixed title',
      editedFields: ['title', 'room'],
      notAttended: true,
      captureCrop: { x: 0.125, y: 0.1, width: 0.75, height: 0.8 },
    });
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

  it('refuse a capture crop outside the picture, too small, or not numbers', () => {
    const withCrop = (captureCrop: unknown) => talkCheck({ ...makeTalk(), captureCrop }, 'talks[0]');
    expect(withCrop({ x: 0.5, y: 0.5, width: 0.5, height: 0.5 }).captureCrop).toEqual({
      x: 0.5,
      y: 0.5,
      width: 0.5,
      height: 0.5,
    });
    expect(() => withCrop({ x: 0.6, y: 0, width: 0.5, height: 1 })).toThrow(/inside the picture/);
    expect(() => withCrop({ x: 0, y: 0, width: 0.001, height: 1 })).toThrow(/at least 5 %/);
    expect(() => withCrop({ x: -0.1, y: 0, width: 0.5, height: 1 })).toThrow(/from 0 to 1/);
    expect(() => withCrop({ x: 0, y: 0, width: 1, height: Number.NaN })).toThrow(/from 0 to 1/);
    expect(() => withCrop([0, 0, 1, 1])).toThrow(/an object/);
  });
});
