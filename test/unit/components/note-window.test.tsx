import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteList } from '../../../components/NoteList';
import { FIRST_NOTES } from '../../../components/useNoteWindow';
import { at, makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

const ZONE = 'America/Los_Angeles';
const talk = timedTalk('windowed', '09:30', '10:30', { title: 'A talk with many notes' });
const START = at('2025-09-09', '09:30', ZONE);
const COUNT = 200;
const notes = Array.from({ length: COUNT }, (_, i) =>
  makeNote({
    id: `n${String(i).padStart(3, '0')}`,
    talkId: talk.id,
    text: `Note number ${i}`,
    createdAt: START + i * 10_000,
    updatedAt: START + i * 10_000,
  }),
);
const drawnTexts = () => [...document.querySelectorAll('[data-note-id] .note-text')].map((p) => p.textContent);

let services: TestServices;
beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  await services.db.notes.bulkAdd(notes);
});
afterEach(() => vi.unstubAllGlobals());

describe('the note list of a talk with many notes (issue #12: newest in view)', () => {
  it('draws the newest notes first, newest last, then every note once the page is idle', async () => {
    // Idle moments come only when the test says so.
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
    vi.stubGlobal('cancelIdleCallback', () => {});
    renderWithServices(<NoteList talk={talk} viewerZone={ZONE} />, services);
    await screen.findByText(`Note number ${COUNT - 1}`);
    const first = drawnTexts();
    expect(first).toHaveLength(FIRST_NOTES);
    expect(first.at(-1)).toBe(`Note number ${COUNT - 1}`);
    expect(first[0]).toBe(`Note number ${COUNT - FIRST_NOTES}`);
    expect(screen.getByRole('button', { name: `Show ${COUNT - FIRST_NOTES} earlier notes` })).toBeTruthy();
    // Each idle moment adds older notes above, until all are drawn, in order.
    for (let i = 0; i < 10 && drawnTexts().length < COUNT; i++) {
      await vi.waitFor(() => expect(idle.length).toBeGreaterThan(0));
      idle.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await vi.waitFor(() => expect(drawnTexts()).toEqual(notes.map((n) => n.text)));
    expect(screen.queryByRole('button', { name: /earlier notes/ })).toBeNull();
  });

  it('"Show earlier notes" draws them all at once and puts the caret on the list', async () => {
    vi.stubGlobal('requestIdleCallback', () => 0); // never idle
    vi.stubGlobal('cancelIdleCallback', () => {});
    renderWithServices(<NoteList talk={talk} viewerZone={ZONE} />, services);
    const more = await screen.findByRole('button', { name: `Show ${COUNT - FIRST_NOTES} earlier notes` });
    await userEvent.click(more);
    await vi.waitFor(() => expect(drawnTexts()).toHaveLength(COUNT));
    expect(document.activeElement).toBe(screen.getByRole('list', { name: 'Notes of this talk' }));
  });

  it('draws a short list whole, with no button', async () => {
    await services.db.notes.bulkDelete(notes.slice(0, COUNT - 10).map((n) => n.id));
    renderWithServices(<NoteList talk={talk} viewerZone={ZONE} />, services);
    await screen.findByText(`Note number ${COUNT - 1}`);
    expect(drawnTexts()).toHaveLength(10);
    expect(screen.queryByRole('button', { name: /earlier notes/ })).toBeNull();
  });
});
