import type { Talk } from '../lib/model';
import { NoteText } from './NoteText';

export interface TalkDetailsProps {
  talk: Talk;
}

/**
 * Everything the schedule said about a talk. The description is page text: it is shown through
 * the same safe renderer as notes (text nodes and http(s) links only). Speaker avatars are not
 * loaded: a remote image would tell third parties what the user is reading.
 */
export function TalkDetails({ talk }: TalkDetailsProps) {
  const fields = Object.entries(talk.customFields);
  const paragraphs = (talk.description ?? '')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  const hasAny =
    talk.tracks.length || fields.length || paragraphs.length || talk.files.length || talk.videoUrl || talk.links.length;
  if (!hasAny) return null;
  return (
    <details class="talk-details">
      <summary>About this talk</summary>
      {talk.tracks.length > 0 && <p class="meta">Track: {talk.tracks.join(', ')}</p>}
      {fields.length > 0 && (
        <dl class="fields">
          {fields.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {paragraphs.map((p, i) => (
        <p key={i} class="description">
          <NoteText text={p} />
        </p>
      ))}
      {(talk.files.length > 0 || talk.videoUrl || talk.links.length > 0) && (
        <ul class="plain" aria-label="Slides, recording and links">
          {talk.files.map((f) => (
            <li key={f.url}>
              <a href={f.url} target="_blank" rel="noopener noreferrer">
                Slides: {f.name}
              </a>
            </li>
          ))}
          {talk.videoUrl && (
            <li>
              <a href={talk.videoUrl} target="_blank" rel="noopener noreferrer">
                Recording
              </a>
            </li>
          )}
          {/* Links the user attached (the editor, or the popup's "Highlights here go to"); http(s) only, checked when stored. */}
          {talk.links.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noopener noreferrer">
                {url.replace(/^https?:\/\/(www\.)?/, '')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
