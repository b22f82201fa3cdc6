import { useState } from 'preact/hooks';
import type { Talk } from '../lib/model';
import { readAgendaTalks } from '../lib/talks/agenda-pages';
import { AddTalkButton } from './AddTalkButton';
import { useDb } from './services';
import { FIRST_SCREEN, TalkList } from './TalkList';
import { useLiveQuery } from './useLiveQuery';

export interface AgendaViewProps {
  viewerZone: string;
  onOpen: (talk: Talk) => void;
}

/**
 * The Agenda tab: its talks are read newest day first, each day in ascending pieces
 * (lib/talks/agenda-pages.ts), as many as the cards drawn need plus two pages ahead; scrolling near
 * the end asks for more. A live query, so a talk clipped in a tab appears here.
 */
export function AgendaView({ viewerZone, onOpen }: AgendaViewProps) {
  const db = useDb();
  // One screen first; TalkList asks for the pages past it once that screen is painted.
  const [wanted, setWanted] = useState(FIRST_SCREEN);
  const agenda = useLiveQuery(() => readAgendaTalks(db, wanted), [wanted]);
  return (
    <section aria-label="Clipped talks">
      <AddTalkButton />
      {agenda.status === 'loading' && <p class="muted">Loading…</p>}
      {agenda.status === 'error' && (
        <p class="error" role="alert">
          Your talks could not be read: {agenda.error.message}
        </p>
      )}
      {agenda.status === 'ready' && (
        <TalkList
          talks={agenda.value.talks}
          complete={agenda.value.complete}
          settled={agenda.value.settled}
          onWantMore={(n) => setWanted((w) => Math.max(w, n))}
          viewerZone={viewerZone}
          showNoteCounts
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
