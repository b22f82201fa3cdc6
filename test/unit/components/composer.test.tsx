import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../../../components/Composer';
import { listNotes, loadDraft, readMirror } from '../../../lib/notes';
import { makeTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

const talk = makeTalk({ id: 'talk-1', title: 'Streams in practice' });
let services: TestServices;

beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
});
afterEach(() => vi.useRealTimers());

/** The composer, once its stored draft has loaded (the placeholder says so). */
async function openComposer(): Promise<HTMLTextAreaElement> {
  renderWithServices(<Composer talk={talk} />, services);
  const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
  await vi.waitFor(() => expect(box.placeholder).not.toBe('Loading draft…'));
  return box;
}

/**
 * Hold every fake-indexeddb request (it schedules them with setImmediate) until `release`, so a
 * test can look at the panel while a write is under way. The database's timers only: Preact and
 * the draft's debounce keep real ones.
 */
function holdDatabase(): { release: () => Promise<void> } {
  vi.useFakeTimers({ toFake: ['setImmediate'] });
  return {
    release: async () => {
      await vi.runAllTimersAsync();
      vi.useRealTimers();
    },
  };
}

const liveRegion = () => screen.getByRole('status');

describe('Composer', () => {
  it('writes the draft to IndexedDB within 300 ms of typing, and mirrors it at once', async () => {
    const box = await openComposer();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const user = userEvent.setup({ delay: null });
    await user.click(box);
    await user.keyboard('Half a thought');
    expect(box.value).toBe('Half a thought');
    // The synchronous copy holds every keystroke before IndexedDB does.
    expect(readMirror(localStorage, talk.id)?.text).toBe('Half a thought');
    await vi.advanceTimersByTimeAsync(300);
    vi.useRealTimers();
    await vi.waitFor(async () => expect((await loadDraft(services.db, talk.id))?.text).toBe('Half a thought'));
  });

  it('adds the note on Enter, empties the box at once, and says Saving… then Saved', async () => {
    const box = await openComposer();
    const user = userEvent.setup();
    await user.click(box);
    await user.keyboard('Backpressure is a contract');
    const database = holdDatabase();
    await user.keyboard('{Enter}');
    // The box is empty before the write lands, so typing can go straight on.
    expect(box.value).toBe('');
    expect(screen.getByText('Saving…')).toBeTruthy();
    expect(liveRegion().textContent).toBe(''); // outcomes only
    await database.release();

    await vi.waitFor(() => expect(screen.getByText('✓ Saved')).toBeTruthy());
    expect(liveRegion().textContent).toBe('Note saved: Backpressure is a contract');
    const notes = await listNotes(services.db, talk.id);
    expect(notes.map((n) => [n.kind, n.text])).toEqual([['plain', 'Backpressure is a contract']]);
    expect(box.value).toBe('');
    // Shift+Enter is a new line, not a note.
    await user.keyboard('one{Shift>}{Enter}{/Shift}two');
    expect(box.value).toBe('one\ntwo');
    expect(await listNotes(services.db, talk.id)).toHaveLength(1);
  });

  it('puts a note whose write failed back in the box, before what was typed since, with the reason', async () => {
    services.db.notes.hook('creating', () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    const box = await openComposer();
    const user = userEvent.setup();
    await user.click(box);
    await user.keyboard('! Measure first');
    const database = holdDatabase();
    await user.keyboard('{Enter}');
    expect(box.value).toBe('');
    await user.keyboard('and then');
    await database.release();

    await vi.waitFor(() => expect(screen.getByText('Not saved')).toBeTruthy());
    expect(box.value).toBe('! Measure first\nand then');
    expect(screen.getByRole('alert').textContent).toBe(
      'Browser storage is full, so this was not saved. Free some disk space, then try again. Your text is still here.',
    );
    expect(liveRegion().textContent).toBe('Note not saved.');
    expect(await listNotes(services.db, talk.id)).toEqual([]);
    // Both the failed note and what followed it are in the draft, should the panel close now.
    expect(readMirror(localStorage, talk.id)?.text).toBe('! Measure first\nand then');
  });

  it('picks the next note’s kind with Alt+letter and a typed prefix', async () => {
    const box = await openComposer();
    const user = userEvent.setup();
    await user.click(box);
    await user.keyboard('{Alt>}q{/Alt}');
    expect(screen.getByRole('button', { name: 'Quote' }).getAttribute('aria-pressed')).toBe('true');
    await user.keyboard('Make it work, then fast{Enter}');
    await user.keyboard('? Why not both{Enter}');
    await vi.waitFor(async () => expect(await listNotes(services.db, talk.id)).toHaveLength(2));
    const notes = await listNotes(services.db, talk.id);
    expect(notes.map((n) => n.kind).sort()).toEqual(['question', 'quote']);
    expect(box.value).toBe('');
  });
});
