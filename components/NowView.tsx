import { useEffect, useState } from 'preact/hooks';
import type { Talk } from '../lib/model';
import { chooseNowAndNext, currentTalkId, pageStorage, readMirror, type TalkPick } from '../lib/notes';
import { formatTime } from '../lib/time/zones';
import { venueZone } from '../lib/time/display';
import { Composer } from './Composer';
import { HighlightList } from './HighlightList';
import { NoteList } from './NoteList';
import { TalkDetails } from './TalkDetails';
import { TalkHeader } from './TalkHeader';
import { TalkPicker } from './TalkPicker';

export interface NowViewProps {
  /** The talks around now and the pick: enough to choose the talk (see lib/talks/nearby.ts). */
  talks: readonly Talk[];
  /** Nothing is clipped yet. */
  libraryEmpty: boolean;
  /** Every talk, for the picker's list; null until read. */
  pickable: readonly Talk[] | null;
  /** The picker is about to be used: read every talk. */
  onWantPickable: () => void;
  pick: TalkPick;
  onPick: (id: string | null) => void;
  now: number;
  viewerZone: string;
  /** The note box, for the panel to put the caret in. */
  noteBox: { current: HTMLTextAreaElement | null };
  /** Put the caret in the note box once it shows the talk just chosen ("Take notes for it"). */
  onNoteBox: () => void;
  /** Open the Export view on this talk. */
  onExport: (talkId: string) => void;
}

const hasUnsentText = (talkId: string | null) => !!talkId && !!readMirror(pageStorage(), talkId)?.text.trim();

/**
 * Where notes are taken: the talk happening now is chosen by itself (by instants, whatever the
 * viewer's zone), the next one is queued, and the user can pick any talk instead.
 *
 * Laid out like a conversation, for a panel as short as 700 px: the note box is pinned to the
 * bottom of the panel, the notes run oldest to newest down to it, and a note just added is
 * brought into view right above the box — the newest note never drops below the fold. What is
 * not needed while typing (export, the next talk) comes after the box.
 */
export function NowView({
  talks,
  libraryEmpty,
  pickable,
  onWantPickable,
  pick,
  onPick,
  now,
  viewerZone,
  noteBox,
  onNoteBox,
  onExport,
}: NowViewProps) {
  const target = currentTalkId(talks, pick, now);
  // The talk on screen. It follows `target`, except that the schedule moving on never takes a
  // half-typed note away: then the switch is offered instead.
  const [shownId, setShownId] = useState<string | null>(target);
  useEffect(() => {
    if (target !== shownId && (!talks.some((t) => t.id === shownId) || !hasUnsentText(shownId))) setShownId(target);
  }, [target, shownId, now, talks]);
  const talk = talks.find((t) => t.id === shownId) ?? null;
  const waiting = target && target !== shownId ? (talks.find((t) => t.id === target) ?? null) : null;
  const pickTalk = (id: string | null) => {
    onPick(id);
    setShownId(id ?? currentTalkId(talks, { id: null, at: null }, now));
  };
  /** The note this panel just added, to bring into view once the list shows it. */
  const [added, setAdded] = useState<string | null>(null);
  const auto = chooseNowAndNext(talks, now);
  const next = auto.next && auto.next.id !== talk?.id && auto.next.id !== waiting?.id ? auto.next : null;

  if (libraryEmpty) {
    return <p class="muted">Clip a talk from its schedule page (Sched: press “Clip”), then take notes here.</p>;
  }
  return (
    <div class="now-view">
      <TalkPicker
        talks={pickable ?? talks}
        nearby={talks}
        pickedId={pick.id && pick.id === target ? pick.id : null}
        onPick={pickTalk}
        onWantAll={pickable ? undefined : onWantPickable}
      />
      {waiting && (
        <p class="card next" role="status">
          <strong>{waiting.title}</strong> has started. Your unsent note stays with this talk.{' '}
          <button type="button" class="link-button" onClick={() => (setShownId(waiting.id), onNoteBox())}>
            Switch to it
          </button>
        </p>
      )}
      {talk ? (
        <>
          <TalkHeader talk={talk} agenda={talks} viewerZone={viewerZone} />
          <TalkDetails talk={talk} />
          <HighlightList talk={talk} talks={pickable ?? talks} onWantTalks={pickable ? undefined : onWantPickable} />
          <NoteList talk={talk} viewerZone={viewerZone} reveal={added} />
          <Composer key={talk.id} talk={talk} boxRef={noteBox} onAdded={setAdded} />
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
        <section aria-label="Next talk">
          <p class="next card">
            <span class="muted">Next</span>{' '}
            {next.startAt !== null && <span>{formatTime(next.startAt, venueZone(next))} · </span>}
            <strong>{next.title}</strong>
            {next.room && <span class="muted"> · {next.room}</span>}{' '}
            <button type="button" class="link-button" onClick={() => (pickTalk(next.id), onNoteBox())}>
              Take notes for it
            </button>
          </p>
        </section>
      )}
    </div>
  );
}
