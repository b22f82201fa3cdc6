import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useDb } from './services';
import { getSetting, setSetting } from '../lib/db/settings';
import type { Talk } from '../lib/model';
import { currentConferenceId, restoreTalk, type DeletedTalk } from '../lib/talks/edit';
import { TalkEditingContext, type TalkEditing } from './talk-editing';
import { lazyComponent } from './lazy';
import { UndoToast } from './UndoToast';
import { useLiveQuery } from './useLiveQuery';

/** The editor's code (and the form's checks) load when it first opens, or once the panel is ready. */
export const LazyTalkEditor = lazyComponent(() => import('./TalkEditor').then((m) => m.TalkEditor));

export interface TalkEditingHostProps {
  talks: readonly Talk[];
  viewerZone: string;
  /** The talk the Now view is on: a talk added by hand joins its conference. */
  currentTalkId: string | null;
  /** A talk was added by hand: take notes for it. */
  onAdded: (talkId: string) => void;
  /** The panel's view: moving to another one closes the editor, as Cancel does. */
  view: string;
  /**
   * Asked when an editor opens (or the popup asks for one) and `talks` may not hold its talk yet:
   * the panel reads every talk on demand, not while idle.
   */
  onWantTalks?: () => void;
  children: ComponentChildren;
}

/** A popup's "complete this talk" is acted on by a panel opened within this time. */
const REQUEST_LIFETIME_MS = 10 * 60_000;

interface OpenEditor {
  /** null: a new talk. */
  talkId: string | null;
  /** `data-opener` of the button that opened it, to give the focus back. */
  opener: string | null;
  notice: string | null;
}

/**
 * Where the side panel's talk editor lives: it replaces the view while open, takes requests
 * from the popup (a thin clip to complete), and offers Undo after a deletion.
 */
export function TalkEditingHost({
  talks,
  viewerZone,
  currentTalkId,
  onAdded,
  view,
  onWantTalks,
  children,
}: TalkEditingHostProps) {
  const db = useDb();
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  const [undo, setUndo] = useState<DeletedTalk | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [focusBack, setFocusBack] = useState<string | null>(null);

  const editing = useMemo<TalkEditing>(
    () => ({
      edit: (talkId, opener) => setEditor({ talkId, opener: opener ?? null, notice: null }),
      add: (opener) => setEditor({ talkId: null, opener: opener ?? null, notice: null }),
    }),
    [],
  );

  // The popup clipped a page that said little: open that talk here for completing. The request
  // stands until the editor is closed (any panel open meanwhile shows it: the one the popup
  // opened, or one the user opens by hand), and lapses after a while.
  const request = useLiveQuery(() => getSetting(db, 'editTalkRequest'));
  const asked = request.status === 'ready' ? request.value : null;
  // The editor needs its talk (and the new talk its conference): every talk is read from here on.
  const wantsTalks = editor !== null || asked !== null;
  useEffect(() => {
    if (wantsTalks) onWantTalks?.();
  }, [wantsTalks]);
  // Each request opens the editor once here (talks change while it stands: a save, a clip).
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (
      !asked ||
      handled.current === asked.at ||
      Date.now() - asked.at > REQUEST_LIFETIME_MS ||
      !talks.some((t) => t.id === asked.talkId)
    )
      return;
    handled.current = asked.at;
    setEditor({ talkId: asked.talkId, opener: null, notice: asked.notice });
  }, [asked?.at, talks]);

  // A tab pressed while editing leaves the editor, as Cancel would.
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    if (editor) close(null);
  }, [view]);

  // Back to the button that opened the editor, once the view it lives in is drawn again.
  useEffect(() => {
    if (editor || !focusBack) return;
    requestAnimationFrame(() =>
      (document.querySelector(`[data-opener="${CSS.escape(focusBack)}"]`) as HTMLElement | null)?.focus(),
    );
    setFocusBack(null);
  }, [editor, focusBack]);

  // After a deletion the Undo button is where the keyboard is (the Delete button is gone).
  useEffect(() => {
    if (undo) requestAnimationFrame(() => (document.querySelector('.toast button') as HTMLElement | null)?.focus());
  }, [undo]);

  const close = (savedId: string | null) => {
    if (asked) void setSetting(db, 'editTalkRequest', null).catch(() => {});
    const wasNew = editor?.talkId === null;
    setFocusBack(editor?.opener ?? null);
    setEditor(null);
    if (savedId && wasNew) onAdded(savedId);
  };

  const talk = editor?.talkId ? (talks.find((t) => t.id === editor.talkId) ?? null) : null;
  const stillThere = !editor?.talkId || talk !== null;
  return (
    <TalkEditingContext.Provider value={editing}>
      {editor && stillThere ? (
        <LazyTalkEditor
          key={editor.talkId ?? 'new'}
          talk={talk}
          viewerZone={viewerZone}
          conferenceId={currentConferenceId(talks, currentTalkId)}
          notice={editor.notice}
          onClose={close}
          onDeleted={(deleted) => {
            if (asked) void setSetting(db, 'editTalkRequest', null).catch(() => {});
            setEditor(null);
            setUndoError(null);
            setUndo(deleted);
          }}
        />
      ) : (
        children
      )}
      {undoError && (
        <p class="error" role="alert">
          {undoError}
        </p>
      )}
      {undo && (
        <UndoToast
          key={undo.talk.id}
          message={`Deleted “${undo.talk.title}”${undo.notes.length ? ` and ${undo.notes.length} note${undo.notes.length === 1 ? '' : 's'}` : ''}.`}
          onUndo={() => {
            const deleted = undo;
            setUndo(null);
            restoreTalk(db, deleted).catch((e: unknown) =>
              setUndoError(`The talk could not be restored: ${e instanceof Error ? e.message : String(e)}`),
            );
          }}
          onDismiss={() => setUndo(null)}
          timeoutMs={10_000}
        />
      )}
    </TalkEditingContext.Provider>
  );
}
