import { describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({ browser: { tabs: { captureVisibleTab: vi.fn() } } }));

const { browser } = await import('wxt/browser');
const { CAPTURE_FORMAT, captureVisibleTab, dataUrlBytes, storeSlide } = await import(
  '../../../lib/extension/slide-capture'
);
const { TalkmarkDB } = await import('../../../lib/db/schema');
const { fixtureCodec, imageFixture } = await import('../images/fixtures');
const { makeTalk } = await import('../notes/factories');

describe('slide capture', () => {
  it('asks the browser for JPEG at quality 92 (a PNG screenshot is slow to encode and large to decode)', async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const url = `data:image/jpeg;base64,${btoa(String.fromCharCode(...jpeg))}`;
    const capture = vi.mocked(browser.tabs.captureVisibleTab) as unknown as ReturnType<typeof vi.fn>;
    capture.mockResolvedValue(url);
    expect(CAPTURE_FORMAT).toEqual({ format: 'jpeg', quality: 92 });
    expect(await captureVisibleTab(7)).toEqual(jpeg);
    expect(capture).toHaveBeenCalledWith(7, { format: 'jpeg', quality: 92 });
    await captureVisibleTab(null);
    expect(capture).toHaveBeenLastCalledWith({ format: 'jpeg', quality: 92 });
  });

  it('decodes a data URL the same with and without the engine’s base64 decoder', () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) % 256);
    const url = `data:image/jpeg;base64,${btoa(String.fromCharCode(...bytes))}`;
    expect(dataUrlBytes(url)).toEqual(bytes);
    const saved = (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64;
    (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 = undefined;
    try {
      expect(dataUrlBytes(url)).toEqual(bytes);
    } finally {
      (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 = saved;
    }
    expect(() => dataUrlBytes('data:image/png,abc')).toThrow(/base64/);
  });
});

describe('storeSlide', () => {
  it('stores the capture at the longest side chosen in the settings (1920 when none)', async () => {
    const db = new TalkmarkDB(`slides-${crypto.randomUUID()}`);
    await db.talks.add(makeTalk({ id: 't' }));
    const first = fixtureCodec();
    expect(await storeSlide(db, imageFixture('big-2400x1200.jpg'), 't', 1, first.codec)).toMatchObject({ ok: true });
    expect(first.calls[0]).toMatchObject({ width: 1920, height: 960 });
    await db.settings.put({ key: 'imageMaxSide', value: 1280 });
    const second = fixtureCodec();
    const source = imageFixture('big-2400x1200.jpg').slice();
    source[source.length - 3] = (source[source.length - 3] ?? 0) ^ 1; // other bytes: not the same capture again
    expect(await storeSlide(db, source, 't', 2, second.codec)).toMatchObject({ ok: true });
    expect(second.calls[0]).toMatchObject({ width: 1280, height: 640 });
  });
});

describe('storeSlide with a crop', () => {
  it("keeps the talk's capture crop, and the whole tab again once it is cleared", async () => {
    const { setCaptureCrop } = await import('../../../lib/images/capture-crop');
    const db = new TalkmarkDB(`slides-${crypto.randomUUID()}`);
    await db.talks.add(makeTalk({ id: 't', updatedAt: 1 }));
    const set = await setCaptureCrop(db, 't', { x: 0.5, y: 0, width: 0.5, height: 0.5 }, 50);
    expect(set).toEqual({ ok: true, value: { x: 0.5, y: 0, width: 0.5, height: 0.5 } });
    expect(await db.talks.get('t')).toMatchObject({ updatedAt: 50, captureCrop: { x: 0.5 } });
    const cropped = fixtureCodec();
    const first = await storeSlide(db, imageFixture('big-2400x1200.jpg'), 't', 1, cropped.codec);
    expect(first.ok && first.added.image.crop).toEqual({ x: 0.5, y: 0, width: 0.5, height: 0.5 });
    expect(cropped.calls[0]).toMatchObject({
      width: 1200,
      height: 600,
      source: { sx: 1200, sy: 0, sw: 1200, sh: 600 },
    });

    expect(await setCaptureCrop(db, 't', null, 60)).toEqual({ ok: true, value: null });
    const talk = await db.talks.get('t');
    expect(talk && 'captureCrop' in talk).toBe(false);
    const whole = fixtureCodec();
    const source = imageFixture('big-2400x1200.jpg').slice();
    source[source.length - 3] = (source[source.length - 3] ?? 0) ^ 1;
    const second = await storeSlide(db, source, 't', 2, whole.codec);
    expect(second.ok && second.added.image.crop).toBeUndefined();
    expect(whole.calls[0]).toEqual({ width: 1920, height: 960, mime: 'image/webp', quality: 0.85 });
    expect(await setCaptureCrop(db, 'gone', null)).toMatchObject({ ok: false, error: { kind: 'missing' } });
  });
});
