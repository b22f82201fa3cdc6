import type { Talk } from '../lib/model';
import { formatNoteOffset, talkProgress } from '../lib/notes';
import { talkTimeLabel } from '../lib/time/display';
import { EditTalkButton } from './EditTalkButton';
import { useNow } from './useNow';
import './talk-editor.css';

export interface TalkHeaderProps {
  talk: Talk;
  /** Talks around it, to estimate a missing end. */
  agenda: readonly Talk[];
  viewerZone: string;
}

function progressLabel(talk: Talk, agenda: readonly Talk[], now: number): string | null {
  const p = talkProgress(talk, now, agenda);
  if (!p) return null;
  if (p.elapsedMs < 0) return `Starts in ${Math.ceil(-p.elapsedMs / 60000)} min`;
  if (p.remainingMs <= 0) return 'Ended';
  return `${formatNoteOffset(p.elapsedMs)} in`;
}

/** Title, speakers with company, room, time and how far into the talk we are. */
export function TalkHeader({ talk, agenda, viewerZone }: TalkHeaderProps) {
  const now = useNow(1000); // only this label ticks every second, not the whole panel
  const time = talkTimeLabel(talk, viewerZone);
  const progress = progressLabel(talk, agenda, now);
  const opener = `edit:${talk.id}`;
  return (
    <section class="talk-header" aria-label="Current talk">
      <div class="talk-title-row">
        <h2 class="talk-title">
          {talk.url ? (
            <a href={talk.url} target="_blank" rel="noopener noreferrer">
              {talk.title}
            </a>
          ) : (
            talk.title
          )}
          {talk.notAttended && <span class="not-attended"> Not attended</span>}
        </h2>
        <EditTalkButton talk={talk} opener={opener} />
      </div>
      {talk.speakers.length > 0 && (
        <ul class="plain speakers" aria-label="Speakers">
          {talk.speakers.map((s) => (
            <li key={s.name}>
              {s.name}
              {(s.role || s.company) && <span class="muted"> · {[s.role, s.company].filter(Boolean).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <p class="meta">
        {[talk.room, time?.venue].filter(Boolean).join(' · ')}
        {time?.viewer && <span class="muted"> (your time {time.viewer})</span>}
      </p>
      {progress && (
        // A timer (not live: it ticks every second) named by what it counts; a <p> cannot be named.
        <p class="meta progress" role="timer" aria-label="Elapsed time">
          {progress}
        </p>
      )}
    </section>
  );
}
