import { screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgendaView } from '../../../components/AgendaView';
import { AGENDA_PAGE, FIRST_SCREEN } from '../../../components/TalkList';
import * as pages from '../../../lib/talks/agenda-pages';
import * as counts from '../../../lib/talks/note-counts';
import { makeNote, makeTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

// jsdom has no IntersectionObserver; the Agenda's "more" sentinel only needs one to exist here.
class NoObserver {
  observe() {}
  disconnect() {}
}

/** 100 talks, 50 a UTC day on two days, 9 minutes apart; the first (newest day's first) has 2 notes. */
const talks = Array.from({ length: 100 }, (_, i) => {
  const startAt = Date.UTC(2026, 4, 13 - Math.floor(i / 50), 1) + (i % 50) * 9 * 60_000;
  return makeTalk({
    id: `t${String(i).padStart(3, '0')}`,
    key: `k${i}`,
    title: `Talk ${i}`,
    startAt,
    endAt: startAt + 8 * 60_000,
    timeZone: 'UTC',
  });
});

/** fake-indexeddb on a loaded machine is slow: wait up to 15 s for what the panel does in milliseconds. */
const WAIT = { timeout: 15_000 };

let services: TestServices;
beforeEach(async () => {
  vi.stubGlobal('IntersectionObserver', NoObserver);
  services = testServices();
  await services.db.talks.bulkAdd(talks);
  await services.db.notes.bulkAdd([makeNote({ talkId: 't000' }), makeNote({ talkId: 't000' })]);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('AgendaView: the first screen first', () => {
  it('paints one screen of cards before their note counts and before the first page, then the rest', async () => {
    const reads = vi.spyOn(pages, 'readAgendaTalks');
    // Note counts wait until the test lets them through, so the order is seen, not raced.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: number[] = [];
    const real = counts.noteCountsOf;
    vi.spyOn(counts, 'noteCountsOf').mockImplementation(async (db, ids) => {
      asked.push(ids.length);
      await gate;
      return real(db, ids);
    });
    // What the list held when its first card appeared (before any effect after that paint).
    let firstCards: string[] | null = null;
    const observer = new MutationObserver(() => {
      if (firstCards) return;
      const cards = document.querySelectorAll('article');
      if (cards.length) firstCards = [...cards].map((c) => c.textContent ?? '');
    });
    observer.observe(document.body, { childList: true, subtree: true });
    renderWithServices(<AgendaView viewerZone="UTC" onOpen={() => {}} />, services);

    await screen.findByRole('article', { name: 'Talk 0' }, WAIT);
    observer.disconnect();
    expect(firstCards!.length).toBeGreaterThan(0);
    expect(firstCards!.length).toBeLessThanOrEqual(FIRST_SCREEN);
    expect(firstCards!.some((text) => /\d+ notes?/.test(text))).toBe(false);
    // The first read asked for one screen, the counts first for the cards on it.
    expect(reads.mock.calls[0]![1]).toBe(FIRST_SCREEN);
    await waitFor(() => expect(asked.length).toBeGreaterThan(0), WAIT);
    expect(asked[0]).toBeLessThanOrEqual(FIRST_SCREEN);

    // After that paint: the first page and more read, the counts in once let through.
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(AGENDA_PAGE), WAIT);
    await waitFor(() => expect(Math.max(...reads.mock.calls.map((c) => c[1]))).toBeGreaterThan(AGENDA_PAGE), WAIT);
    expect(screen.queryByText(/\d+ notes?/)).toBeNull();
    release();
    const first = screen.getByRole('article', { name: 'Talk 0' });
    await waitFor(() => expect(within(first).getByText('2 notes')).toBeTruthy(), WAIT);
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('article', { name: `Talk ${AGENDA_PAGE - 1}` })).getByText('0 notes'),
        ).toBeTruthy(),
      WAIT,
    );
  });
});
