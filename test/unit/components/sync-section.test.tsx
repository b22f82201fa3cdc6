import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncSection } from '../../../components/SyncSection';
import { SyncStatusBadge, lastSyncedLabel } from '../../../components/SyncStatusBadge';
import { readSyncConfig, readSyncStatus, writeSyncConfig, writeSyncStatus } from '../../../lib/sync/config';
import { renderWithServices, testServices, type TestServices } from './harness';

// Settings → Sync as a person uses it: fill the form, Test, turn on, turn off. The server is a
// fetch double answering as CouchDB would (the connection rules themselves are tested against a
// real server in test/unit/sync/runner.test.ts); the browser's permission prompt is the io's.

let services: TestServices;
let answer: (url: string) => Response | Promise<Response>;
const requested: string[] = [];

beforeEach(() => {
  services = testServices();
  requested.length = 0;
  answer = (url) =>
    url.endsWith('/') ? Response.json({ couchdb: 'Welcome' }) : Response.json({ db_name: 'team' }, { status: 200 });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      requested.push(url);
      return answer(url);
    }),
  );
  services.extension.requestOrigin = vi.fn(async () => true);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillForm(server = 'https://couch.example.org') {
  const user = userEvent.setup();
  renderWithServices(<SyncSection />, services);
  const section = screen.getByRole('region', { name: 'Sync' });
  const box = (name: string) => within(section).getByLabelText(name);
  await user.type(box('Server'), server);
  await user.type(box('Database'), 'team');
  await user.type(box('User'), 'ada');
  await user.type(box('Password'), 'secret');
  return { user, section };
}

const click = async (user: ReturnType<typeof userEvent.setup>, section: HTMLElement, name: string) =>
  user.click(within(section).getByRole('button', { name }));

describe('Settings → Sync', () => {
  it('Test says the server answers, asks for its origin only, and saves nothing', async () => {
    const { user, section } = await fillForm();
    await click(user, section, 'Test');
    expect((await within(section).findByRole('status')).textContent).toContain(
      'The server and the database answer: sync can be turned on.',
    );
    expect(services.extension.requestOrigin).toHaveBeenCalledWith('https://couch.example.org/*');
    expect(requested).toEqual(['https://couch.example.org/', 'https://couch.example.org/team']);
    expect(await readSyncConfig(services.db)).toBeNull();
  });

  it('Test names each failure: unreachable (TLS), 401, 403, no such database, insecure http, permission refused', async () => {
    const { user, section } = await fillForm();
    const alert = () => within(section).findByRole('alert');

    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    await click(user, section, 'Test');
    expect((await alert()).textContent).toMatch(/could not be reached.*TLS certificate/);

    answer = (url) => (url.endsWith('/') ? Response.json({ couchdb: 'Welcome' }) : new Response('{}', { status: 401 }));
    await click(user, section, 'Test');
    await waitFor(async () => expect((await alert()).textContent).toContain('refused the user name or password (401)'));

    answer = (url) => (url.endsWith('/') ? Response.json({ couchdb: 'Welcome' }) : new Response('{}', { status: 403 }));
    await click(user, section, 'Test');
    await waitFor(async () =>
      expect((await alert()).textContent).toContain('The account “ada” has no rights on the database'),
    );

    answer = (url) =>
      url.endsWith('/')
        ? Response.json({ couchdb: 'Welcome' })
        : Response.json({ error: 'not_found', reason: 'Database does not exist.' }, { status: 404 });
    await click(user, section, 'Test');
    await waitFor(async () =>
      expect((await alert()).textContent).toContain('There is no database “team” on this server: create it first'),
    );

    services.extension.requestOrigin = vi.fn(async () => false);
    await click(user, section, 'Test');
    await waitFor(async () => expect((await alert()).textContent).toContain('The browser did not allow Talkmark'));

    const server = within(section).getByLabelText('Server');
    await user.clear(server);
    await user.type(server, 'http://couch.example.org');
    const before = requested.length;
    await click(user, section, 'Test');
    await waitFor(async () => expect((await alert()).textContent).toContain('The server must use https'));
    expect(requested.length).toBe(before); // nothing sent over plain http
    expect(await readSyncConfig(services.db)).toBeNull();
  });

  it('plain http is allowed on this computer', async () => {
    const { user, section } = await fillForm('http://127.0.0.1:5984');
    await click(user, section, 'Test');
    expect((await within(section).findByRole('status')).textContent).toContain('sync can be turned on');
    expect(services.extension.requestOrigin).toHaveBeenCalledWith('http://127.0.0.1/*');
  });

  it('turns on (stored, the state shown), then off (stored off, nothing leaves)', async () => {
    const { user, section } = await fillForm();
    await click(user, section, 'Turn sync on');
    await within(section).findByText('Sync is on.');
    expect(await readSyncConfig(services.db)).toEqual({
      server: 'https://couch.example.org',
      database: 'team',
      user: 'ada',
      password: 'secret',
      enabled: true,
    });
    // Before the runner has agreed with the server once. (Asserted before the status write below:
    // read after it, the answer depended on whether the page had re-rendered yet; it failed 1 in 3.)
    await within(section).findByText(/Not synced with the server yet/);
    await writeSyncStatus(services.db, { state: 'up-to-date', waiting: 0, message: null });
    await within(section).findByText(/State: Synced/);
    expect(within(section).getByText(/Last synced just now/)).toBeTruthy();
    // Offline later: the state says so, and the last agreement with the server is still shown.
    await writeSyncStatus(services.db, { state: 'offline', waiting: 2, message: null });
    await within(section).findByText(/State: Offline, 2 waiting/);
    expect(within(section).getByText(/Last synced just now/)).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Save' })).toBeTruthy();

    await click(user, section, 'Turn sync off');
    await within(section).findByText('Sync is off. Nothing leaves this browser.');
    expect((await readSyncConfig(services.db))?.enabled).toBe(false);
    expect(within(section).queryByRole('button', { name: 'Turn sync off' })).toBeNull();
    expect(within(section).getByRole('button', { name: 'Turn sync on' })).toBeTruthy();
    expect(within(section).queryByText(/State:/)).toBeNull();
  });

  it('a failed test does not turn sync on', async () => {
    const { user, section } = await fillForm();
    answer = (url) => (url.endsWith('/') ? Response.json({ couchdb: 'Welcome' }) : new Response('{}', { status: 404 }));
    await click(user, section, 'Turn sync on');
    expect((await within(section).findByRole('alert')).textContent).toContain('There is no database “team”');
    expect(await readSyncConfig(services.db)).toBeNull();
  });
});

describe('when this browser last synced', () => {
  it('is kept through later states until the next time both sides agree', async () => {
    const db = services.db;
    await writeSyncConfig(db, { server: 'https://c.example', database: 'team', user: '', password: '', enabled: true });
    await writeSyncStatus(db, { state: 'syncing', waiting: 0, message: null }, 1_000);
    expect((await readSyncStatus(db)).syncedAt).toBeNull();
    await writeSyncStatus(db, { state: 'up-to-date', waiting: 0, message: null }, 2_000);
    await writeSyncStatus(db, { state: 'offline', waiting: 3, message: null }, 3_000);
    await writeSyncStatus(db, { state: 'error', waiting: 3, message: 'down' }, 4_000);
    expect(await readSyncStatus(db)).toMatchObject({ state: 'error', at: 4_000, syncedAt: 2_000 });
    await writeSyncStatus(db, { state: 'up-to-date', waiting: 0, message: null }, 5_000);
    expect((await readSyncStatus(db)).syncedAt).toBe(5_000);
  });

  it('reads as a person would say it, and the panel badge says it when not up to date', async () => {
    const now = Date.UTC(2026, 11, 7, 12, 0);
    expect(lastSyncedLabel(null, now)).toBe('Not synced with the server yet');
    expect(lastSyncedLabel(now - 20_000, now)).toBe('Last synced just now');
    expect(lastSyncedLabel(now - 5 * 60_000, now)).toBe('Last synced 5 min ago');
    expect(lastSyncedLabel(now - 9 * 3_600_000, now)).toBe('Last synced 9 h ago');
    expect(lastSyncedLabel(now - 3 * 86_400_000, now, 'en-US')).toMatch(/^Last synced Dec 4, 2026/);
    const db = services.db;
    await writeSyncConfig(db, { server: 'https://c.example', database: 'team', user: '', password: '', enabled: true });
    await writeSyncStatus(db, { state: 'up-to-date', waiting: 0, message: null }, Date.now() - 5 * 60_000);
    await writeSyncStatus(db, { state: 'offline', waiting: 1, message: null });
    renderWithServices(<SyncStatusBadge />, services);
    const badge = await screen.findByRole('status');
    expect(badge.getAttribute('aria-label')).toBe('Sync: Offline, 1 waiting. Last synced 5 min ago');
  });
});
