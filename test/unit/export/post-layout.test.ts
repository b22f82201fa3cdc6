import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type LayoutImage, markdownImage, postLayout, resolveLink } from '../../../lib/export/post-layout';
import { buildPostZip } from '../../../lib/export/post-zip';

const FILE = '2025-09-09-kcd-sf-bay-area-recap.md';
const IMAGES: LayoutImage[] = [
  { noteId: 'n1', mime: 'image/webp', kind: 'slide' },
  { noteId: 'n2', mime: 'image/jpeg', kind: 'plain' },
];

describe('post layouts', () => {
  it('Hugo: a page bundle, pictures beside index.md, linked by file name', () => {
    expect(postLayout('hugo', FILE, IMAGES)).toEqual({
      flavour: 'hugo',
      postPath: 'content/posts/kcd-sf-bay-area-recap/index.md',
      images: [
        { noteId: 'n1', path: 'content/posts/kcd-sf-bay-area-recap/slide-01.webp', link: 'slide-01.webp' },
        { noteId: 'n2', path: 'content/posts/kcd-sf-bay-area-recap/image-02.jpg', link: 'image-02.jpg' },
      ],
    });
  });

  it('Jekyll: the dated post in _posts, pictures in assets/, linked from the site root', () => {
    expect(postLayout('jekyll', FILE, IMAGES)).toEqual({
      flavour: 'jekyll',
      postPath: '_posts/2025-09-09-kcd-sf-bay-area-recap.md',
      images: [
        {
          noteId: 'n1',
          path: 'assets/images/2025-09-09-kcd-sf-bay-area-recap/slide-01.webp',
          link: '/assets/images/2025-09-09-kcd-sf-bay-area-recap/slide-01.webp',
        },
        {
          noteId: 'n2',
          path: 'assets/images/2025-09-09-kcd-sf-bay-area-recap/image-02.jpg',
          link: '/assets/images/2025-09-09-kcd-sf-bay-area-recap/image-02.jpg',
        },
      ],
    });
  });

  it('Obsidian: the note at the root, attachments named after it (one namespace per vault)', () => {
    expect(postLayout('obsidian', FILE, IMAGES)).toEqual({
      flavour: 'obsidian',
      postPath: '2025-09-09-kcd-sf-bay-area-recap.md',
      images: [
        {
          noteId: 'n1',
          path: 'attachments/2025-09-09-kcd-sf-bay-area-recap-slide-01.webp',
          link: 'attachments/2025-09-09-kcd-sf-bay-area-recap-slide-01.webp',
        },
        {
          noteId: 'n2',
          path: 'attachments/2025-09-09-kcd-sf-bay-area-recap-image-02.jpg',
          link: 'attachments/2025-09-09-kcd-sf-bay-area-recap-image-02.jpg',
        },
      ],
    });
  });

  it('no front matter: the post and an images folder beside it; an undated name works too', () => {
    expect(postLayout('none', 'recap.md', IMAGES.slice(0, 1))).toEqual({
      flavour: 'none',
      postPath: 'recap.md',
      images: [{ noteId: 'n1', path: 'recap-images/slide-01.webp', link: 'recap-images/slide-01.webp' }],
    });
  });

  it('never puts a path segment from the file name outside its folder', () => {
    const layout = postLayout('hugo', '../../etc/passwd.md', IMAGES);
    expect(layout.postPath).toBe('content/posts/etc-passwd/index.md');
    for (const f of ['hugo', 'jekyll', 'obsidian', 'none'] as const) {
      const l = postLayout(f, '2025-01-01-../../x y.md', IMAGES);
      for (const p of [l.postPath, ...l.images.map((i) => i.path)]) expect(p).not.toMatch(/\.\.|^\/|\s/);
    }
  });

  it('every flavour’s links resolve to the pictures’ paths', () => {
    for (const f of ['hugo', 'jekyll', 'obsidian', 'none'] as const) {
      const l = postLayout(f, FILE, IMAGES);
      for (const im of l.images) expect(resolveLink(l.postPath, im.link), f).toBe(im.path);
    }
  });

  it('writes alt text that cannot end the image syntax', () => {
    expect(markdownImage('Slide: [draft]\nsee \\ here', 'slide-01.webp')).toBe(
      '![Slide: \\[draft\\] see \\\\ here](<slide-01.webp>)',
    );
  });
});

describe('buildPostZip', () => {
  it('holds the post and every picture at its layout path, byte for byte', () => {
    const layout = postLayout('hugo', FILE, IMAGES);
    const bytes = new Map([
      ['n1', new Uint8Array([82, 73, 70, 70, 1, 2, 3])],
      ['n2', new Uint8Array([0xff, 0xd8, 0xff, 9])],
    ]);
    const zip = buildPostZip(layout, '# Recap\n\n![Slide](<slide-01.webp>)\n', bytes);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'content/posts/kcd-sf-bay-area-recap/image-02.jpg',
      'content/posts/kcd-sf-bay-area-recap/index.md',
      'content/posts/kcd-sf-bay-area-recap/slide-01.webp',
    ]);
    expect(strFromU8(files['content/posts/kcd-sf-bay-area-recap/index.md']!)).toContain('![Slide]');
    expect(files['content/posts/kcd-sf-bay-area-recap/image-02.jpg']).toEqual(bytes.get('n2'));
  });

  it('refuses to write a zip missing a picture the post links', () => {
    const layout = postLayout('jekyll', FILE, IMAGES);
    expect(() => buildPostZip(layout, '', new Map([['n1', new Uint8Array([1])]]))).toThrow(/n2/);
  });
});
