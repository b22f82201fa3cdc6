import { describe, expect, it } from 'vitest';
import { renderRecap } from '../../../lib/recap';
import {
  dataUrl,
  markdownToHtml,
  markdownToRichText,
  RICH_TEXT_IMAGE_BUDGET,
  stripFrontMatter,
} from '../../../lib/export/rich-text';
import { makeNote, makeTalk, START } from '../recap/builders';

describe('rich text', () => {
  it('leaves the front matter out', () => {
    expect(stripFrontMatter('---\ntitle: "x"\n---\n\n# Post\n')).toBe('# Post\n');
    expect(stripFrontMatter('# Post\n\n---\n\nmore')).toBe('# Post\n\n---\n\nmore');
    expect(markdownToHtml('---\ntitle: "x"\ndraft: true\n---\n\n## Talk\n\n> quoted\n')).toBe(
      '<h2>Talk</h2>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n',
    );
  });

  it('drops raw HTML and script links even in Markdown written by hand', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](https://ok.example)',
    );
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain('<a href="https://ok.example">y</a>');
  });

  it('keeps a hostile note inert from note to clipboard', () => {
    const talk = makeTalk();
    const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))';
    const result = renderRecap({
      talks: [talk],
      notes: [makeNote(talk.id, 'plain', hostile, START + 60_000)],
      highlights: [],
    });
    expect(result.ok).toBe(true);
    const html = markdownToHtml(result.ok ? result.markdown : '');
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('rich text with the pictures', () => {
  const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
  const decode = (url: string) => Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const srcs = (html: string) =>
    [...html.matchAll(/<img src="([^"]+)" alt="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
  const post =
    '---\ntitle: "x"\n---\n\n## Talk\n\n![Slide](<slide-01.webp>)\n\n![Photo](<image-02.png>)\n\n![Other](<elsewhere.png>)\n';
  const pictures = [
    { link: 'slide-01.webp', mime: 'image/webp', bytes: bytes(3000, 1), thumb: bytes(300, 2), thumbMime: 'image/webp' },
    { link: 'image-02.png', mime: 'image/png', bytes: bytes(2000, 3), thumb: bytes(200, 4), thumbMime: 'image/webp' },
  ];

  it('puts each picture the post links inside the HTML as a data: URL, byte for byte', () => {
    const rich = markdownToRichText(post, pictures);
    const [slide, photo, other] = srcs(rich.html);
    expect(slide![0]).toMatch(/^data:image\/webp;base64,/);
    expect(decode(slide![0])).toEqual(pictures[0]!.bytes);
    expect(slide![1]).toBe('Slide');
    expect(photo![0]).toMatch(/^data:image\/png;base64,/);
    expect(decode(photo![0])).toEqual(pictures[1]!.bytes);
    // A link that is not one of the post's pictures is left as it was.
    expect(other![0]).toBe('elsewhere.png');
    expect(rich).toMatchObject({ full: 2, thumbs: 0, left: 0 });
    expect(rich.html).not.toContain('title:');
  });

  it('over the cap: the next picture goes in as its thumbnail, then pictures are left out with a line saying so', () => {
    const rich = markdownToRichText(post, pictures, 3100);
    const [slide, photo] = srcs(rich.html);
    expect(decode(slide![0])).toEqual(pictures[0]!.bytes);
    expect(photo![0]).toBe('elsewhere.png'); // the photo is gone: the next image is the other one
    expect(rich).toMatchObject({ full: 1, thumbs: 0, left: 1 });
    expect(rich.html).toContain('<em>(picture left out: rich text holds up to 0 MB of pictures');
    const thumbed = markdownToRichText(post, pictures, 3200);
    expect(decode(srcs(thumbed.html)[1]![0])).toEqual(pictures[1]!.thumb);
    expect(thumbed).toMatchObject({ full: 1, thumbs: 1, left: 0 });
    expect(RICH_TEXT_IMAGE_BUDGET).toBe(4 * 1024 * 1024);
  });

  it('dataUrl encodes large pictures whole (chunked, no stack overflow)', () => {
    const big = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(decode(dataUrl('image/webp', big))).toEqual(big);
  });
});
