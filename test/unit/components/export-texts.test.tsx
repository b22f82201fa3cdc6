import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportView } from '../../../components/ExportView';
import { renderExport } from '../../../lib/export/export-choices';

// Counted, not replaced: how often the view renders the post.
vi.mock('../../../lib/export/export-choices', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../lib/export/export-choices')>();
  return { ...original, renderExport: vi.fn(original.renderExport) };
});
import { loadExportChoices } from '../../../lib/export/export-settings';
import { makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

// The machine running tests may be slow: the database and the preview get time to answer.
const wait = { timeout: 5000 };
const first = timedTalk('t1', '09:30', '10:00', { title: 'Streams in practice' });
const second = timedTalk('t2', '10:30', '11:00', { title: 'Queues at scale' });
let services: TestServices;

beforeEach(async () => {
  services = testServices();
  await services.db.talks.bulkAdd([first, second]);
  await services.db.notes.bulkAdd([
    makeNote({ talkId: 't1', kind: 'takeaway', text: 'Backpressure first', createdAt: first.startAt! + 60_000 }),
    makeNote({ talkId: 't2', text: 'Partitions', createdAt: second.startAt! + 60_000 }),
  ]);
});

async function openView(initialScope?: 'talk' | 'day') {
  renderWithServices(<ExportView talks={[first, second]} talkId="t1" initialScope={initialScope} />, services);
  const preview = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Recap preview' }, { timeout: 5000 });
  return preview;
}

describe('Export view: Intro and Closing', () => {
  it('puts what is typed in Intro and Closing into the day post, and remembers it for that scope', async () => {
    const user = userEvent.setup();
    const preview = await openView('day');
    expect(preview.value).toMatch(/Replace this line/);
    await user.click(screen.getByRole('textbox', { name: 'Intro' }));
    await user.keyboard('A *great* day in town.');
    await user.click(screen.getByRole('textbox', { name: 'Closing' }));
    await user.keyboard('Thanks for reading!');
    await vi.waitFor(() => expect(preview.value).toMatch(/\n\nA \*great\* day in town\.\n\n## Main takeaways\n/), wait);
    expect(preview.value).toMatch(/\n\nThanks for reading!\n$/);
    expect(preview.value).not.toMatch(/Replace this line/);
    await vi.waitFor(async () => {
      const stored = await loadExportChoices(services.db);
      expect(stored.choices.intro.day).toBe('A *great* day in town.');
      expect(stored.choices.closing.day).toBe('Thanks for reading!');
      expect(stored.choices.intro.talk).toBe('');
    }, wait);
  });

  it('renders the post once typing pauses, not on every key (the preview stays off the keystroke’s path)', async () => {
    const user = userEvent.setup();
    const preview = await openView('day');
    const calls = vi.mocked(renderExport);
    await user.click(screen.getByRole('textbox', { name: 'Intro' }));
    calls.mockClear();
    await user.keyboard('Twenty keys typed fast');
    const duringTyping = calls.mock.calls.length;
    await vi.waitFor(() => expect(preview.value).toMatch(/\n\nTwenty keys typed fast\n/), wait);
    // 22 keys: a render per key would be 22; the debounce leaves the one after the pause (and
    // at most a stray one if the machine stalled for a pause's length mid-typing).
    expect(duringTyping).toBeLessThanOrEqual(2);
    expect(calls.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('shows one talk its own empty intro: no placeholder, no Main takeaways', async () => {
    const user = userEvent.setup();
    const preview = await openView('day');
    await user.click(screen.getByRole('textbox', { name: 'Intro' }));
    await user.keyboard('Day words');
    await vi.waitFor(() => expect(preview.value).toMatch(/Day words/), wait);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scope' }), 'talk');
    // The preview is drawn afresh while the talk's notes load: read it again.
    const shown = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Recap preview' }).value;
    await vi.waitFor(() => expect(shown()).toMatch(/^title: "Streams in practice"$/m), wait);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Intro' }).value).toBe('');
    expect(shown()).not.toMatch(/Day words|Replace this line|Main takeaways/);
  });
});
