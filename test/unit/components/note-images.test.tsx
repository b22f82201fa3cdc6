import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteList } from '../../../components/NoteList';
import { addImageNoteFromBytes } from '../../../lib/images';
import { makeTalk } from '../notes/factories';
import { fixtureCodec, imageFixture } from '../images/fixtures';
import { renderWithServices, testServices, type TestServices } from './harness';

const talk = makeTalk({ id: 'talk-1', title: 'Streams in practice', startAt: 1_700_000_000_000 });
let services: TestServices;
// jsdom has no object URLs: count what is made and given back.
const made: string[] = [];
const revoked: string[] = [];

beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  made.length = 0;
  revoked.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${made.length}-${blob.type}`;
    made.push(url);
    return url;
  });
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
});
afterEach(() => vi.restoreAllMocks());

async function addPhoto(text: string, file = 'big-2400x1200.jpg', at = talk.startAt! + 60_000) {
  const result = await addImageNoteFromBytes(services.db, imageFixture(file), fixtureCodec().codec, {
    talkId: talk.id,
    kind: 'slide',
    text,
    at,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Note pictures in the list', () => {
  it('shows the thumbnail, opens the full view, closes with Escape back to the thumbnail, and revokes its URLs', async () => {
    await addPhoto('Slide: the p95 budget');
    const view = renderWithServices(<NoteList talk={talk} viewerZone="UTC" />, services);
    const thumb = await screen.findByRole('img', { name: 'Slide: the p95 budget' });
    expect(thumb.getAttribute('src')).toBe('blob:test/0-image/webp');
    expect([thumb.getAttribute('width'), thumb.getAttribute('height')]).toEqual(['320', '160']);

    const user = userEvent.setup();
    const open = screen.getByRole('button', { name: 'Show the picture full size: Slide: the p95 budget' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Picture: Slide: the p95 budget' });
    const full = await vi.waitFor(() => {
      const img = dialog.querySelector('img');
      if (!img) throw new Error('no full image yet');
      return img;
    });
    expect([full.getAttribute('width'), full.getAttribute('height')]).toEqual(['1920', '960']);
    expect(document.activeElement?.textContent).toBe('Close');
    // A modal: Tab and Shift+Tab stay on its controls, the page under it is locked.
    expect(document.documentElement.style.overflow).toBe('hidden');
    // A slide capture's view has two controls: Close and "Crop next captures…"; Tab goes round them.
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Crop next captures…');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Close');
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('Crop next captures…');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    expect(document.documentElement.style.overflow).toBe('');
    expect(revoked).toEqual([made[1]]); // the full view's URL went with it
    view.unmount();
    await vi.waitFor(() => expect(revoked).toEqual([made[1], made[0]]));
  });

  it('deletes a picture note with its image, and Undo brings both back', async () => {
    const added = await addPhoto('Speaker on stage');
    renderWithServices(<NoteList talk={talk} viewerZone="UTC" />, services);
    await screen.findByRole('img', { name: 'Speaker on stage' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete note' }));
    await vi.waitFor(async () => expect(await services.db.images.count()).toBe(0));
    expect(await services.db.notes.count()).toBe(0);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await screen.findByRole('img', { name: 'Speaker on stage' });
    expect(await services.db.images.get(added.image.id)).toEqual(added.image);
  });

  it('says so when a note’s picture is not stored (a backup restored without it)', async () => {
    const added = await addPhoto('Gone');
    await services.db.images.delete(added.image.id);
    renderWithServices(<NoteList talk={talk} viewerZone="UTC" />, services);
    expect(await screen.findByText('Image missing (not in this browser’s storage).')).toBeTruthy();
  });
});
