import { describe, expect, it } from 'vitest';
import { RecapRenderer } from '../../../lib/export/render-client';
import type { RenderRequest } from '../../../lib/export/render-worker';
import { renderExport } from '../../../lib/export/export-choices';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';

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
