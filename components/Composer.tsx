import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '../lib/db/schema';
import type { NoteKind, Talk } from '../lib/model';
import { addNote, loadDraft, markSending, markSent, newerDraft, pageStorage, parseComposerInput, prefixHints, readMirror, readSending, saveDraft, storedNoteIds, writeMirror, type StorageFailure } from '../lib/notes';
import { KIND_LABELS, KindBadge } from './KindBadge';
import { useDurableWriter } from './useDurableWriter';

export interface ComposerProps {
  /** Notes go to this talk. The parent remounts the composer per talk (`key`), so drafts never mix. */
  talk: Talk;
  /** Set by the panel when the "focus the note box" shortcut fires. */
  focusSignal: number;
}

/** Alt+letter picks a kind for the next note; typing a prefix (`!`, `?`, `"`) does the same. */
export const KIND_KEYS: Record<string, NoteKind> = { t: 'takeaway', q: 'quote', a: 'question', l: 'link', d: 'todo', p: 'plain' };
const PICKABLE: NoteKind[] = ['plain', 'takeaway', 'quote', 'question', 'link', 'todo'];
/** "Type a note, Enter to add. ! takeaway · " quote · …", from the prefix table itself. */
const PLACEHOLDER = `Type a note, Enter to add. ${prefixHints()
  .filter((h) => h.kind !== 'slide')
  .map((h) => `${h.prefixes[0]} ${KIND_LABELS[h.kind].toLowerCase()}`)
  .join(' · ')}`;

/**
 * The one text box a user types into during a talk. Enter adds a note, Shift+Enter a new line.
 * The unsent text is a draft in IndexedDB, written on every change, so a closed panel, a dead
 * service worker or a reloaded extension never loses it.
 */
export function Composer({ talk, focusSignal }: ComposerProps) {
  const db = getDb();
  const draftKey = talk.id; // one draft per talk
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [sendError, setSendError] = useState<StorageFailure | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const draft = useDurableWriter((value) => saveDraft(db, draftKey, value));

  // Notes sent just before the panel closed: any that never reached IndexedDB come back.
  useEffect(() => {
    const storage = pageStorage();
    const pending = readSending(storage, draftKey);
    if (!pending.length) return;
    void storedNoteIds(db, pending.map((n) => n.id)).then((stored) => {
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
    const mirror = readMirror(pageStorage(), draftKey);
    if (mirror) setText(mirror.text); // at once: the synchronous copy is never older than the page
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

  useEffect(() => {
    if (focusSignal) box.current?.focus();
  }, [focusSignal]);

  const change = (value: string) => {
    setText(value);
    writeMirror(pageStorage(), draftKey, value);
    draft.schedule(value);
  };

  /**
   * The box empties the moment Enter is pressed, so typing can go straight on; clearing it only
   * after the write would wipe whatever was typed meanwhile. If the write fails, the sent text
   * comes back in front of anything typed since, and the draft holds both.
   */
  const send = async (noteKind: NoteKind | null, raw: string) => {
    const parsed = parseComposerInput(raw, noteKind);
    if (!parsed.text && parsed.kind !== 'slide') return;
    const consumesText = noteKind !== 'slide';
    const id = crypto.randomUUID();
    if (consumesText) {
      // Until the write is confirmed, the note's only synchronous copy is this one.
      markSending(pageStorage(), draftKey, { id, text: raw });
      setText('');
      setKind(null);
      writeMirror(pageStorage(), draftKey, '');
      draft.schedule('');
    }
    const started = performance.now();
    const result = await addNote(db, { talkId: talk.id, kind: parsed.kind, text: parsed.text || 'Slide' }, { id });
    performance.measure('talkmark:note-write', { start: started, end: performance.now() });
    if (consumesText) markSent(pageStorage(), draftKey, id);
    if (result.ok) {
      setSendError(null);
      return;
    }
    setSendError(result.error);
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

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void send(kind, text);
    } else if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const picked = KIND_KEYS[e.key.toLowerCase()];
      if (picked) {
        e.preventDefault();
        setKind((k) => (k === picked ? null : picked));
      } else if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        void send('slide', '');
      }
    }
  };

  const preview = parseComposerInput(text, kind).kind;
  const error = sendError ?? draft.error;
  return (
    <form class="composer" aria-label="New note" onSubmit={(e) => (e.preventDefault(), void send(kind, text))}>
      <div class="kinds" role="radiogroup" aria-label="Kind of the next note">
        {PICKABLE.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={(kind ?? 'plain') === k}
            class="chip"
            onClick={() => setKind(k === 'plain' ? null : k)}
            title={`Alt+${Object.entries(KIND_KEYS).find(([, v]) => v === k)?.[0].toUpperCase()}`}
          >
            {KIND_LABELS[k]}
          </button>
        ))}
      </div>
      <textarea
        ref={box}
        aria-label="Note"
        placeholder={loaded ? PLACEHOLDER : 'Loading draft…'}
        rows={3}
        value={text}
        onInput={(e) => change((e.target as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer-bar">
        <span class="muted">{preview !== 'plain' ? <KindBadge kind={preview} /> : 'Shift+Enter: new line'}</span>
        <span style={{ display: 'flex', gap: '.4rem' }}>
          <button type="button" class="secondary" onClick={() => void send('slide', '')} title="Alt+S">
            Mark slide
          </button>
          <button type="submit" disabled={!text.trim()}>
            Add note
          </button>
        </span>
      </div>
      {error && (
        <p class="error" role="alert">
          {error.message} Your text is still here.
        </p>
      )}
    </form>
  );
}
