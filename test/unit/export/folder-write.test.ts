import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import {
  ensureWritable,
  findExisting,
  freeCopyNumber,
  writeFolderFiles,
  type FolderFile,
} from '../../../lib/export/folder-write';
import { buildPostFiles, folderFilesOf } from '../../../lib/export/post-export';
import { resolveLink } from '../../../lib/export/post-layout';
import { loadRecapInput } from '../../../lib/export/recap-input';
import { addImageNoteFromBytes } from '../../../lib/images';
import { addNote } from '../../../lib/notes';
import { fixtureCodec, imageFixture } from '../images/fixtures';
import { makeTalk } from '../notes/factories';
import { MemoryFolder } from './memory-folder';

const enc = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
const files: FolderFile[] = [
  { path: 'content/posts/kcd/slide-01.webp', bytes: enc('RIFF1') },
  { path: 'content/posts/kcd/image-02.png', bytes: enc('PNG2') },
  { path: 'content/posts/kcd/index.md', bytes: enc('# Post') },
];
const paths = files.map((f) => f.path);

describe('writeFolderFiles', () => {
  it('writes every file, creating the folders, pictures before the post', async () => {
    const folder = new MemoryFolder('blog');
    const report = await writeFolderFiles(folder, files, { replace: false });
    expect(report).toEqual({ ok: true, written: paths });
    expect(folder.text('content/posts/kcd/index.md')).toBe('# Post');
    expect(folder.text('content/posts/kcd/slide-01.webp')).toBe('RIFF1');
    expect(folder.dirs.has('content/posts/kcd')).toBe(true);
  });

  it('finds the files that exist, and never replaces one unless told to', async () => {
    const folder = new MemoryFolder('blog').seed('content/posts/kcd/index.md', 'mine');
    expect(await findExisting(folder, paths)).toEqual(['content/posts/kcd/index.md']);
    const report = await writeFolderFiles(folder, files, { replace: false });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.failed).toBe('content/posts/kcd/index.md');
    expect(report.message).toMatch(/nothing was replaced/);
    expect(folder.text('content/posts/kcd/index.md')).toBe('mine');
    const again = await writeFolderFiles(folder, files, { replace: true });
    expect(again.ok).toBe(true);
    expect(folder.text('content/posts/kcd/index.md')).toBe('# Post');
  });

  it('a folder where a file goes, or a file where a folder goes, counts as existing', async () => {
    const folder = new MemoryFolder('vault')
      .seed('content/posts', 'a file')
      .seed('x.md/inner.md', 'a folder named x.md');
    expect(await findExisting(folder, ['content/posts/kcd/index.md', 'x.md', 'y.md'])).toEqual([
      'content/posts/kcd/index.md',
      'x.md',
    ]);
  });

  it('a full disk mid-save: says what was written, what failed and what was not tried; leaves no empty file', async () => {
    const folder = new MemoryFolder('blog', {
      failWrite: { path: 'content/posts/kcd/image-02.png', error: 'QuotaExceededError' },
    });
    const report = await writeFolderFiles(folder, files, { replace: false });
    expect(report).toEqual({
      ok: false,
      written: ['content/posts/kcd/slide-01.webp'],
      failed: 'content/posts/kcd/image-02.png',
      skipped: ['content/posts/kcd/index.md'],
      message: 'the disk is full',
    });
    expect([...folder.files.keys()]).toEqual(['content/posts/kcd/slide-01.webp']);
  });

  it('a failed replace keeps the old file', async () => {
    const folder = new MemoryFolder('blog', {
      failWrite: { path: 'content/posts/kcd/index.md', error: 'NoModificationAllowedError' },
    }).seed('content/posts/kcd/index.md', 'mine');
    const report = await writeFolderFiles(folder, files, { replace: true });
    expect(report.ok || report.message).toBe('the file is in use or read-only');
    expect(folder.text('content/posts/kcd/index.md')).toBe('mine');
  });

  it('a grant taken away: nothing written, the reason said', async () => {
    const folder = new MemoryFolder('blog', { permission: 'denied' });
    const report = await writeFolderFiles(folder, files, { replace: false });
    expect(report).toMatchObject({ ok: false, written: [], failed: paths[0], message: /no longer write/ });
  });

  it('refuses a path that leaves the folder', async () => {
    const folder = new MemoryFolder('blog');
    const report = await writeFolderFiles(folder, [{ path: '../etc/x.md', bytes: enc('x') }], { replace: false });
    expect(report.ok).toBe(false);
    expect(folder.files.size).toBe(0);
  });
});

describe('ensureWritable', () => {
  it('granted: no prompt; prompt: asks once and follows the answer; denied: does not ask', async () => {
    const granted = new MemoryFolder('a');
    expect(await ensureWritable(granted)).toBe(true);
    expect(granted.requests).toBe(0);
    const yes = new MemoryFolder('b', { permission: 'prompt', onRequest: 'granted' });
    expect(await ensureWritable(yes)).toBe(true);
    expect(yes.requests).toBe(1);
    const no = new MemoryFolder('c', { permission: 'prompt', onRequest: 'denied' });
    expect(await ensureWritable(no)).toBe(false);
    const denied = new MemoryFolder('d', { permission: 'denied' });
    expect(await ensureWritable(denied)).toBe(false);
    expect(denied.requests).toBe(0);
  });
});

describe('Save to folder with a real post (layouts of post-layout.ts)', () => {
  const start = Date.UTC(2025, 8, 9, 16, 30);
  const talk = makeTalk({ id: 't1', title: 'Budgets', startAt: start, start: '2025-09-09T09:30:00-07:00' });
  let db: TalkmarkDB;
  beforeEach(async () => {
    db = new TalkmarkDB(`folder-write-${crypto.randomUUID()}`);
    await db.talks.add(talk);
    await addNote(db, { talkId: talk.id, kind: 'plain', text: 'Words first', at: start + 60_000 });
    const r = await addImageNoteFromBytes(db, imageFixture('slide-300x200.png'), fixtureCodec().codec, {
      talkId: talk.id,
      kind: 'slide',
      text: 'Slide',
      at: start + 120_000,
    });
    if (!r.ok) throw new Error(r.error.message);
  });

  const build = async (flavour: 'hugo' | 'jekyll' | 'obsidian', copy = 1) => {
    const input = await loadRecapInput(db, [talk]);
    const built = await buildPostFiles(
      db,
      input,
      { preset: 'bulleted', singleTalk: true, frontMatter: { flavour } },
      copy,
    );
    if (!built.ok) throw new Error(built.message);
    return built.files;
  };

  it.each([
    ['hugo', ['content/posts/budgets-recap/slide-01.webp', 'content/posts/budgets-recap/index.md']],
    ['jekyll', ['assets/images/2025-09-09-budgets-recap/slide-01.webp', '_posts/2025-09-09-budgets-recap.md']],
    ['obsidian', ['attachments/2025-09-09-budgets-recap-slide-01.webp', '2025-09-09-budgets-recap.md']],
  ] as const)('%s: the layout’s files, the post’s link resolving to the picture’s bytes', async (flavour, expected) => {
    const post = await build(flavour);
    const folder = new MemoryFolder('site');
    const report = await writeFolderFiles(folder, folderFilesOf(post), { replace: false });
    expect(report).toEqual({ ok: true, written: expected });
    const [image] = await db.images.toArray();
    const link = /!\[Slide\]\(<([^>]+)>\)/.exec(folder.text(expected[1])!)![1]!;
    expect(folder.files.get(resolveLink(expected[1], link))).toEqual(new Uint8Array(image!.bytes));
  });

  it('Save as new name: the first copy number whose files are all free, the post linking its own pictures', async () => {
    const folder = new MemoryFolder('site');
    await writeFolderFiles(folder, folderFilesOf(await build('jekyll')), { replace: false });
    folder.seed('_posts/2025-09-09-budgets-recap-2.md', 'an older copy');
    const n = await freeCopyNumber(folder, async (copy) =>
      folderFilesOf(await build('jekyll', copy)).map((f) => f.path),
    );
    expect(n).toBe(3);
    const copy = await build('jekyll', n!);
    const report = await writeFolderFiles(folder, folderFilesOf(copy), { replace: false });
    expect(report.ok && report.written).toEqual([
      'assets/images/2025-09-09-budgets-recap-3/slide-01.webp',
      '_posts/2025-09-09-budgets-recap-3.md',
    ]);
    expect(folder.text('_posts/2025-09-09-budgets-recap-3.md')).toContain(
      '](</assets/images/2025-09-09-budgets-recap-3/slide-01.webp>)',
    );
    expect(folder.text('_posts/2025-09-09-budgets-recap-2.md')).toBe('an older copy');
  });
});
