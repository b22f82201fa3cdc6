import { fireEvent, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../components/Composer';
import { listNotes } from '../../../lib/notes';
import { makeTalk } from '../notes/factories';
import { imageFixture } from '../images/fixtures';
import { renderWithServices, testServices, type TestServices } from './harness';

const talk = makeTalk({ id: 'talk-1', title: 'Streams in practice' });
let services: TestServices;

beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
});

async function openComposer(): Promise<HTMLTextAreaElement> {
  renderWithServices(<Composer talk={talk} />, services);
  const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
  await vi.waitFor(() => expect(box.placeholder).not.toBe('Loading draft…'));
  return box;
}

const fileOf = (name: string, type: string) =>
  new File([imageFixture(name) as Uint8Array<ArrayBuffer>], name, { type });

describe('Composer: images', () => {
  it('a pasted photo becomes a note with its image; the half-typed text stays in the box', async () => {
    const box = await openComposer();
    const user = userEvent.setup();
    await user.click(box);
    await user.keyboard('half typed');
    fireEvent.paste(box, { clipboardData: { files: [fileOf('big-2400x1200.jpg', 'image/jpeg')], getData: () => '' } });
    await vi.waitFor(async () => expect(await listNotes(services.db, talk.id)).toHaveLength(1));
    const [note] = await listNotes(services.db, talk.id);
    expect(note).toMatchObject({ kind: 'plain', text: 'Photo' });
    const image = await services.db.images.get(note!.imageId!);
    expect(image).toMatchObject({ noteId: note!.id, width: 1920, height: 960 });
    expect(box.value).toBe('half typed');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Note saved: Photo'));
  });

  it('a pasted photo is stored at the longest side chosen in the settings', async () => {
    await services.db.settings.put({ key: 'imageMaxSide', value: 1280 });
    const box = await openComposer();
    fireEvent.paste(box, { clipboardData: { files: [fileOf('big-2400x1200.jpg', 'image/jpeg')], getData: () => '' } });
    await vi.waitFor(async () => expect(await services.db.images.count()).toBe(1));
    expect((await services.db.images.toArray())[0]).toMatchObject({ width: 1280, height: 640 });
  });

  it('a dropped file is checked by its bytes: an SVG named .png is refused, with the reason, and nothing stored', async () => {
    await openComposer();
    const form = screen.getByRole('form', { name: 'New note' });
    const svg = new File([imageFixture('not-an-image.svg') as Uint8Array<ArrayBuffer>], 'slide.png', {
      type: 'image/png',
    });
    fireEvent.drop(form, { dataTransfer: { files: [svg], types: ['Files'] } });
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Only PNG, JPEG and WebP images can be added.'),
    );
    expect(await services.db.notes.count()).toBe(0);
    expect(await services.db.images.count()).toBe(0);
  });

  it('a dropped photo becomes a note with its image', async () => {
    await openComposer();
    const form = screen.getByRole('form', { name: 'New note' });
    fireEvent.drop(form, { dataTransfer: { files: [fileOf('slide-300x200.png', 'image/png')], types: ['Files'] } });
    await vi.waitFor(async () => expect(await services.db.images.count()).toBe(1));
    const [note] = await listNotes(services.db, talk.id);
    const [image] = await services.db.images.toArray();
    expect(note).toMatchObject({ text: 'Photo', imageId: image!.id });
    expect(image).toMatchObject({ talkId: talk.id, width: 300, height: 200 });
  });

  it("Mark slide keeps the talk's capture crop; a pasted photo is kept whole", async () => {
    await services.db.talks.update(talk.id, { captureCrop: { x: 0.5, y: 0, width: 0.5, height: 1 } });
    const box = await openComposer();
    const user = userEvent.setup();
    services.extension.captureVisibleTab.mockResolvedValueOnce(imageFixture('big-2400x1200.jpg'));
    await user.click(screen.getByRole('button', { name: 'Mark slide' }));
    await vi.waitFor(async () => expect(await services.db.images.count()).toBe(1));
    fireEvent.paste(box, { clipboardData: { files: [fileOf('slide-300x200.png', 'image/png')], getData: () => '' } });
    await vi.waitFor(async () => expect(await services.db.images.count()).toBe(2));
    const images = (await services.db.images.toArray()).sort((a, b) => a.createdAt - b.createdAt);
    expect(images.map((i) => [i.width, i.height, i.crop])).toEqual([
      [1200, 1200, { x: 0.5, y: 0, width: 0.5, height: 1 }],
      [300, 200, undefined],
    ]);
  });

  it('pasted text is left to the box', async () => {
    const box = await openComposer();
    const user = userEvent.setup();
    await user.click(box);
    await user.paste('plain words');
    expect(box.value).toBe('plain words');
    expect(await services.db.notes.count()).toBe(0);
  });

  it('Mark slide stores the tab’s snapshot where the browser allows it, else the slide marker', async () => {
    await openComposer();
    const user = userEvent.setup();
    services.extension.captureVisibleTab.mockResolvedValueOnce(imageFixture('slide-300x200.png'));
    await user.click(screen.getByRole('button', { name: 'Mark slide' }));
    await vi.waitFor(async () => expect(await services.db.images.count()).toBe(1));
    // No grant (a click in the side panel gives none): the marker note, as before.
    await user.click(screen.getByRole('button', { name: 'Mark slide' }));
    await vi.waitFor(async () => expect(await listNotes(services.db, talk.id)).toHaveLength(2));
    const notes = await listNotes(services.db, talk.id);
    expect(notes.map((n) => [n.kind, n.text, Boolean(n.imageId)])).toEqual([
      ['slide', 'Slide', true],
      ['slide', 'Slide', false],
    ]);
    expect(services.extension.captureVisibleTab).toHaveBeenCalledTimes(2);
  });
});
