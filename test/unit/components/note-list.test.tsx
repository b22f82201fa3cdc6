import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteList } from '../../../components/NoteList';
import { listNotes } from '../../../lib/notes';
import { at, makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

const ZONE = 'America/Los_Angeles';
const talk = timedTalk('streams', '09:30', '10:00', { title: 'Streams in practice' });
const START = at('2025-09-09', '09:30', ZONE);
const first = makeNote({
  id: 'n1',
  talkId: talk.id,
  text: 'Backpressure is a contract',
  createdAt: START + 65_000,
  updatedAt: START + 65_000,
});
const question = makeNote({
  id: 'n2',
  talkId: talk.id,
  kind: 'question',
  text: 'What about retries?',
  createdAt: START + 600_000,
  updatedAt: START + 600_000,
});
const takeaway = makeNote({
  id: 'n3',
  talkId: talk.id,
  kind: 'takeaway',
  text: 'Measure first',
  createdAt: START + 900_000,
  updatedAt: START + 900_000,
});

let services: TestServices;
beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  await services.db.notes.bulkAdd([takeaway, first, question]);
});

async function openList(): Promise<HTMLElement> {
  renderWithServices(<NoteList talk={talk} viewerZone={ZONE} />, services);
  return screen.findByRole('list', { name: 'Notes of this talk' });
}

const items = (list: HTMLElement) => within(list).getAllByRole('listitem');
const item = (list: HTMLElement, text: string) => {
  const found = items(list).find((li) => li.textContent?.includes(text));
  if (!found) throw new Error(`no note with ${text}`);
  return found;
};
const storedTexts = async () => (await listNotes(services.db, talk.id)).map((n) => n.text);

describe('NoteList and NoteItem', () => {
  it('lists the notes oldest first, with their kind and the time into the talk', async () => {
    const list = await openList();
    expect(items(list).map((li) => li.querySelector('.note-text')?.textContent)).toEqual([
      'Backpressure is a contract',
      'What about retries?',
      'Measure first',
    ]);
    // A plain note has no badge; the others say their kind.
    expect(item(list, 'Backpressure').querySelector('.badge')).toBeNull();
    expect(item(list, 'retries').querySelector('.badge')?.textContent).toBe('Question');
    expect(item(list, 'Measure').querySelector('.badge')?.textContent).toBe('Takeaway');
    expect(within(item(list, 'Backpressure')).getByRole('button', { name: /into the talk/ }).textContent).toBe('1:05');
  });

  it('says so when the talk has no notes', async () => {
    await services.db.notes.clear();
    renderWithServices(<NoteList talk={talk} viewerZone={ZONE} />, services);
    expect(await screen.findByText('No notes yet for this talk.')).toBeTruthy();
  });

  it('edits a note in place: the new text is stored and shown, Enter closes the editor', async () => {
    const list = await openList();
    const user = userEvent.setup();
    await user.click(within(item(list, 'Backpressure')).getByRole('button', { name: 'Edit' }));
    const editor = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Edit note' });
    expect(editor.value).toBe('Backpressure is a contract');
    // The caret is at the end: typing goes on from there.
    await user.keyboard(' between services{Enter}');
    await vi.waitFor(() => expect(screen.queryByRole('textbox', { name: 'Edit note' })).toBeNull());
    expect(await storedTexts()).toContain('Backpressure is a contract between services');
    await vi.waitFor(() =>
      expect(item(list, 'Backpressure').querySelector('.note-text')?.textContent).toBe(
        'Backpressure is a contract between services',
      ),
    );
  });

  it('deletes a note from Dexie and brings it back, unchanged, on Undo', async () => {
    const list = await openList();
    const user = userEvent.setup();
    await user.click(within(item(list, 'retries')).getByRole('button', { name: 'Delete note' }));
    await vi.waitFor(async () => expect(await storedTexts()).not.toContain('What about retries?'));
    await vi.waitFor(() => expect(list.textContent).not.toContain('What about retries?'));
    const toast = screen.getByRole('status');
    expect(toast.textContent).toContain('Note deleted.');

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await vi.waitFor(async () => expect(await services.db.notes.get('n2')).toEqual(question));
    await vi.waitFor(() => expect(item(list, 'retries').querySelector('.badge')?.textContent).toBe('Question'));
    expect(screen.queryByText('Note deleted.')).toBeNull();
  });
});
