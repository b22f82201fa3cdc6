import { describe, expect, it } from 'vitest';
import { canonicalPageUrl, cleanPageUrl } from '../../../lib/anchoring';
import { loadArticle, loadHtml } from './helpers';

const docWith = (head: string, url = 'https://blog.example.com/'): Document =>
  loadHtml(`<!doctype html><html><head>${head}</head><body></body></html>`, url).window.document;

describe('cleanPageUrl', () => {
  it.each([
    ['strips the fragment', 'https://blog.example.com/post#section-2', 'https://blog.example.com/post'],
    [
      'strips utm_* and click ids',
      'https://blog.example.com/post?utm_source=x&UTM_Medium=y&fbclid=1&gclid=2&msclkid=3',
      'https://blog.example.com/post',
    ],
    [
      'strips newsletter and social trackers',
      'https://blog.example.com/p?mc_cid=a&mc_eid=b&_hsenc=c&_hsmi=d&igshid=e&ref_src=twsrc',
      'https://blog.example.com/p',
    ],
    ['strips ref on blogs', 'https://blog.example.com/p?ref=hackernews', 'https://blog.example.com/p'],
    [
      'keeps ref on code forges',
      'https://github.com/o/r/blob/main/README.md?ref=v2',
      'https://github.com/o/r/blob/main/README.md?ref=v2',
    ],
    [
      'keeps meaningful parameters, sorted by name',
      'https://example.com/view?p=2&id=42&utm_campaign=z',
      'https://example.com/view?id=42&p=2',
    ],
    [
      'keeps repeated names in their order',
      'https://example.com/s?tag=b&q=x&tag=a',
      'https://example.com/s?q=x&tag=b&tag=a',
    ],
    ['keeps values byte for byte', 'https://example.com/s?q=a+b&x', 'https://example.com/s?q=a+b&x'],
    [
      'strips si only on YouTube/Spotify',
      'https://youtu.be/dQw4w9WgXcQ?si=abc&t=42',
      'https://youtu.be/dQw4w9WgXcQ?t=42',
    ],
    ['keeps si elsewhere', 'https://example.com/a?si=1', 'https://example.com/a?si=1'],
    [
      'keeps the video id on YouTube',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&pp=x',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    ['strips Medium source', 'https://medium.com/@a/post-123?source=rss----abc', 'https://medium.com/@a/post-123'],
    ['normalises host case and default ports', 'HTTPS://Blog.Example.COM:443/Post', 'https://blog.example.com/Post'],
    ['normalises http default port', 'http://example.com:80/a', 'http://example.com/a'],
    ['keeps other ports', 'http://localhost:8080/a', 'http://localhost:8080/a'],
    ['drops credentials and a trailing dot', 'https://u:p@example.com./a', 'https://example.com/a'],
    ['removes an empty query', 'https://example.com/a?', 'https://example.com/a'],
    [
      'keeps hash routes',
      'https://app.example.com/#/posts/7?utm_source=x',
      'https://app.example.com/#/posts/7?utm_source=x',
    ],
    ['keeps hashbang routes', 'https://example.com/#!/posts/7', 'https://example.com/#!/posts/7'],
    ['strips text fragments', 'https://example.com/a#:~:text=paved%20road', 'https://example.com/a'],
  ])('%s', (_name, input, expected) => {
    expect(cleanPageUrl(input)).toBe(expected);
  });

  it('returns unparsable input trimmed', () => {
    expect(cleanPageUrl('  not a url ')).toBe('not a url');
  });
});

describe('canonicalPageUrl', () => {
  it('honours the article fixture canonical and strips tracking from the visited URL', () => {
    const { doc } = loadArticle();
    expect(
      canonicalPageUrl(
        doc,
        'https://fieldnotes.example.dev/2025/09/paved-roads-not-golden-cages/?utm_source=talk#comments',
      ),
    ).toBe('https://fieldnotes.example.dev/2025/09/paved-roads-not-golden-cages/');
  });

  it('resolves a relative canonical against <base> and the page', () => {
    const doc = docWith('<base href="/blog/"><link rel="canonical" href="posts/paved?utm_medium=feed">');
    expect(canonicalPageUrl(doc, 'https://example.com/amp/posts/paved')).toBe('https://example.com/blog/posts/paved');
  });

  it('allows a canonical on another site (syndicated copies point at the original)', () => {
    const doc = docWith('<link rel="canonical" href="https://fieldnotes.example.dev/2025/09/paved/">');
    expect(canonicalPageUrl(doc, 'https://dev.to/mara/paved-1kj2')).toBe(
      'https://fieldnotes.example.dev/2025/09/paved/',
    );
  });

  it('ignores a home-page canonical on a deep page', () => {
    const doc = docWith('<link rel="canonical" href="https://blog.example.com/">');
    expect(canonicalPageUrl(doc, 'https://blog.example.com/2025/post?utm_source=x')).toBe(
      'https://blog.example.com/2025/post',
    );
    expect(canonicalPageUrl(doc, 'https://blog.example.com/?utm_source=x')).toBe('https://blog.example.com/');
  });

  it('ignores non-http(s) and empty canonicals, and reads rel tokens case-insensitively', () => {
    expect(canonicalPageUrl(docWith('<link rel="canonical" href="javascript:alert(1)">'), 'https://a.example/x')).toBe(
      'https://a.example/x',
    );
    expect(canonicalPageUrl(docWith('<link rel="canonical" href="  ">'), 'https://a.example/x#y')).toBe(
      'https://a.example/x',
    );
    expect(canonicalPageUrl(docWith('<link rel="Alternate CANONICAL" href="/y">'), 'https://a.example/x')).toBe(
      'https://a.example/y',
    );
  });

  it('ignores the canonical of a hash-routed app', () => {
    const doc = docWith('<link rel="canonical" href="https://app.example.com/">');
    expect(canonicalPageUrl(doc, 'https://app.example.com/#/posts/7')).toBe('https://app.example.com/#/posts/7');
  });

  it('leaves non-web URLs alone apart from the fragment', () => {
    expect(canonicalPageUrl(docWith(''), 'file:///home/me/post.html#x')).toBe('file:///home/me/post.html');
  });
});
