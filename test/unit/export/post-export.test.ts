import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { loadRecapInput } from '../../../lib/export/recap-input';
import { buildRichText, buildZipExport } from '../../../lib/export/post-export';
import { resolveLink } from '../../../lib/export/post-layout';
import { addImageNoteFromBytes } from '../../../lib/images';
import { addNote } from '../../../lib/notes';
import { fixtureCodec, imageFixture } from '../images/fixtures';
import { makeTalk } from '../notes/factories';

const start = Date.UTC(2025, 8, 9, 16, 30);
const talk = makeTalk({ id: 't1', title: 'Budgets', startAt: start, start: '2025-09-09T09:30:00-07:00' });
let db: TalkmarkDB;

beforeEach(async () => {
  db = new TalkmarkDB(`post-export-${crypto.randomUUID()}`);
  await db.talks.add(talk);
  await addNote(db, { talkId: talk.id, kind: 'plain', text: 'Words first', at: start + 60_000 });
  for (const [file, text, kind, minute] of [
    ['big-2400x1200.jpg', 'Slide', 'slide', 2],
    ['slide-300x200.png', 'The [speaker] on stage', 'plain', 3],
  ] as const) {
    const r = await addImageNoteFromBytes(db, imageFixture(file), fixtureCodec().codec, {
      talkId: talk.id,
      kind,
      text,
      at: start + minute * 60_000,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
});

async function zipOf(flavour: 'hugo' | 'jekyll' | 'obsidian' | 'none') {
  const input = await loadRecapInput(db, [talk]);
  const built = await buildZipExport(db, input, { preset: 'bulleted', singleTalk: true, frontMatter: { flavour } });
  if (!built.ok) throw new Error(built.message);
  return { fileName: built.fileName, files: unzipSync(built.bytes) };
}

describe('buildZipExport', () => {
  it('Obsidian: the note links each picture in attachments/, in note order, with escaped alt text', async () => {
    const { fileName, files } = await zipOf('obsidian');
    expect(fileName).toBe('2025-09-09-budgets-recap.zip');
    expect(Object.keys(files).sort()).toEqual([
      '2025-09-09-budgets-recap.md',
      'attachments/2025-09-09-budgets-recap-image-02.webp',
      'attachments/2025-09-09-budgets-recap-slide-01.webp',
    ]);
    const post = strFromU8(files['2025-09-09-budgets-recap.md']!);
    expect(post).toContain('![Slide](<attachments/2025-09-09-budgets-recap-slide-01.webp>)');
    expect(post).toContain('![The \\[speaker\\] on stage](<attachments/2025-09-09-budgets-recap-image-02.webp>)');
    expect(post.indexOf('Words first')).toBeLessThan(post.indexOf('slide-01'));
  });

  it("a user template sees each note's picture: path (a file in the zip), alt text, width and height", async () => {
    const input = await loadRecapInput(db, [talk]);
    const source = [
      '{% for note in talk.notes %}{% if note.image %}',
      '<img src="{{ note.image.path }}" alt="{{ note.image.alt }}" width="{{ note.image.width }}" height="{{ note.image.height }}">',
      '{% else %}text: {{ note.text }}{% endif %}',
      '{% endfor %}',
    ].join('');
    const built = await buildZipExport(db, input, {
      preset: 'bulleted',
      singleTalk: true,
      frontMatter: { flavour: 'hugo' },
      template: { kind: 'talk', source },
    });
    if (!built.ok) throw new Error(built.message);
    const files = unzipSync(built.bytes);
    const post = Object.keys(files).find((n) => n.endsWith('.md'))!;
    const tags = [
      ...strFromU8(files[post]!).matchAll(/<img src="([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)">/g),
    ];
    expect(tags.map((m) => [m[2], m[3], m[4]])).toEqual([
      ['Slide', '1920', '960'], // the stored size, after the 1920 px downscale
      // Escaped for Markdown by the template's output, once (not `\\\[`: escaped twice).
      ['The \\[speaker\\] on stage', '300', '200'],
    ]);
    for (const [, path] of tags) expect(Object.keys(files)).toContain(resolveLink(post, path!));
    expect(strFromU8(files[post]!)).toContain('text: Words first');
  });

  it('every flavour: each link in the post names a file in the zip', async () => {
    for (const flavour of ['hugo', 'jekyll', 'obsidian', 'none'] as const) {
      const { files } = await zipOf(flavour);
      const post = Object.keys(files).find((n) => n.endsWith('.md'))!;
      const links = [...strFromU8(files[post]!).matchAll(/!\[[^\]]*(?:\\\][^\]]*)*\]\(<([^>]+)>\)/g)].map((m) => m[1]!);
      expect(links, flavour).toHaveLength(2);
      for (const link of links) expect(Object.keys(files), `${flavour}: ${link}`).toContain(resolveLink(post, link));
    }
  });

  it('a note whose picture is not stored is exported with its words and no link', async () => {
    const [image] = await db.images.toArray();
    await db.images.delete(image!.id);
    const { files } = await zipOf('hugo');
    expect(Object.keys(files)).toHaveLength(2);
    const post = strFromU8(files['content/posts/budgets-recap/index.md']!);
    expect([...post.matchAll(/!\[/g)]).toHaveLength(1);
  });
});

describe('buildRichText', () => {
  it('HTML holds the stored pictures as data: URLs; the plain text keeps the Markdown with relative links', async () => {
    const input = await loadRecapInput(db, [talk]);
    const rich = await buildRichText(db, input, {
      preset: 'bulleted',
      singleTalk: true,
      frontMatter: { flavour: 'hugo' },
    });
    if (!rich.ok) throw new Error(rich.message);
    const stored = await db.images.toArray();
    const srcs = [...rich.html.matchAll(/<img src="data:image\/webp;base64,([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs).toHaveLength(2);
    const decoded = srcs.map((b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    expect(decoded).toEqual(expect.arrayContaining(stored.map((s) => new Uint8Array(s.bytes))));
    expect(rich.plain).toContain('![Slide](<slide-01.webp>)');
    expect(rich.plain).not.toContain('data:');
    expect(rich).toMatchObject({ full: 2, thumbs: 0, left: 0 });
  });
});
