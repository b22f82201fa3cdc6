import { useEffect, useState } from 'preact/hooks';
import { setOwnAuthor } from '../lib/db/settings';
import { MAX_AUTHOR_CHARS } from '../lib/validate/rules';
import { useDb } from './services';
import { useAuthorName } from './useAuthorName';

/**
 * "Your name": the author new notes and highlights carry. It tells a team's notes apart once
 * they share one database, and exports credit notes with it ("— Ada") when a post holds notes
 * by more than one person. It stays in this browser: a backup neither carries nor restores it.
 */
export function AuthorSection() {
  const db = useDb();
  const stored = useAuthorName();
  const [typed, setTyped] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // The field shows the stored name until the user types (and again after a save).
  useEffect(() => setTyped(null), [stored]);
  const value = typed ?? stored ?? '';

  const save = async () => {
    const result = await setOwnAuthor(db, value).catch((e: unknown) => ({
      ok: false as const,
      message: `Not saved: ${e instanceof Error ? e.message : String(e)}`,
    }));
    if (!result.ok) return setMessage({ error: true, text: result.message });
    setTyped(null);
    setMessage({
      error: false,
      text: result.name
        ? `Saved. Your new notes and highlights carry the name “${result.name}”.`
        : 'Saved. Your new notes carry no name.',
    });
  };

  return (
    <section aria-labelledby="author-heading" class="card">
      <h2 id="author-heading">Your name</h2>
      <p class="muted">
        Shown next to your notes when a team shares its notes, and in exports that merge them (“— Ada”). It stays in
        this browser; notes written before you set it count as yours.
      </p>
      <form
        class="author-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Name{' '}
          <input
            type="text"
            name="author"
            autoComplete="name"
            maxLength={MAX_AUTHOR_CHARS * 2}
            value={value}
            onInput={(e) => {
              setTyped((e.target as HTMLInputElement).value);
              setMessage(null);
            }}
          />
        </label>{' '}
        <button type="submit">Save name</button>
      </form>
      {message && (
        <p class={message.error ? 'error' : undefined} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
