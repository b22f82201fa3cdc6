import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NowView, type NowViewProps } from '../../../components/NowView';
import type { Talk } from '../../../lib/model';
import { listNotes, type TalkPick } from '../../../lib/notes';
import { at, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

const ZONE = 'America/Los_Angeles';
const streams = timedTalk('streams', '09:30', '10:00', { title: 'Streams in practice', room: 'Hall A' });
const kafka = timedTalk('kafka', '10:15', '10:45', { title: 'Scaling Kafka', room: 'Room 2' });
const talks: Talk[] = [streams, kafka];
/** 09:40 at the venue: "Streams" is on, "Kafka" is next. */
const DURING_STREAMS = at('2025-09-09', '09:40', ZONE);

let services: TestServices;
beforeEach(async () => {
  services = testServices();
  await services.db.talks.bulkAdd(talks);
});

/** NowView as the side panel holds it: the pick is the panel's state. */
function Panel(props: Partial<NowViewProps> & { now: number }) {
  const [pick, setPick] = useState<TalkPick>({ id: null, at: null });
  return (
    <NowView
      talks={talks}
      libraryEmpty={false}
      pickable={talks}
      onWantPickable={() => {}}
      pick={pick}
      onPick={(id) => setPick({ id, at: props.now })}
      viewerZone={ZONE}
      noteBox={{ current: null }}
      onNoteBox={() => {}}
      onExport={() => {}}
      {...props}
    />
  );
}

const currentTitle = () =>
  within(screen.getByRole('region', { name: 'Current talk' })).getByRole('heading').textContent;

async function noteBox(): Promise<HTMLTextAreaElement> {
  const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Note' });
  await vi.waitFor(() => expect(box.placeholder).not.toBe('Loading draft…'));
  return box;
}

describe('NowView', () => {
  it('shows the talk on now and the next one, with its time and room', () => {
    renderWithServices(<Panel now={DURING_STREAMS} />, services);
    expect(currentTitle()).toBe('Streams in practice');
    const next = screen.getByRole('region', { name: 'Next talk' });
    expect(next.textContent).toContain('Scaling Kafka');
    expect(next.textContent).toContain('Room 2');
    expect(next.textContent).toMatch(/10:15/);
  });

  it('moves to the next talk on “Take notes for it”, and offers no "next" for it twice', async () => {
    renderWithServices(<Panel now={DURING_STREAMS} />, services);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Take notes for it' }));
    expect(currentTitle()).toBe('Scaling Kafka');
    expect(screen.queryByLabelText('Next talk')).toBeNull();
  });

  it('says nothing is on between days, and what to do in an empty library', () => {
    const night = at('2025-09-09', '23:00', ZONE);
    const { unmount } = renderWithServices(<Panel now={night} />, services);
    expect(screen.getByText('No talk is on right now. Pick one above to take notes for it.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Current talk' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    unmount();

    renderWithServices(<Panel now={DURING_STREAMS} talks={[]} libraryEmpty />, services);
    expect(screen.getByText(/Clip a talk from its schedule page/)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
  });

  it('a note taken in the view lands in Dexie under the talk on now, and shows in its list', async () => {
    renderWithServices(<Panel now={DURING_STREAMS} />, services);
    const box = await noteBox();
    const user = userEvent.setup();
    await user.click(box);
    await user.keyboard('Backpressure is a contract{Enter}');
    await vi.waitFor(async () =>
      expect((await listNotes(services.db, streams.id)).map((n) => n.text)).toEqual(['Backpressure is a contract']),
    );
    expect(await listNotes(services.db, kafka.id)).toEqual([]);
    const list = await screen.findByRole('list', { name: 'Notes of this talk' });
    expect(list.textContent).toContain('Backpressure is a contract');
  });
});
