import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImageViewer } from '../../../components/ImageViewer';
import { addImageNoteFromBytes, setCaptureCrop } from '../../../lib/images';
import type { CaptureCrop } from '../../../lib/model';
import { makeTalk } from '../notes/factories';
import { fixtureCodec, imageFixture } from '../images/fixtures';
import { renderWithServices, testServices, type TestServices } from './harness';

const talk = makeTalk({ id: 'talk-1', title: 'Streams in practice', startAt: 1_700_000_000_000 });
let services: TestServices;

beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:test/${n++}`);
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

async function addSlide(crop?: CaptureCrop): Promise<string> {
  const result = await addImageNoteFromBytes(
    services.db,
    imageFixture('big-2400x1200.jpg'),
    fixtureCodec().codec,
    { talkId: talk.id, kind: 'slide', text: 'Slide', at: talk.startAt! + 60_000 },
    crop ? { crop } : {},
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value.image.id;
}

// The line keeps "10 %" on one line (no-break spaces): compared with plain spaces.
const cropLine = () => document.querySelector('.image-viewer-crop')?.textContent?.replaceAll('\u00a0', ' ');

describe('A slide’s full view says how the talk’s captures are cropped, and reaches the setting', () => {
  it('no crop: says the whole tab is kept; a crop set elsewhere shows at once, with Change crop… and Clear', async () => {
    const imageId = await addSlide();
    renderWithServices(<ImageViewer imageId={imageId} alt="Slide" cropTalkId={talk.id} onClose={() => {}} />, services);
    await waitFor(() => expect(cropLine()).toBe('This talk’s captures keep the whole tab.'));
    expect(screen.getByRole('button', { name: 'Crop next captures…' })).toBeTruthy();

    // Set by another page (or by sync): the open viewer follows.
    await setCaptureCrop(services.db, talk.id, { x: 0.1, y: 0.2, width: 0.8, height: 0.7 });
    await waitFor(() =>
      expect(cropLine()).toBe(
        'This talk’s captures are cropped (80 % × 70 %, from 10 % left, 20 % top). This picture shows the whole tab.',
      ),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Change crop…' }));
    // The editor opens on the talk's crop, with Clear.
    expect(screen.getByRole('button', { name: /^Crop area:/ }).getAttribute('aria-label')).toBe(
      'Crop area: 80 % × 70 %, from 10 % left, 20 % top',
    );
    await user.click(screen.getByRole('button', { name: 'Clear crop' }));
    await waitFor(() => expect(cropLine()).toBe('This talk’s captures keep the whole tab.'));
    expect(screen.getByRole('button', { name: 'Crop next captures…' })).toBeTruthy();
    expect((await services.db.talks.get(talk.id))?.captureCrop).toBeUndefined();
  });

  it('a cropped capture says so, with the crop it was taken with', async () => {
    const crop = { x: 0, y: 0, width: 0.75, height: 1 };
    await setCaptureCrop(services.db, talk.id, crop);
    const imageId = await addSlide(crop);
    renderWithServices(<ImageViewer imageId={imageId} alt="Slide" cropTalkId={talk.id} onClose={() => {}} />, services);
    await waitFor(() =>
      expect(cropLine()).toBe(
        'This talk’s captures are cropped (75 % × 100 %, from 0 % left, 0 % top). This picture was cropped (75 % × 100 %, from 0 % left, 0 % top).',
      ),
    );
    expect(screen.getByRole('button', { name: 'Change crop…' })).toBeTruthy();
  });

  it('a pasted photo (no crop talk): no crop line, no crop button', async () => {
    const imageId = await addSlide();
    renderWithServices(<ImageViewer imageId={imageId} alt="Photo" onClose={() => {}} />, services);
    await screen.findByRole('img', { name: 'Photo' });
    expect(cropLine()).toBeUndefined();
    expect(screen.queryByRole('button', { name: /crop/i })).toBeNull();
  });
});
