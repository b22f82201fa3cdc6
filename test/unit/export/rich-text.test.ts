import { describe, expect, it } from 'vitest';
import { renderRecap } from '../../../lib/recap';
import { markdownToHtml, stripFrontMatter } from '../../../lib/export/rich-text';
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
