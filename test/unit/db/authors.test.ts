import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, serializeBackup } from '../../../lib/backup/export';
import { parseBackup } from '../../../lib/backup/parse';
import { restoreFromText } from '../../../lib/backup/restore';
import { TalkmarkDB } from '../../../lib/db/schema';
import { getSetting, isOwn, ownAuthor, setOwnAuthor, setSetting } from '../../../lib/db/settings';
import { addHighlight } from '../../../lib/highlights/store';
import { addNote } from '../../../lib/notes';
import { cleanAuthorName } from '../../../lib/validate';
import { backupOf, v1Data } from '../backup/fixtures';

/** Every note and highlight carries its author: a team's notes stay apart in one database (issue 18). */

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`authors-${crypto.randomUUID()}`);
  await db.open();
  const [talk] = v1Data().talks;
  await db.talks.add(talk!);
});
const talkId = () => v1Data().talks[0]!.id;

describe('Your name', () => {
  it('is tidied, and refused when it cannot be a name', () => {
    expect(cleanAuthorName('  Ada\u00a0  Lovelace ')).toBe('Ada Lovelace');
    for (const bad of ['', '   ', 'Ada\nLovelace', 'Ada\u202eecalevoL', 'x'.repeat(81), 'Ada\u0000'])
      expect(cleanAuthorName(bad)).toBeNull();
    expect(cleanAuthorName('x'.repeat(80))).toHaveLength(80);
  });

  it('is stored as typed (tidied), cleared when emptied, and refused with a reason', async () => {
    expect(await setOwnAuthor(db, ' Grace  Hopper ')).toEqual({ ok: true, name: 'Grace Hopper' });
    expect(await ownAuthor(db)).toBe('Grace Hopper');
    expect(await setOwnAuthor(db, 'Grace\tHopper')).toMatchObject({ ok: false, message: /one line/ });
    expect(await ownAuthor(db)).toBe('Grace Hopper');
    expect(await setOwnAuthor(db, '  ')).toEqual({ ok: true, name: null });
    expect(await ownAuthor(db)).toBeUndefined();
  });

  it('is read through the check again: a bad stored value counts as no name', async () => {
    await setSetting(db, 'authorName', 'Eve\n<script>' as string);
    expect(await ownAuthor(db)).toBeUndefined();
    await setSetting(db, 'authorName', 42 as unknown as string);
    expect(await ownAuthor(db)).toBeUndefined();
  });

  it('decides what is the user’s own: no author, or their name', () => {
    expect(isOwn({}, 'Grace')).toBe(true);
    expect(isOwn({}, null)).toBe(true);
    expect(isOwn({ author: 'Grace' }, 'Grace')).toBe(true);
    expect(isOwn({ author: 'Ada' }, 'Grace')).toBe(false);
    expect(isOwn({ author: 'Ada' }, null)).toBe(false);
  });
});

describe('new records carry their author', () => {
  it('a note written with a name carries it; without one, none', async () => {
    const before = await addNote(db, { talkId: talkId(), kind: 'plain', text: 'before' });
    await setOwnAuthor(db, 'Grace');
    const after = await addNote(db, { talkId: talkId(), kind: 'plain', text: 'after' });
    if (!before.ok || !after.ok) throw new Error('not written');
    expect('author' in (await db.notes.get(before.value.id))!).toBe(false);
    expect((await db.notes.get(after.value.id))?.author).toBe('Grace');
  });

  it('a highlight too', async () => {
    await setOwnAuthor(db, 'Grace');
    const h = await addHighlight(db, {
      pageUrl: 'https://example.com/a',
      pageTitle: 'A',
      quote: { type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' },
      position: null,
      talkId: null,
    });
    if (!h.ok) throw new Error('not written');
    expect((await db.highlights.get(h.value.id))?.author).toBe('Grace');
  });
});

describe('backups and authors', () => {
  const withAuthor = (author: unknown) => {
    const data = v1Data();
    Object.assign(data.notes[0]!, { author });
    Object.assign(data.highlights[0] ?? {}, { author });
    return JSON.stringify(backupOf(data));
  };

  it('keeps a note’s and a highlight’s author through a restore', async () => {
    const result = await restoreFromText(db, withAuthor('Ada'));
    expect(result.ok).toBe(true);
    const note = await db.notes.get(v1Data().notes[0]!.id);
    expect(note?.author).toBe('Ada');
    const firstHighlight = v1Data().highlights[0];
    if (firstHighlight) expect((await db.highlights.get(firstHighlight.id))?.author).toBe('Ada');
  });

  it('refuses a file whose author is not a name', () => {
    for (const junk of ['', ' Ada', 'Ada\nBob', 'x'.repeat(81), 42, null, { name: 'Ada' }, 'Ada\u202e']) {
      const r = parseBackup(withAuthor(junk));
      expect(r.ok, JSON.stringify(junk)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/notes\[0\]\.author|highlights\[0\]\.author/);
    }
  });

  it('neither writes nor restores the user’s name: restoring Ada’s backup never makes this browser Ada', async () => {
    await setOwnAuthor(db, 'Grace');
    const file = await exportBackup(db);
    expect(file.data.settings.some((s) => s.key === 'authorName')).toBe(false);
    const ada = backupOf(v1Data());
    ada.data.settings.push({ key: 'authorName', value: 'Ada' });
    expect((await restoreFromText(db, serializeBackup(ada))).ok).toBe(true);
    expect(await getSetting(db, 'authorName')).toBe('Grace');
  });
});
