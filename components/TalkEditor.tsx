import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useDb } from './services';
import type { Talk } from '../lib/model';
import {
  addTalkByHand,
  checkTalkForm,
  deleteTalk,
  formFromTalk,
  newTalkForm,
  saveTalkEdit,
  talkBelongings,
  type DeletedTalk,
  type FormErrors,
  type FormField,
  type TalkForm,
} from '../lib/talks/edit';
import { supportedTimeZones } from '../lib/time/zones';
import './talk-editor.css';

export interface TalkEditorProps {
  /** The talk to correct; null to add one by hand. */
  talk: Talk | null;
  viewerZone: string;
  /** The conference a talk added by hand joins (the current one), if any. */
  conferenceId: string | null;
  /** What the clip could not read, shown above the form (a thin clip opened for completing). */
  notice?: string | null;
  /** Saved (with the talk's id) or cancelled (null). */
  onClose: (savedId: string | null) => void;
  onDeleted: (deleted: DeletedTalk) => void;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Correct a clipped talk, or add one by hand: title, time and zone, room, tracks, speakers,
 * slides and links, recording, and "not attended". Every field is checked on save and told in
 * words; nothing is stored until the whole form is right.
 */
export function TalkEditor({ talk, viewerZone, conferenceId, notice, onClose, onDeleted }: TalkEditorProps) {
  const db = useDb();
  const [form, setForm] = useState<TalkForm>(() =>
    talk ? formFromTalk(talk, viewerZone) : newTalkForm(Date.now(), viewerZone),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<{ notes: number; highlights: number } | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const newSpeaker = useRef<number | null>(null);
  const speakerInputs = useRef<Array<HTMLInputElement | null>>([]);
  const ids = useId();
  const zonesId = `${ids}-zones`;

  // autoFocus does not focus an element inserted after load in Chromium: focus it ourselves.
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (newSpeaker.current !== null) speakerInputs.current[newSpeaker.current]?.focus();
    newSpeaker.current = null;
  }, [form.speakers.length]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const set = (changes: Partial<TalkForm>) => setForm((f) => ({ ...f, ...changes }));
  const setSpeaker = (i: number, changes: Partial<TalkForm['speakers'][number]>) =>
    setForm((f) => ({ ...f, speakers: f.speakers.map((s, j) => (j === i ? { ...s, ...changes } : s)) }));

  const save = async (e: Event) => {
    e.preventDefault();
    const checked = checkTalkForm(form, talk);
    if (!checked.ok) {
      setErrors(checked.errors);
      setProblem('Some fields need a fix (marked below).');
      // The first field in error gets the focus, so a keyboard user lands on it.
      requestAnimationFrame(() =>
        (document.querySelector('.talk-editor [aria-invalid="true"]') as HTMLElement | null)?.focus(),
      );
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (talk) {
        await saveTalkEdit(db, talk.id, checked.talk);
        onClose(talk.id);
      } else {
        onClose((await addTalkByHand(db, checked.talk, conferenceId)).id);
      }
    } catch (err) {
      setProblem(`The talk could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const askDelete = async () => {
    if (!talk) return;
    try {
      setConfirming(await talkBelongings(db, talk.id));
    } catch (err) {
      setProblem(`The talk could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const remove = async () => {
    if (!talk) return;
    setBusy(true);
    try {
      onDeleted(await deleteTalk(db, talk.id));
    } catch (err) {
      setProblem(`The talk could not be deleted: ${err instanceof Error ? err.message : String(err)}`);
      setBusy(false);
    }
  };

  /** A labelled input with its error, wired for screen readers. */
  const field = (
    name: FormField,
    label: string,
    input: {
      type?: 'text' | 'date' | 'time' | 'url';
      value: string;
      onInput: (v: string) => void;
      ref?: typeof first;
      list?: string;
      placeholder?: string;
      autocomplete?: string;
    },
  ) => {
    const error = errors[name];
    const errorId = `${ids}-${name}-error`;
    return (
      <label class="editor-field">
        <span>{label}</span>
        <input
          ref={input.ref}
          type={input.type ?? 'text'}
          value={input.value}
          list={input.list}
          placeholder={input.placeholder}
          autocomplete={input.autocomplete ?? 'off'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => input.onInput((e.target as HTMLInputElement).value)}
        />
        {error && (
          <p class="field-error" id={errorId}>
            {error}
          </p>
        )}
      </label>
    );
  };
  const area = (name: 'slides' | 'links', label: string, value: string, onInput: (v: string) => void) => {
    const error = errors[name];
    const errorId = `${ids}-${name}-error`;
    return (
      <label class="editor-field">
        <span>{label}</span>
        <textarea
          rows={2}
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
        />
        {error && (
          <p class="field-error" id={errorId}>
            {error}
          </p>
        )}
      </label>
    );
  };

  return (
    <form class="talk-editor" aria-label={talk ? 'Edit talk' : 'Add a talk'} noValidate onSubmit={(e) => void save(e)}>
      <h2>{talk ? 'Edit talk' : 'Add a talk'}</h2>
      {notice && (
        <p class="warn" role="status">
          {notice}
        </p>
      )}
      {!talk && (
        <p class="meta muted">
          A hallway talk, an unconference slot: it starts now, in your time zone, unless you change it.
        </p>
      )}
      {field('title', 'Title', { value: form.title, onInput: (v) => set({ title: v }), ref: first })}
      <fieldset class="editor-group">
        <legend>When</legend>
        {field('date', 'Day', { type: 'date', value: form.date, onInput: (v) => set({ date: v }) })}
        <div class="editor-row">
          {field('startTime', 'Starts', { type: 'time', value: form.startTime, onInput: (v) => set({ startTime: v }) })}
          {field('endTime', 'Ends', { type: 'time', value: form.endTime, onInput: (v) => set({ endTime: v }) })}
        </div>
        {field('timeZone', 'Time zone (a city, e.g. Europe/Vienna)', {
          value: form.timeZone,
          onInput: (v) => set({ timeZone: v }),
          list: zonesId,
          placeholder: viewerZone,
        })}
        <datalist id={zonesId}>
          {supportedTimeZones().map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>
      <div class="editor-row">
        {field('room', 'Room', { value: form.room, onInput: (v) => set({ room: v }) })}
        {field('tracks', 'Track (comma-separated)', { value: form.tracks, onInput: (v) => set({ tracks: v }) })}
      </div>
      <fieldset class="editor-group">
        <legend>Speakers</legend>
        {form.speakers.length === 0 && <p class="meta muted">No speaker yet.</p>}
        {form.speakers.map((s, i) => (
          <fieldset class="speaker-row" key={i}>
            <legend class="visually-hidden">{`Speaker ${i + 1}`}</legend>
            <label class="editor-field">
              <span>Name</span>
              <input
                ref={(el) => void (speakerInputs.current[i] = el)}
                value={s.name}
                autocomplete="off"
                aria-invalid={errors[`speakers.${i}.name`] ? 'true' : undefined}
                onInput={(e) => setSpeaker(i, { name: (e.target as HTMLInputElement).value })}
              />
              {errors[`speakers.${i}.name`] && <p class="field-error">{errors[`speakers.${i}.name`]}</p>}
            </label>
            <label class="editor-field">
              <span>Role</span>
              <input
                value={s.role}
                autocomplete="off"
                onInput={(e) => setSpeaker(i, { role: (e.target as HTMLInputElement).value })}
              />
            </label>
            <label class="editor-field">
              <span>Company</span>
              <input
                value={s.company}
                autocomplete="off"
                onInput={(e) => setSpeaker(i, { company: (e.target as HTMLInputElement).value })}
              />
            </label>
            <button
              type="button"
              class="link-button remove"
              aria-label={`Remove speaker ${s.name || i + 1}`}
              onClick={() => set({ speakers: form.speakers.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
          </fieldset>
        ))}
        <p class="editor-actions">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              newSpeaker.current = form.speakers.length;
              set({ speakers: [...form.speakers, { name: '', role: '', company: '' }] });
            }}
          >
            Add a speaker
          </button>
        </p>
      </fieldset>
      <fieldset class="editor-group">
        <legend>Links</legend>
        {area('slides', 'Slides (one link per line)', form.slides, (v) => set({ slides: v }))}
        {area('links', 'Other links: a blog post, a repository (one per line)', form.links, (v) => set({ links: v }))}
        {field('videoUrl', 'Recording', {
          type: 'url',
          value: form.videoUrl,
          onInput: (v) => set({ videoUrl: v }),
          placeholder: 'https://www.youtube.com/watch?v=…',
        })}
        {field('url', talk && talk.source !== 'manual' ? 'The talk’s page' : 'The talk’s page (optional)', {
          type: 'url',
          value: form.url,
          onInput: (v) => set({ url: v }),
        })}
      </fieldset>
      <label class="editor-check">
        <input
          type="checkbox"
          checked={form.notAttended}
          onChange={(e) => set({ notAttended: (e.target as HTMLInputElement).checked })}
        />
        <span>
          I did not attend this talk <span class="muted">(day exports leave it out)</span>
        </span>
      </label>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {confirming && talk ? (
        <div class="confirm-delete" role="alertdialog" aria-label="Delete this talk?">
          <p>
            Delete “{talk.title}”
            {confirming.notes || confirming.highlights
              ? ` with its ${[confirming.notes && plural(confirming.notes, 'note'), confirming.highlights && plural(confirming.highlights, 'highlight')].filter(Boolean).join(' and ')}`
              : ''}
            ? You can undo it for a few seconds.
          </p>
          <p class="editor-actions">
            <button
              type="button"
              ref={confirmButton}
              class="danger confirm"
              disabled={busy}
              onClick={() => void remove()}
            >
              Delete talk
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </p>
        </div>
      ) : (
        <p class="editor-actions">
          <button type="submit" disabled={busy}>
            {talk ? 'Save' : 'Add talk'}
          </button>
          <button type="button" class="secondary" onClick={() => onClose(null)}>
            Cancel
          </button>
          <span class="spacer" />
          {talk && (
            <button type="button" class="danger" onClick={() => void askDelete()}>
              Delete…
            </button>
          )}
        </p>
      )}
    </form>
  );
}
