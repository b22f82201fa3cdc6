import { useEffect, useState } from 'preact/hooks';
import { readSyncConfig, readSyncStatus, type SyncConfig, writeSyncConfig } from '../lib/sync/config';
import { checkAddress, testConnection } from '../lib/sync/connection';
import { useDb, useExtensionIo } from './services';
import { lastSyncedLabel, syncStatusLabel } from './SyncStatusBadge';
import { useLiveQuery } from './useLiveQuery';

const EMPTY: SyncConfig = { server: '', database: '', user: '', password: '', enabled: false };

/**
 * Settings → Sync: a CouchDB server of the user's own (or their team's). The account stays in
 * the extension's database; the browser is asked for the server's origin only (an optional host
 * permission), in the click that tests or turns sync on.
 */
export function SyncSection() {
  const db = useDb();
  const io = useExtensionIo();
  const [form, setForm] = useState<SyncConfig>(EMPTY);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void readSyncConfig(db).then((c) => c && setForm(c)), []);
  const status = useLiveQuery(() => readSyncStatus(db), []);
  const rejected = useLiveQuery(
    async () => (await db.syncMeta.get('rejected'))?.value as { count: number } | undefined,
    [],
  );

  const field = (name: keyof Omit<SyncConfig, 'enabled'>) => ({
    value: form[name],
    onInput: (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value }),
  });

  /** Asks for the server's origin in the click itself (no await before it: the gesture would be gone). */
  const ask = (): Promise<boolean> | { error: string } => {
    const address = checkAddress(form);
    if (!address.ok) return { error: address.message };
    const url = new URL(address.origin);
    return io.requestOrigin ? io.requestOrigin(`${url.protocol}//${url.hostname}/*`) : Promise.resolve(true);
  };

  const run = async (turnOn: boolean) => {
    const asked = ask();
    if ('error' in asked) return setMessage({ ok: false, text: asked.error });
    setBusy(true);
    try {
      if (!(await asked.catch(() => false)))
        return setMessage({ ok: false, text: 'The browser did not allow Talkmark to reach this server.' });
      const result = await testConnection(form);
      if (!result.ok) return setMessage({ ok: false, text: result.message });
      if (turnOn) await writeSyncConfig(db, { ...form, server: form.server.trim(), enabled: true });
      setForm({ ...form, enabled: turnOn || form.enabled });
      setMessage({
        ok: true,
        text: turnOn ? 'Sync is on.' : 'The server and the database answer: sync can be turned on.',
      });
    } finally {
      setBusy(false);
    }
  };

  const turnOff = async () => {
    await writeSyncConfig(db, { ...form, enabled: false });
    setForm({ ...form, enabled: false });
    setMessage({ ok: true, text: 'Sync is off. Nothing leaves this browser.' });
  };

  const label = status.status === 'ready' ? syncStatusLabel(status.value) : null;
  return (
    <section aria-labelledby="sync-heading" class="card">
      <h2 id="sync-heading">Sync</h2>
      <p class="muted">
        Sync talks, notes, highlights and templates with a CouchDB database you run (or your team does). Off unless you
        turn it on; slide pictures stay on this computer.
      </p>
      <form class="sync-form" onSubmit={(e) => (e.preventDefault(), void run(true))}>
        <label>
          Server
          <input type="url" placeholder="https://couch.example.org" autoComplete="off" {...field('server')} />
        </label>
        <label>
          Database
          <input placeholder="talkmark-ada" autoComplete="off" {...field('database')} />
        </label>
        <label>
          User
          <input autoComplete="username" {...field('user')} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" {...field('password')} />
        </label>
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void run(false)}>
            Test
          </button>
          <button type="submit" disabled={busy}>
            {form.enabled ? 'Save' : 'Turn sync on'}
          </button>
          {form.enabled && (
            <button type="button" disabled={busy} onClick={() => void turnOff()}>
              Turn sync off
            </button>
          )}
        </div>
      </form>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {form.enabled && label && (
        <p role="status">
          State: {label}
          {status.status === 'ready' && status.value.message ? ` — ${status.value.message}` : ''}
        </p>
      )}
      {form.enabled && status.status === 'ready' && status.value.state !== 'off' && (
        <p class="muted">
          {lastSyncedLabel(status.value.syncedAt)}. Sync runs while the side panel or this page is open; a browser
          closed meanwhile catches up when you next open one.
        </p>
      )}
      {rejected.status === 'ready' && rejected.value && rejected.value.count > 0 && (
        <p class="error">
          {rejected.value.count} document(s) from the server were refused: they were not valid Talkmark data and were
          not stored.
        </p>
      )}
    </section>
  );
}
