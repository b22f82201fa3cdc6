import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Talk } from '../lib/model';
import { type AgendaTalks, readAgendaTalks } from '../lib/talks/agenda-pages';
import { AddTalkButton } from './AddTalkButton';
import { useDb } from './services';
import { FIRST_SCREEN, TalkList } from './TalkList';
import type { LiveResult } from './useLiveQuery';

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
  const agenda = useAgendaTalks(db, wanted);
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

/**
 * `readAgendaTalks` as a live query, subscribed in a layout effect: the read starts before the
 * browser paints "Loading…", not a frame later as useLiveQuery's effect would.
 */
function useAgendaTalks(db: ReturnType<typeof useDb>, wanted: number): LiveResult<AgendaTalks> {
  const [result, setResult] = useState<LiveResult<AgendaTalks>>({ status: 'loading' });
  useLayoutEffect(() => {
    const subscription = liveQuery(() => readAgendaTalks(db, wanted)).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) =>
        setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
  }, [db, wanted]);
  return result;
}
