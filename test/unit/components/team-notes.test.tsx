import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthorSection } from '../../../components/AuthorSection';
import { HighlightList } from '../../../components/HighlightList';
import { NoteList } from '../../../components/NoteList';
import { getSetting, setSetting } from '../../../lib/db/settings';
import { at, makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

const ZONE = 'America/Los_Angeles';
const talk = timedTalk('streams', '09:30', '10:00', { title: 'Streams in practice' });
const START = at('2025-09-09', '09:30', ZONE);
const note = (id: string, text: string, minutes: number, author?: string) =>
  makeNote({
    id,
    talkId: talk.id,
    text,
    createdAt: START + minutes * 60_000,
    updatedAt: START + minutes * 60_000,
    ...(author ? { author } : {}),
  });
// An old note (no author: the user's own), one written under the user's name, and Ada's.
const old = note('n1', 'Backpressure is a contract', 1);
const named = note('n2', 'Retries need budgets', 5, 'Grace');
const ada = note('n3', 'Measure before tuning', 9, 'Ada');

let services: TestServices;
beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  await setSetting(services.db, 'authorName', 'Grace');
});

async function openList(): Promise<HTMLElement> {
  renderWithServices(<NoteList talk={talk} viewerZone={ZONE} />, services);
  return screen.findByRole('list', { name: 'Notes of this talk' });
}
const item = (list: HTMLElement, text: string) => {
  const found = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(text));
  if (!found) throw new Error(`no note with “${text}”`);
  return found;
};

describe('a talk with notes by several people', () => {
  beforeEach(async () => {
    await services.db.notes.bulkAdd([old, named, ada]);
  });

  it('labels the other person’s note with their name, and only theirs', async () => {
    const list = await openList();
    await waitFor(() => expect(within(item(list, 'Measure before tuning')).getByText('Ada')).toBeTruthy());
    expect(item(list, 'Measure before tuning').textContent).toContain('Written by');
    for (const mine of ['Backpressure is a contract', 'Retries need budgets'])
      expect(item(list, mine).querySelector('.note-author')).toBeNull();
  });

  it('keeps the other person’s note read-only: no Edit, no Delete, no time change', async () => {
    const list = await openList();
    await waitFor(() => expect(item(list, 'Measure before tuning').querySelector('.note-author')).not.toBeNull());
    const hers = within(item(list, 'Measure before tuning'));
    expect(hers.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(hers.queryByRole('button', { name: 'Delete note' })).toBeNull();
    expect(hers.queryByRole('button', { name: /change time/ })).toBeNull();
    expect(hers.getByText('9:00')).toBeTruthy();
    // The user's own notes keep their buttons.
    expect(within(item(list, 'Retries need budgets')).getByRole('button', { name: 'Edit' })).toBeTruthy();
  });

  it('filters to the user’s own notes and back, with counts', async () => {
    const user = userEvent.setup();
    const list = await openList();
    const mine = await screen.findByRole('button', { name: 'Only mine (2)' });
    const everyone = screen.getByRole('button', { name: 'Everyone (3)' });
    expect(everyone.getAttribute('aria-pressed')).toBe('true');
    await user.click(mine);
    expect(mine.getAttribute('aria-pressed')).toBe('true');
    const shown = within(screen.getByRole('list', { name: 'Notes of this talk' })).getAllByRole('listitem');
    expect(shown.map((li) => li.querySelector('.note-text')?.textContent)).toEqual([
      'Backpressure is a contract',
      'Retries need budgets',
    ]);
    await user.click(everyone);
    expect(within(screen.getByRole('list', { name: 'Notes of this talk' })).getAllByRole('listitem')).toHaveLength(3);
    expect(list).toBeTruthy();
  });

  it('counts notes under the user’s name as someone else’s once the name changes (renaming keeps the old name on them)', async () => {
    await setSetting(services.db, 'authorName', 'Grace H.');
    const list = await openList();
    await waitFor(() =>
      expect(item(list, 'Retries need budgets').querySelector('.note-author')?.textContent).toContain('Grace'),
    );
    expect(await screen.findByRole('button', { name: 'Only mine (1)' })).toBeTruthy();
  });
});

describe('a talk with only the user’s notes', () => {
  it('shows no filter and no names', async () => {
    await services.db.notes.bulkAdd([old, named]);
    const list = await openList();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('group', { name: 'Whose notes' })).toBeNull();
    expect(list.querySelector('.note-author')).toBeNull();
  });
});

describe('Your name in the settings', () => {
  it('saves the name typed, tidied, and refuses a name on two lines', async () => {
    const user = userEvent.setup();
    await setSetting(services.db, 'authorName', null);
    renderWithServices(<AuthorSection />, services);
    const field = screen.getByRole('textbox', { name: 'Name' });
    await user.click(field);
    await user.keyboard('  Ada   Lovelace {Enter}');
    expect((await screen.findByRole('status')).textContent).toContain('“Ada Lovelace”');
    expect(await getSetting(services.db, 'authorName')).toBe('Ada Lovelace');
    await user.clear(field);
    await user.keyboard('x'.repeat(81));
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at most 80');
    expect(await getSetting(services.db, 'authorName')).toBe('Ada Lovelace');
  });
});

describe('a highlight by someone else', () => {
  it('shows her name and her comment, with nothing to change', async () => {
    const base = {
      talkId: talk.id,
      pageUrl: 'https://example.com/post',
      pageTitle: 'A post',
      quote: { type: 'TextQuoteSelector' as const, exact: 'the words', prefix: '', suffix: '' },
      position: null,
      color: 'yellow',
      orphanedAt: null,
      createdAt: START,
      updatedAt: START,
    };
    await services.db.highlights.bulkAdd([
      { ...base, id: 'h1', comment: 'Her comment', author: 'Ada' },
      { ...base, id: 'h2', comment: 'Mine', author: 'Grace' },
    ]);
    renderWithServices(<HighlightList talk={talk} talks={[talk]} />, services);
    const list = await screen.findByRole('list', { name: 'Highlights of this talk' });
    const [hers, mine] = within(list).getAllByRole('listitem');
    await waitFor(() => expect(hers!.textContent).toContain('highlighted by Ada'));
    expect(hers!.textContent).toContain('Her comment');
    expect(within(hers!).queryByRole('textbox')).toBeNull();
    expect(within(hers!).queryByRole('button', { name: 'Delete highlight' })).toBeNull();
    expect(within(mine!).getByRole('textbox', { name: 'Comment on this highlight' })).toBeTruthy();
    expect(mine!.textContent).not.toContain('highlighted by');
  });
});
