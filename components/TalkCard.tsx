import type { Talk } from '../lib/model';
import { talkTimeLabel } from '../lib/time/display';

export interface TalkCardProps {
  talk: Talk;
  viewerZone: string;
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
export function TalkCard({ talk, viewerZone }: TalkCardProps) {
  const time = talkTimeLabel(talk, viewerZone);
  const speakers = speakerLine(talk);
  return (
    <article class="card" aria-label={talk.title}>
      <h3>
        <a href={talk.url} target="_blank" rel="noopener noreferrer">
          {talk.title}
        </a>
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
    </article>
  );
}
