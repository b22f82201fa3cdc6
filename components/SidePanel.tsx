import { useEffect, useRef, useState } from 'preact/hooks';
import { noteCountsByTalk } from '../lib/db/note-counts';
import { checkDatabase, type Availability } from '../lib/db/availability';
import { useDb } from './services';
import { getSetting, setSetting } from '../lib/db/settings';
import { currentPlatform, formatKeys } from '../lib/keyboard';
import type { Talk } from '../lib/model';
import { currentTalkId, pageStorage, recoverEdits, type TalkPick } from '../lib/notes';
import { viewerTimeZone } from '../lib/time/zones';
import { AddTalkButton } from './AddTalkButton';
import { ExportViewLoader } from './ExportViewLoader';
import { NowView } from './NowView';
import { SearchView } from './SearchView';
import { TalkEditingHost } from './TalkEditingHost';
import { KIND_KEYS, SLIDE_KEY } from './Composer';
import { NOTE_KIND_LABELS } from './KindBadge';
import { TalkList } from './TalkList';
import { focusField } from './useFocusOnMount';
import { useLiveQuery } from './useLiveQuery';
import { useNow } from './useNow';

type View = 'now' | 'agenda' | 'search' | 'export';
const VIEWS: Array<[View, string]> = [
  ['now', 'Now'],
  ['agenda', 'Agenda'],
  ['search', 'Search'],
  ['export', 'Export'],
];

export interface SidePanelProps {
  /**
   * The keyboard shortcut that opens the panel / focuses the note box, as the browser has it bound:
   * '' when none is (another extension holds the key), null until the browser has said.
   */
  shortcut: string | null;
  /** Increments when that shortcut fires while the panel is open. */
  focusSignal: number;
  onOpenSettings: () => void;
}

/** "⌥T takeaway · ⌥Q quote · …": the note box's keys, as this platform names them. */
function noteBoxKeys(platform: string): string {
  const kinds = Object.entries(KIND_KEYS).map(
    ([key, kind]) =>
      `${formatKeys(`Alt+${key}`, platform)} ${kind === 'plain' ? 'plain' : NOTE_KIND_LABELS[kind].toLowerCase()}`,
  );
  return [
    `Enter adds`,
    `${formatKeys('Shift+Enter', platform)} new line`,
    ...kinds,
    `${formatKeys(`Alt+${SLIDE_KEY}`, platform)} slide`,
  ].join(' · ');
}

/** The side panel (Chrome) / sidebar (Firefox): where Talkmark lives during a conference. */
export function SidePanel({ shortcut, focusSignal, onOpenSettings }: SidePanelProps) {
  const db = useDb();
  const [view, setView] = useState<View>('now');
  const talks = useLiveQuery(() => db.talks.toArray());
  const stored = useLiveQuery(async () => ({
    id: await getSetting(db, 'pickedTalkId'),
    at: await getSetting(db, 'pickedAt'),
  }));
  // A pick is in force the moment it is made; the stored setting catches up. Without this, the
  // Now view saw the old pick for a moment and a note typed then went to the old talk.
  const [optimistic, setOptimistic] = useState<TalkPick | null>(null);
  useEffect(() => {
    if (optimistic && stored.status === 'ready' && stored.value.id === optimistic.id) setOptimistic(null);
  }, [stored, optimistic]);
  const pick: TalkPick = optimistic ?? (stored.status === 'ready' ? stored.value : { id: null, at: null });
  const counts = useLiveQuery(() => (view === 'agenda' ? noteCountsByTalk(db) : new Map<string, number>()), [view]);
  // Which talk is on changes by the minute; the elapsed-time label keeps its own second clock.
  const now = useNow(15_000);
  const viewerZone = viewerTimeZone();
  const [pickError, setPickError] = useState<string | null>(null);
  // A private window (Firefox) offers no IndexedDB: say so instead of failing on the first note.
  const [storage, setStorage] = useState<Availability>({ ok: true });
  useEffect(() => void checkDatabase(db).then(setStorage), []);
  // Edits a closed panel left only in the synchronous mirror (lib/notes/edit-mirror.ts). If the
  // database cannot be read, checkDatabase above says so, and the mirror waits for the next panel.
  useEffect(() => void recoverEdits(db, pageStorage()).catch(() => {}), []);
  /** "Export this talk" from the Now view: open the Export view on that talk. */
  const [exportTalk, setExportTalk] = useState<string | null>(null);

  // The caret goes to the note box when the panel opens, when its shortcut is pressed, and after
  // "Take notes" / the Now tab — as soon as the box is there (talks load first). Any other view
  // the user turns to cancels it.
  const noteBox = useRef<HTMLTextAreaElement>(null);
  const [wantsNoteBox, setWantsNoteBox] = useState(true);
  const toNoteBox = () => {
    setView('now');
    setWantsNoteBox(true);
  };
  useEffect(() => {
    if (!wantsNoteBox || view !== 'now' || !noteBox.current) return;
    focusField(noteBox.current, 'end');
    setWantsNoteBox(false);
  });
  useEffect(() => {
    if (focusSignal) toNoteBox();
  }, [focusSignal]);
  const platform = currentPlatform();
  // Another view starts at its top, not at the scroll position the last one was left at.
  useEffect(() => window.scrollTo(0, 0), [view]);

  // First render with data, for the benchmark (User Timing, visible in DevTools too).
  const ready = talks.status !== 'loading';
  useEffect(() => {
    if (ready) requestAnimationFrame(() => performance.mark('talkmark:panel-ready'));
  }, [ready]);

  const pickTalk = (id: string | null) => {
    const at = id ? Date.now() : null;
    setOptimistic({ id, at });
    Promise.all([setSetting(db, 'pickedTalkId', id), setSetting(db, 'pickedAt', at)]).then(
      () => setPickError(null),
      (e: unknown) => setPickError(`Could not remember your choice: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const openTalk = (talk: Talk) => {
    pickTalk(talk.id);
    toNoteBox();
  };

  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Talkmark</h1>
        <nav aria-label="Views" class="tabs">
          {VIEWS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              aria-pressed={view === id}
              class="tab"
              onClick={() => (setExportTalk(null), setView(id), setWantsNoteBox(id === 'now'))}
            >
              {label}
            </button>
          ))}
        </nav>
      </header>
      {!storage.ok && (
        <p class="error" role="alert">
          {storage.message}
        </p>
      )}
      {talks.status === 'loading' && <p class="muted">Loading…</p>}
      {talks.status === 'error' && (
        <p class="error" role="alert">
          Your talks could not be read: {talks.error.message}
        </p>
      )}
      {pickError && (
        <p class="error" role="alert">
          {pickError}
        </p>
      )}
      {talks.status === 'ready' && (
        <TalkEditingHost
          talks={talks.value}
          viewerZone={viewerZone}
          currentTalkId={currentTalkId(talks.value, pick, now)}
          onAdded={(id) => (pickTalk(id), setView('now'))}
          view={view}
        >
          {talks.status === 'ready' && view === 'now' && (
            <NowView
              talks={talks.value}
              pick={pick}
              onPick={pickTalk}
              now={now}
              viewerZone={viewerZone}
              noteBox={noteBox}
              onNoteBox={() => setWantsNoteBox(true)}
              onExport={(talkId) => {
                setExportTalk(talkId);
                setView('export');
              }}
            />
          )}
          {talks.status === 'ready' && view === 'agenda' && (
            <section aria-label="Clipped talks">
              <AddTalkButton />
              <TalkList
                talks={talks.value}
                viewerZone={viewerZone}
                noteCounts={counts.status === 'ready' ? counts.value : undefined}
                onOpen={openTalk}
              />
            </section>
          )}
          {view === 'search' && <SearchView onOpen={openTalk} />}
          {talks.status === 'ready' && view === 'export' && (
            <ExportViewLoader
              key={exportTalk ?? 'any'}
              talks={talks.value}
              talkId={exportTalk ?? currentTalkId(talks.value, pick, now)}
              initialScope={exportTalk ? 'talk' : undefined}
            />
          )}
          {view === 'now' && talks.value.length === 0 && <AddTalkButton />}
        </TalkEditingHost>
      )}
      <footer class="muted shortcut-hint">
        {shortcut && <p>Shortcut: {formatKeys(shortcut, platform)} opens this panel and jumps to the note box.</p>}
        {shortcut === '' && (
          <p>
            No shortcut opens this panel yet: set one in the browser’s extension shortcuts (Chrome:
            chrome://extensions/shortcuts).
          </p>
        )}
        <p>In the note box: {noteBoxKeys(platform)}.</p>
        <button type="button" class="link-button" onClick={onOpenSettings}>
          Settings, backups and templates
        </button>
      </footer>
    </main>
  );
}
