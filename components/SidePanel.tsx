import { getDb } from '../lib/db/schema';
import { viewerTimeZone } from '../lib/time/zones';
import { TalkList } from './TalkList';
import { useLiveQuery } from './useLiveQuery';

/** The side panel (Chrome) / sidebar (Firefox): where Talkmark lives during a conference. */
export function SidePanel() {
  const talks = useLiveQuery(() => getDb().talks.toArray());
  return (
    <main style={{ padding: '.75rem' }}>
      <header>
        <h1>Talkmark</h1>
      </header>
      <section aria-label="Clipped talks">
        {talks.status === 'loading' && <p class="muted">Loading…</p>}
        {talks.status === 'error' && (
          <p class="error" role="alert">
            Your talks could not be read: {talks.error.message}
          </p>
        )}
        {talks.status === 'ready' && <TalkList talks={talks.value} viewerZone={viewerTimeZone()} />}
      </section>
    </main>
  );
}
