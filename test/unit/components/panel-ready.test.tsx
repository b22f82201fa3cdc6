import { screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PANEL_READY, resetPanelReady } from '../../../components/panelReady';
import { SidePanel } from '../../../components/SidePanel';
import { setSetting } from '../../../lib/db/settings';
import { makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

// The last talk of the day, picked: it holds whatever today's date is (nothing starts after it).
const talk = timedTalk('kafka', '10:15', '10:45', { title: 'Scaling Kafka' });
const notes = [1, 2, 3].map((i) =>
  makeNote({ id: `n${i}`, talkId: talk.id, text: `Note ${i}`, createdAt: talk.startAt! + i * 60_000 }),
);

let services: TestServices;
/** What the page showed each time the ready mark was set. */
let atMark: Array<{ notes: number; box: boolean; focused?: boolean }>;
beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  await services.db.notes.bulkAdd(notes);
  await setSetting(services.db, 'pickedTalkId', talk.id);
  await setSetting(services.db, 'pickedAt', Date.now());
  resetPanelReady();
  atMark = [];
  vi.spyOn(performance, 'mark').mockImplementation((name: string) => {
    if (name === PANEL_READY)
      atMark.push({
        notes: document.querySelectorAll('[data-note-id]').length,
        box: !!screen.queryByRole('textbox', { name: 'Note' }),
        focused: document.activeElement === screen.queryByRole('textbox', { name: 'Note' }),
      });
    return undefined as unknown as PerformanceMark;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the side panel’s ready mark (npm run bench, rows 2 and 11c)', () => {
  it('is set once, when the note box is there and the Now talk’s notes are shown', async () => {
    renderWithServices(<SidePanel shortcut="" focusSignal={0} onOpenSettings={() => {}} />, services);
    await vi.waitFor(() => expect(atMark.length).toBe(1), { timeout: 3000 });
    expect(atMark[0]).toEqual({ notes: 3, box: true, focused: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(atMark.length).toBe(1);
  });

  it('is set when there is no talk to show', async () => {
    await services.db.notes.clear();
    await services.db.talks.clear();
    renderWithServices(<SidePanel shortcut="" focusSignal={0} onOpenSettings={() => {}} />, services);
    await vi.waitFor(() => expect(atMark.length).toBe(1), { timeout: 3000 });
    expect(atMark[0]!.box).toBe(false);
  });
});
