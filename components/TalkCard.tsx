import type { Talk } from '../lib/model';
import { talkTimeLabel } from '../lib/time/display';
import { EditTalkButton } from './EditTalkButton';
import { useTalkEditing } from './talk-editing';
import './talk-editor.css';

export interface TalkCardProps {
  talk: Talk;
  viewerZone: string;
  /** How many notes the talk has; omitted where counts are not shown. */
  noteCount?: number;
  /** Titles of talks this one overlaps with. */
  conflictsWith?: string[];
  /** Take notes for this talk. */
  onOpen?: (talk: Talk) => void;
}

function speakerLine(talk: Talk): string {
  return talk.speakers
    .map((s) => {
      const where = [s.role, s.company].filter(Boolean).join(', ');
      return where ? `${s.name} (${where})` : s.name;
    })
    .join(' · ');
}

/** One clipped talk. Every string came from a web page, so it is rendered as text, never as HTML. */
export function TalkCard({ talk, viewerZone, noteCount, conflictsWith = [], onOpen }: TalkCardProps) {
  const time = talkTimeLabel(talk, viewerZone);
  const speakers = speakerLine(talk);
  const editing = useTalkEditing();
  const opener = `card-edit:${talk.id}`;
  return (
    <article class={`card${conflictsWith.length ? ' conflict' : ''}`} aria-label={talk.title}>
      <h3>
        {talk.url ? (
          <a href={talk.url} target="_blank" rel="noopener noreferrer">
            {talk.title}
          </a>
        ) : (
          talk.title
        )}
        {talk.notAttended && <span class="not-attended"> Not attended</span>}
      </h3>
      {time ? (
        <p class="meta">
          <time dateTime={talk.start ?? undefined}>{time.venue}</time>
          {time.viewer && <span class="muted"> · your time {time.viewer}</span>}
        </p>
      ) : (
        <p class="meta muted">Time not known</p>
      )}
      {talk.room && <p class="meta">{talk.room}</p>}
      {speakers && <p class="meta muted">{speakers}</p>}
      {conflictsWith.length > 0 && <p class="meta warn">Overlaps with {conflictsWith.join(', ')}</p>}
      {(noteCount !== undefined || onOpen || editing) && (
        <p class="meta card-actions">
          {noteCount !== undefined && <span class="muted">{noteCount === 1 ? '1 note' : `${noteCount} notes`}</span>}
          <span>
            <EditTalkButton talk={talk} opener={opener} />
            {onOpen && (
              <button
                type="button"
                class="link-button"
                aria-label={`Take notes for ${talk.title}`}
                onClick={() => onOpen(talk)}
              >
                Take notes
              </button>
            )}
          </span>
        </p>
      )}
    </article>
  );
}
