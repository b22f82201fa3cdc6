import type { Talk } from '../lib/model';
import { chooseNowAndNext } from '../lib/notes';
import { formatTime } from '../lib/time/zones';
import { venueZone } from '../lib/time/display';
import { Composer } from './Composer';
import { HighlightList } from './HighlightList';
import { NoteList } from './NoteList';
import { TalkDetails } from './TalkDetails';
import { TalkHeader } from './TalkHeader';
import { TalkPicker } from './TalkPicker';

export interface NowViewProps {
  talks: readonly Talk[];
  pickedId: string | null;
  onPick: (id: string | null) => void;
  now: number;
  viewerZone: string;
  focusSignal: number;
  /** Open the Export view on this talk. */
  onExport: (talkId: string) => void;
}

/**
 * Where notes are taken: the talk happening now is chosen by itself (by instants, whatever the
 * viewer's zone), the next one is queued, and the user can pick any talk instead.
 */
export function NowView({ talks, pickedId, onPick, now, viewerZone, focusSignal, onExport }: NowViewProps) {
  const auto = chooseNowAndNext(talks, now, { preferredId: pickedId });
  const picked = pickedId ? talks.find((t) => t.id === pickedId) ?? null : null;
  const talk = picked ?? auto.now;
  const next = auto.next && auto.next.id !== talk?.id ? auto.next : null;

  if (!talks.length) {
    return <p class="muted">Clip a talk from its schedule page (Sched: press “Clip”), then take notes here.</p>;
  }
  return (
    <div class="now-view">
      <TalkPicker talks={talks} pickedId={picked ? pickedId : null} onPick={onPick} />
      {talk ? (
        <>
          <TalkHeader talk={talk} agenda={talks} now={now} viewerZone={viewerZone} />
          <TalkDetails talk={talk} />
          <Composer key={talk.id} talk={talk} focusSignal={focusSignal} />
          <NoteList talk={talk} viewerZone={viewerZone} />
          <HighlightList talk={talk} talks={talks} />
          <p>
            <button type="button" class="secondary" onClick={() => onExport(talk.id)}>
              Export this talk
            </button>
          </p>
        </>
      ) : (
        <p class="muted">No talk is on right now. Pick one above to take notes for it.</p>
      )}
      {next && (
        <p class="next card" aria-label="Next talk">
          <span class="muted">Next</span>{' '}
          {next.startAt !== null && <span>{formatTime(next.startAt, venueZone(next))} · </span>}
          <strong>{next.title}</strong>
          {next.room && <span class="muted"> · {next.room}</span>}{' '}
          <button type="button" class="link-button" onClick={() => onPick(next.id)}>
            Take notes for it
          </button>
        </p>
      )}
    </div>
  );
}
