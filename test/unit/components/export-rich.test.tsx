import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { ExportView } from '../../../components/ExportView';
import { addImageNoteFromBytes } from '../../../lib/images';
import { fixtureCodec, imageFixture } from '../images/fixtures';
import { timedTalk } from '../notes/factories';
import { renderWithServices, testServices } from './harness';

it('Copy as rich text puts the pictures in the HTML (data: URLs) and relative links in the plain text', async () => {
  const talk = timedTalk('streams', '09:30', '10:00', { title: 'Streams in practice' }, '2025-09-09');
  const services = testServices();
  await services.db.talks.add(talk);
  const added = await addImageNoteFromBytes(services.db, imageFixture('slide-300x200.png'), fixtureCodec().codec, {
    talkId: talk.id,
    kind: 'slide',
    text: 'Slide',
    at: talk.startAt! + 60_000,
  });
  if (!added.ok) throw new Error(added.error.message);
  renderWithServices(<ExportView talks={[talk]} talkId={talk.id} initialScope="talk" />, services);
  const copy = await screen.findByRole('button', { name: 'Copy as rich text' });
  await vi.waitFor(() => expect((copy as HTMLButtonElement).disabled).toBe(false));
  await userEvent.click(copy);
  await vi.waitFor(() => expect(services.extension.copyRichText).toHaveBeenCalledTimes(1));
  const [html, plain] = services.extension.copyRichText.mock.calls[0]!;
  const [image] = await services.db.images.toArray();
  const b64 = /<img src="data:image\/webp;base64,([^"]+)" alt="Slide"/.exec(html)?.[1];
  expect(b64).toBeDefined();
  expect(Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0))).toEqual(new Uint8Array(image!.bytes));
  expect(plain).toMatch(/!\[Slide\]\(<[^>]*slide-01\.webp>\)/);
  expect(plain).not.toContain('data:');
  expect((await screen.findByText(/^Copied as rich text/)).textContent).toBe('Copied as rich text with 1 picture.');
});
