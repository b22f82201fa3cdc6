import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../../lib/anchoring';
import { loadArticle, loadHtml } from './helpers';

const doc = (body: string): Document => loadHtml(`<!doctype html><body>${body}</body>`).window.document;

describe('TextIndex', () => {
  it('concatenates raw text data, skipping script, style, noscript, template and ignored UI', () => {
    const d = doc(
      '<p>One <em>two</em></p><script>var x = "no";</script><style>p{}</style>' +
        '<noscript>nojs</noscript><template>tpl</template><div data-talkmark-ignore>ui</div><p>\n  three</p>',
    );
    expect(TextIndex.build(d.body).text).toBe('One two\n  three');
  });

  it('equals textContent minus the skipped parts on the article fixture', () => {
    const { root } = loadArticle();
    const index = TextIndex.build(root);
    const clone = root.cloneNode(true) as Element;
    clone.querySelectorAll('script, style, noscript, template').forEach((n) => n.remove());
    expect(index.text).toBe(clone.textContent);
    expect(index.text).not.toContain('classList');
  });

  it('maps text points and element boundary points to offsets', () => {
    const d = doc('<p id="p">ab<em>cd</em><!-- c -->ef</p>');
    const p = d.getElementById('p')!;
    const index = TextIndex.build(d.body);
    const em = p.querySelector('em')!;
    expect(index.offsetAt(em.firstChild!, 1)).toBe(3);
    expect(index.offsetAt(p, 0)).toBe(0);
    expect(index.offsetAt(p, 1)).toBe(2); // before <em>
    expect(index.offsetAt(p, 2)).toBe(4); // after <em>, before the comment
    expect(index.offsetAt(p, 3)).toBe(4); // after the comment
    expect(index.offsetAt(p, 4)).toBe(6); // end
    expect(index.offsetAt(d.body, 1)).toBe(6);
  });

  it('maps points inside skipped content to the next indexed text', () => {
    const d = doc('<p>ab</p><script>zzz</script><p>cd</p>');
    const index = TextIndex.build(d.body);
    expect(index.offsetAt(d.querySelector('script')!.firstChild!, 2)).toBe(2);
  });

  it('builds ranges that start in the later node and end in the earlier one at boundaries', () => {
    const d = doc('<p>ab<em>cd</em>ef</p>');
    const index = TextIndex.build(d.body);
    const em = d.querySelector('em')!;
    const r = index.rangeAt(2, 4);
    expect(r.startContainer).toBe(em.firstChild);
    expect(r.startOffset).toBe(0);
    expect(r.endContainer).toBe(em.firstChild);
    expect(r.endOffset).toBe(2);
    expect(r.toString()).toBe('cd');
    expect(index.rangeAt(0, 6).toString()).toBe('abcdef');
    expect(index.rangeAt(3, 3).collapsed).toBe(true);
  });

  it('clamps offsets and handles a root without text', () => {
    const d = doc('<div id="e"><img alt=""></div><p>xy</p>');
    expect(TextIndex.build(d.getElementById('e')!).rangeAt(0, 5).collapsed).toBe(true);
    const index = TextIndex.build(d.body);
    expect(index.rangeAt(-3, 99).toString()).toBe('xy');
  });

  it('measures ranges that reach outside the root as clipped', () => {
    const d = doc('<p>before</p><div id="r"><p>inside</p></div><p>after</p>');
    const root = d.getElementById('r')!;
    const range = d.createRange();
    range.setStart(d.body.firstChild!.firstChild!, 2);
    range.setEnd(d.body.lastChild!.firstChild!, 3);
    expect(TextIndex.build(root).offsetsOf(range)).toEqual({ start: 0, end: 6 });
  });
});
