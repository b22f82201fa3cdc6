import { describe, expect, it } from 'vitest';
import { RecapRenderer } from '../../../lib/export/render-client';
import type { RenderRequest } from '../../../lib/export/render-worker';
import { renderExport } from '../../../lib/export/export-choices';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';
import { reviveRecapOptions } from '../../../lib/export/render-revive';
import type { RecapOptions } from '../../../lib/recap';
import { FrontMatterDate } from '../../../lib/recap/front-matter';

/** A worker stand-in: records what is posted; the test answers when it likes. */
class FakeWorker extends EventTarget {
  posted: RenderRequest[] = [];
  postMessage(msg: RenderRequest) {
    this.posted.push(structuredClone(msg));
  }
  terminate() {}
  answer(seq: number, markdown: string) {
    this.dispatchEvent(
      Object.assign(new Event('message'), { data: { seq, result: { ok: true, markdown, fileName: 'x.md' } } }),
    );
  }
}

describe('RecapRenderer', () => {
  it('sends the data once, and while one render runs keeps only the newest request', async () => {
    const fake = new FakeWorker();
    const renderer = new RecapRenderer(fake as unknown as Worker);
    const first = renderer.render(SAMPLE_RECAP_INPUT, { preset: 'narrative' });
    const dropped = renderer.render(SAMPLE_RECAP_INPUT, { preset: 'bulleted' });
    const latest = renderer.render(SAMPLE_RECAP_INPUT, { preset: 'structured' });
    expect(fake.posted.map((m) => m.type)).toEqual(['input', 'render']);
    const seq1 = (fake.posted[1] as { seq: number }).seq;
    fake.answer(seq1, 'one');
    expect(await first).toMatchObject({ markdown: 'one' });
    // The bulleted request was replaced before it was sent: only structured goes, without the data again.
    expect(fake.posted.slice(2)).toEqual([
      expect.objectContaining({ type: 'render', options: { preset: 'structured' } }),
    ]);
    fake.answer((fake.posted[2] as { seq: number }).seq, 'three');
    expect(await latest).toMatchObject({ markdown: 'three' });
    let settled = false;
    void dropped.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
  });

  it('renders in place when the worker fails', async () => {
    const fake = new FakeWorker();
    const renderer = new RecapRenderer(fake as unknown as Worker);
    const pending = renderer.render(SAMPLE_RECAP_INPUT, { preset: 'bulleted' });
    fake.dispatchEvent(new Event('error'));
    expect(await pending).toEqual(renderExport(SAMPLE_RECAP_INPUT, { preset: 'bulleted' }));
    // Later renders too.
    expect(await renderer.render(SAMPLE_RECAP_INPUT, { preset: 'structured' })).toEqual(
      renderExport(SAMPLE_RECAP_INPUT, { preset: 'structured' }),
    );
  });
});

describe('reviveRecapOptions (what the worker does with a cloned request)', () => {
  it('renders cloned options exactly as the page would, front matter dates and odd keys included', () => {
    const extra = Object.fromEntries([
      ['datetime', new FrontMatterDate('2025-09-09T10:30:00+02:00')],
      ['showAuthor', true],
      ['categories', ['DevOps', 'Events']],
      ['__proto__', 'a key like any other'],
    ]);
    for (const format of ['yaml', 'toml'] as const) {
      const options: RecapOptions = { preset: 'structured', frontMatter: { flavour: 'hugo', format, extra } };
      const cloned = structuredClone(options);
      const expected = renderExport(SAMPLE_RECAP_INPUT, options);
      expect(expected.ok).toBe(true);
      // The clone alone is what the worker used to render: the date arrives as a plain object.
      expect(renderExport(SAMPLE_RECAP_INPUT, cloned)).not.toEqual(expected);
      expect(renderExport(SAMPLE_RECAP_INPUT, reviveRecapOptions(cloned))).toEqual(expected);
    }
  });

  it('leaves options without dates as they are', () => {
    const options: RecapOptions = { preset: 'bulleted', frontMatter: { flavour: 'jekyll', extra: { a: 'b' } } };
    expect(reviveRecapOptions(options)).toBe(options);
  });
});
