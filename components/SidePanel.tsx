import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SyncStatusBadge } from './SyncStatusBadge';
import { checkDatabase, type Availability } from '../lib/db/availability';
import { useDb } from './services';
import { getSetting, setSetting } from '../lib/db/settings';
import { currentPlatform, formatKeys } from '../lib/keyboard';
import type { Talk } from '../lib/model';
import { currentTalkId, pageStorage, recoverEdits, type TalkPick } from '../lib/notes';
import { readAllTalks } from '../lib/talks/all-talks';
import { NEARBY_VALID_MS, nearbyTalks } from '../lib/talks/nearby';
import { viewerTimeZone } from '../lib/time/zones';
import { AddTalkButton } from './AddTalkButton';
import { EAGER_OPTIONS } from './TalkOptions';
import { ExportViewLoader } from './ExportViewLoader';
import { NowView } from './NowView';
import { LazyTalkEditor, TalkEditingHost } from './TalkEditingHost';
import { lazyComponent } from './lazy';
import { KIND_KEYS, SLIDE_KEY } from './Composer';
import { NOTE_KIND_LABELS } from './KindBadge';
import { focusField } from './useFocusOnMount';
import { takeFirstRead } from './firstRead';
import { markPanelReady } from './panelReady';
import { type LiveResult, useLiveQuery } from './useLiveQuery';
import { useNow } from './useNow';

// Not drawn by the first render: their code loads once the panel is ready, or when opened first.
const loading = () => <p class="muted">Loading…</p>;
const AgendaView = lazyComponent(() => import('./AgendaView').then((m) => m.AgendaView), loading);
const SearchView = lazyComponent(() => import('./SearchView').then((m) => m.SearchView), loading);

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
  // Both settings at once: the first render waits for the slowest read, not for their sum.
  // The first render starts from the panel's first read (main.tsx), when it is there.
  const stored = useLiveQuery(
    async () => {
      const [id, at] = await Promise.all([getSetting(db, 'pickedTalkId'), getSetting(db, 'pickedAt')]);
      return { id, at };
    },
    [],
    useState(() => takeFirstRead('pick', (r) => r.pick))[0],
  );
  // A pick is in force the moment it is made; the stored setting catches up. Without this, the
  // Now view saw the old pick for a moment and a note typed then went to the old talk.
  const [optimistic, setOptimistic] = useState<TalkPick | null>(null);
  useEffect(() => {
    if (optimistic && stored.status === 'ready' && stored.value.id === optimistic.id) setOptimistic(null);
  }, [stored, optimistic]);
  const pick: TalkPick = optimistic ?? (stored.status === 'ready' ? stored.value : { id: null, at: null });
  // Which talk is on changes by the minute; the elapsed-time label keeps its own second clock.
  const now = useNow(15_000);
  // The first render reads only what the Now view needs: the pick and the talks around now (an
  // index range, not the whole table). Every talk is read once something asks for them: the
  // Export, the picker's list, the talk editor (the Agenda reads its own pages).
  // Read from the start of the current hour: that answer holds until the next one (nearby.ts).
  const readFrom = Math.floor(now / NEARBY_VALID_MS) * NEARBY_VALID_MS;
  // It starts with the settings read, not after it: it reads the stored pick itself (a live
  // query, so it follows a pick stored by another page), or takes the pick just made. The view
  // waits for `stored` too, so it never shows a talk the pick overrides.
  const known = optimistic !== null || stored.status === 'ready';
  const nearby = useLiveQuery(
    async () => nearbyTalks(db, optimistic ? optimistic.id : await getSetting(db, 'pickedTalkId'), readFrom),
    [optimistic !== null, optimistic?.id, readFrom],
    useState(() => takeFirstRead('nearby', (r) => (r.readFrom === readFrom ? r.nearby : undefined)))[0],
  );
  const [wantAll, setWantAll] = useState(false);
  const everyTalk = useLiveQuery<Talk[] | null>(() => (wantAll ? readAllTalks(db) : null), [wantAll]);
  const all = everyTalk.status === 'ready' ? everyTalk.value : null;
  // The talks the Now view decides with: those around now, plus the pick once every talk is read
  // (a pick from the full list is in force before the nearby query has caught up with it).
  const near = nearby.status === 'ready' && known ? nearby.value : null;
  // A talk opened from the Agenda or Search is its own record here: the full list may not be read.
  const [opened, setOpened] = useState<Talk | null>(null);
  const nowTalks = useMemo(() => {
    if (!near) return null;
    const picked =
      pick.id &&
      !near.talks.some((t) => t.id === pick.id) &&
      (all?.find((t) => t.id === pick.id) ?? (opened?.id === pick.id ? opened : undefined));
    return picked ? [...near.talks, picked] : near.talks;
  }, [near, all, opened, pick.id]);
  const talks: LiveResult<readonly Talk[]> =
    nearby.status === 'error'
      ? nearby
      : everyTalk.status === 'error'
        ? everyTalk
        : nowTalks
          ? { status: 'ready', value: nowTalks }
          : { status: 'loading' };
  const libraryEmpty = near?.total === 0;
  // Asked once: resolvedOptions() builds a DateTimeFormat (ms each), and the panel renders often.
  const viewerZone = useMemo(viewerTimeZone, []);
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
  // A layout effect: the caret is in the box in the same task as the click that asked for it, so
  // keys typed right after "Now" or "Take notes" land there (a plain effect waits for a frame,
  // longer on a loaded machine, and the first keys went nowhere).
  useLayoutEffect(() => {
    if (!wantsNoteBox || view !== 'now' || !noteBox.current) return;
    focusField(noteBox.current, 'end');
    setWantsNoteBox(false);
  });
  useEffect(() => {
    if (focusSignal) toNoteBox();
  }, [focusSignal]);
  const platform = currentPlatform();
  // Another view starts at its top, not at the scroll position the last one was left at. Not the
  // Now view, nor the panel's first frame: its note list puts the newest note above the note box
  // (NoteList, a layout effect, which this effect would undo as it runs after it).
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    if (view !== 'now') window.scrollTo(0, 0);
  }, [view]);

  // First render with data, for the benchmark (User Timing, visible in DevTools too): when the
  // Now view shows a talk, its note list marks once the notes are on screen (panelReady.ts).
  const ready = talks.status !== 'loading';
  const showsNotes =
    talks.status === 'ready' && view === 'now' && !libraryEmpty && currentTalkId(talks.value, pick, now) !== null;
  useEffect(() => {
    if (ready && !showsNotes) markPanelReady();
  }, [ready, showsNotes]);
  useEffect(() => {
    if (!ready) return;
    // The other views' code, fetched once the first render is done, so a tab opens at once.
    const later = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 300));
    later(
      () => void Promise.all([AgendaView.preload(), SearchView.preload(), LazyTalkEditor.preload()]).catch(() => {}),
      {
        timeout: 2000,
      },
    );
    // A library small enough for the picker to list every talk at once (TalkPicker) is read
    // once the panel is idle, so its options are all there; a larger one only when asked.
    if ((near?.total ?? Infinity) > EAGER_OPTIONS) return;
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1000));
    idle(() => setWantAll(true), { timeout: 3000 });
  }, [ready]);
  // Every talk is read only when something needs them: Export, the picker's full list, the
  // talk editor (TalkEditingHost asks). The Agenda reads its own pages (AgendaView), Search its
  // index. An idle panel used to read them all, which cost CPU for nothing at 5,000 talks.
  useEffect(() => {
    if (view === 'export') setWantAll(true);
  }, [view]);

  const pickTalk = (id: string | null) => {
    const at = id ? Date.now() : null;
    setOptimistic({ id, at });
    Promise.all([setSetting(db, 'pickedTalkId', id), setSetting(db, 'pickedAt', at)]).then(
      () => setPickError(null),
      (e: unknown) => setPickError(`Could not remember your choice: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const openTalk = (talk: Talk) => {
    setOpened(talk);
    pickTalk(talk.id);
    toNoteBox();
  };

  return (
    <main class="panel">
      <header class="panel-header">
        <h1>Talkmark</h1>
        <SyncStatusBadge />
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
          talks={all ?? talks.value}
          viewerZone={viewerZone}
          currentTalkId={currentTalkId(talks.value, pick, now)}
          onAdded={(id) => (pickTalk(id), setView('now'))}
          view={view}
          onWantTalks={() => setWantAll(true)}
        >
          {view === 'now' && (
            <NowView
              talks={talks.value}
              libraryEmpty={libraryEmpty}
              pickable={all}
              onWantPickable={() => setWantAll(true)}
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
          {view === 'export' && !all && <p class="muted">Loading…</p>}
          {view === 'agenda' && <AgendaView viewerZone={viewerZone} onOpen={openTalk} />}
          {view === 'search' && <SearchView onOpen={openTalk} />}
          {all && view === 'export' && (
            <ExportViewLoader
              key={exportTalk ?? 'any'}
              talks={all}
              talkId={exportTalk ?? currentTalkId(talks.value, pick, now)}
              initialScope={exportTalk ? 'talk' : undefined}
            />
          )}
          {view === 'now' && libraryEmpty && <AddTalkButton />}
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
