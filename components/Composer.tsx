import { getSetting } from '../lib/db/settings';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useDb, useExtensionIo } from './services';
import { addImageNoteFromBytes, captureCropOf, imageMaxSideOf, MAX_IMAGE_BYTES } from '../lib/images';
import { currentPlatform, formatKeys, shortcutLetter } from '../lib/keyboard';
import type { NoteKind, Talk } from '../lib/model';
import {
  addNote,
  loadDraft,
  markSending,
  markSent,
  newerDraft,
  pageStorage,
  parseComposerInput,
  prefixHints,
  readMirror,
  readSending,
  saveDraft,
  storedNoteIds,
  writeMirror,
  type StorageFailure,
} from '../lib/notes';
import { NOTE_KIND_LABELS, KindBadge } from './KindBadge';
import { useDurableWriter } from './useDurableWriter';

export interface ComposerProps {
  /** Notes go to this talk. The parent remounts the composer per talk (`key`), so drafts never mix. */
  talk: Talk;
  /** The note box, for the panel to put the caret in (panel opened, shortcut, "Take notes"). */
  boxRef?: { current: HTMLTextAreaElement | null };
  /** A note typed here was stored (the list brings it into view). */
  onAdded?: (noteId: string) => void;
}

/**
 * Alt+letter (Option+letter on a Mac) picks a kind for the next note; typing a prefix (`!`, `?`,
 * `"`) does the same. Keys are matched by `shortcutLetter`: on a Mac, Option+T types "†".
 */
export const KIND_KEYS: Record<string, NoteKind> = {
  t: 'takeaway',
  q: 'quote',
  a: 'question',
  l: 'link',
  d: 'todo',
  p: 'plain',
};
export const SLIDE_KEY = 's';
const PICKABLE: NoteKind[] = ['plain', 'takeaway', 'quote', 'question', 'link', 'todo'];
const keyOf = (kind: NoteKind) => Object.entries(KIND_KEYS).find(([, v]) => v === kind)![0];

/** Where the last note typed here stands; announced politely to screen readers too. */
type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; text: string } | { state: 'failed' };
const brief = (text: string) => (text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text);
/** "Type a note, Enter to add. ! takeaway · " quote · …", from the prefix table itself. */
const PLACEHOLDER = `Type a note, Enter to add. ${prefixHints()
  .filter((h) => h.kind !== 'slide')
  .map((h) => `${h.prefixes[0]} ${NOTE_KIND_LABELS[h.kind].toLowerCase()}`)
  .join(' · ')}`;

/**
 * The one text box a user types into during a talk. Enter adds a note, Shift+Enter a new line.
 * The unsent text is a draft in IndexedDB, written on every change, so a closed panel, a dead
 * service worker or a reloaded extension never loses it.
 */
export function Composer({ talk, boxRef, onAdded }: ComposerProps) {
  const db = useDb();
  const draftKey = talk.id; // one draft per talk
  // From the synchronous mirror at once (not in an effect): whatever reaches the box first — the
  // keys typed while the panel loaded (earlyKeys.ts) — goes after the draft, never over it.
  const [text, setText] = useState(() => readMirror(pageStorage(), draftKey)?.text ?? '');
  const [kind, setKind] = useState<NoteKind | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [sendError, setSendError] = useState<StorageFailure | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ state: 'idle' });
  /** Why the last pasted, dropped or captured image was not stored (its own line: no text is at stake). */
  const [imageError, setImageError] = useState<string | null>(null);
  const extension = useExtensionIo();
  const ownBox = useRef<HTMLTextAreaElement>(null);
  const box = boxRef ?? ownBox;
  const form = useRef<HTMLFormElement>(null);
  const platform = currentPlatform();
  const keys = (combo: string) => formatKeys(combo, platform);
  const draft = useDurableWriter((value) => saveDraft(db, draftKey, value));

  // Notes sent just before the panel closed: any that never reached IndexedDB come back.
  useEffect(() => {
    const storage = pageStorage();
    const pending = readSending(storage, draftKey);
    if (!pending.length) return;
    void storedNoteIds(
      db,
      pending.map((n) => n.id),
    ).then((stored) => {
      const lost = pending.filter((n) => !stored.has(n.id)).map((n) => n.text);
      pending.forEach((n) => markSent(storage, draftKey, n.id));
      if (!lost.length) return;
      setText((current) => {
        const restored = [...lost, current].filter(Boolean).join('\n');
        writeMirror(storage, draftKey, restored);
        draft.schedule(restored);
        return restored;
      });
    });
  }, [draftKey]);

  useEffect(() => {
    let live = true;
    const mirror = readMirror(pageStorage(), draftKey); // shown from the first render (useState above)
    void loadDraft(db, draftKey)
      .catch(() => null)
      .then((stored) => {
        const best = newerDraft(stored, mirror);
        if (!live || !best) return;
        setText((current) => current || best.text);
        // The mirror caught keystrokes IndexedDB missed: write them back.
        if (best === mirror && (!stored || stored.text !== mirror.text)) draft.schedule(mirror.text);
      })
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [draftKey]);

  // The composer is pinned to the bottom of the panel: what floats above it (the undo offer) and
  // what is scrolled into view (the note just added) must clear its height.
  useEffect(() => {
    const el = form.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--composer-height', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--composer-height');
    };
  }, []);

  const change = (value: string) => {
    setText(value);
    writeMirror(pageStorage(), draftKey, value);
    draft.schedule(value);
  };

  /**
   * The box empties the moment Enter is pressed, so typing can go straight on; clearing it only
   * after the write would wipe whatever was typed meanwhile. If the write fails, the sent text
   * comes back in front of anything typed since, and the draft holds both.
   *
   * Order matters for row 3b (Enter → stored): the write is issued first, before any state
   * update, so its transaction's microtask runs ahead of Preact's re-render (also a microtask) and
   * its first IndexedDB requests leave before the box and the status line are drawn again.
   */
  const send = async (noteKind: NoteKind | null, raw: string) => {
    const started = performance.now();
    const parsed = parseComposerInput(raw, noteKind);
    if (!parsed.text && parsed.kind !== 'slide') return;
    const consumesText = noteKind !== 'slide';
    const id = crypto.randomUUID();
    const writing = addNote(db, { talkId: talk.id, kind: parsed.kind, text: parsed.text || 'Slide' }, { id });
    if (consumesText) {
      // Until the write is confirmed, the note's only synchronous copy is this one.
      markSending(pageStorage(), draftKey, { id, text: raw });
      setText('');
      setKind(null);
      writeMirror(pageStorage(), draftKey, '');
      draft.schedule('');
    }
    setSaveState({ state: 'saving' });
    const result = await writing;
    performance.measure('talkmark:note-write', { start: started, end: performance.now() });
    if (consumesText) markSent(pageStorage(), draftKey, id);
    if (result.ok) {
      setSendError(null);
      setSaveState({ state: 'saved', text: result.value.text });
      onAdded?.(id);
      return;
    }
    setSendError(result.error);
    setSaveState({ state: 'failed' });
    if (consumesText) {
      setKind(noteKind);
      setText((typedSince) => {
        const restored = typedSince ? `${raw}\n${typedSince}` : raw;
        writeMirror(pageStorage(), draftKey, restored);
        draft.schedule(restored);
        return restored;
      });
    }
  };

  /** Stores an image (a capture, a pasted or dropped photo) as a note; the box's text is untouched. */
  const addImage = async (bytes: Uint8Array, noteKind: NoteKind, noteText: string, at: number, capture = false) => {
    setSaveState({ state: 'saving' });
    const maxSide = imageMaxSideOf(await getSetting(db, 'imageMaxSide').catch(() => null));
    // A capture of the tab keeps the talk's crop (the slide area); a pasted photo is kept whole.
    const crop = capture ? await captureCropOf(db, talk.id).catch(() => undefined) : undefined;
    const result = await addImageNoteFromBytes(
      db,
      bytes,
      extension.imageCodec,
      { talkId: talk.id, kind: noteKind, text: noteText, at },
      { maxSide, crop },
    );
    if (!result.ok) {
      setImageError(result.error.message);
      setSaveState({ state: 'failed' });
      return;
    }
    setImageError(null);
    setSaveState({ state: 'saved', text: result.value.duplicate ? 'same image as the last one' : noteText });
    onAdded?.(result.value.note.id);
  };

  /** "Mark slide": a snapshot of the tab where the browser allows it, else the slide marker note. */
  const markSlide = async () => {
    const at = Date.now();
    const shot = await extension.captureVisibleTab();
    if (shot) await addImage(shot, 'slide', 'Slide', at, true);
    else await send('slide', '');
  };

  /** Pasted or dropped files: each image becomes a note (checked by its bytes, not its name or type). */
  const addFiles = async (files: readonly File[]) => {
    for (const file of files) {
      const at = Date.now();
      if (file.size > MAX_IMAGE_BYTES) {
        setImageError(`${file.name || 'The image'} is too large (over ${MAX_IMAGE_BYTES / 1024 / 1024} MB).`);
        continue;
      }
      await addImage(new Uint8Array(await file.arrayBuffer()), kind ?? 'plain', 'Photo', at);
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    const files = [...(e.clipboardData?.files ?? [])];
    if (!files.length) return; // text: the box takes it as usual
    e.preventDefault();
    void addFiles(files);
  };

  const onDrop = (e: DragEvent) => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (!files.length) return;
    e.preventDefault();
    void addFiles(files);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void send(kind, text);
    } else if (e.altKey && !e.ctrlKey && !e.metaKey) {
      // The physical key where Option turns the letter into a symbol (Mac): see shortcutLetter.
      const letter = shortcutLetter(e);
      const picked = letter ? KIND_KEYS[letter] : undefined;
      if (picked) {
        e.preventDefault();
        setKind((k) => (k === picked ? null : picked));
      } else if (letter === SLIDE_KEY) {
        e.preventDefault();
        void markSlide();
      }
    }
  };

  const preview = parseComposerInput(text, kind).kind;
  const error = sendError ?? draft.error;
  return (
    <form
      ref={form}
      class="composer"
      aria-label="New note"
      onSubmit={(e) => (e.preventDefault(), void send(kind, text))}
      onDragOver={(e) => e.dataTransfer?.types.includes('Files') && e.preventDefault()}
      onDrop={onDrop}
    >
      {/* A named group of toggle buttons, each a Tab stop that Space or Enter presses: the keyboard
          model they always had. Not radios: a radio group is one Tab stop moved by arrow keys. */}
      <fieldset class="kinds">
        <legend class="visually-hidden">Kind of the next note</legend>
        {PICKABLE.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={(kind ?? 'plain') === k}
            class="chip"
            onClick={() => {
              setKind(k === 'plain' ? null : k);
              box.current?.focus(); // the kind is for the note being typed: carry on typing it
            }}
            title={keys(`Alt+${keyOf(k)}`)}
            aria-keyshortcuts={`Alt+${keyOf(k).toUpperCase()}`}
          >
            {NOTE_KIND_LABELS[k]}
          </button>
        ))}
      </fieldset>
      <textarea
        ref={box}
        aria-label="Note"
        placeholder={loaded ? PLACEHOLDER : 'Loading draft…'}
        rows={3}
        value={text}
        onInput={(e) => change((e.target as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <div class="composer-bar">
        <span class="composer-state">
          {preview !== 'plain' && <KindBadge kind={preview} />}
          {saveState.state === 'saving' && <span class="muted">Saving…</span>}
          {saveState.state === 'saved' && <span class="ok">✓ Saved</span>}
          {saveState.state === 'failed' && <span class="error">Not saved</span>}
          {saveState.state === 'idle' && preview === 'plain' && (
            <span class="muted">{keys('Shift+Enter')}: new line</span>
          )}
        </span>
        <span class="composer-actions">
          <button
            type="button"
            class="secondary"
            onClick={() => (void markSlide(), box.current?.focus())}
            title={keys(`Alt+${SLIDE_KEY}`)}
            aria-keyshortcuts="Alt+S"
          >
            Mark slide
          </button>
          <button type="submit" disabled={!text.trim()}>
            Add note
          </button>
        </span>
      </div>
      {/* Outcomes only ("Saving…" would be read out before every "Saved"). */}
      <p class="visually-hidden" role="status" aria-live="polite">
        {saveState.state === 'saved'
          ? `Note saved: ${brief(saveState.text)}`
          : saveState.state === 'failed'
            ? 'Note not saved.'
            : ''}
      </p>
      {error && (
        <p class="error" role="alert">
          {error.message} Your text is still here.
        </p>
      )}
      {imageError && !error && (
        <p class="error" role="alert">
          {imageError}
        </p>
      )}
    </form>
  );
}
