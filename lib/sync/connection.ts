import type { SyncConfig } from './config';

/**
 * What Settings → Sync checks before it saves: the address (https, except on this machine), then
 * the server, the database and the account, each failure named in words the user can act on.
 * Pure over `fetch`, so it is tested against the in-process server.
 */
export type ConnectionProblem =
  | 'bad-url'
  | 'insecure'
  | 'bad-database'
  | 'unreachable'
  | 'not-couchdb'
  | 'unauthorized'
  | 'forbidden'
  | 'no-database'
  | 'server-error';

export type ConnectionResult =
  | { ok: true; origin: string; url: string }
  | { ok: false; problem: ConnectionProblem; message: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/** The server's origin and the database's URL, or what is wrong with what was typed. */
export function checkAddress(
  config: Pick<SyncConfig, 'server' | 'database'>,
): { ok: true; origin: string; url: string } | { ok: false; problem: ConnectionProblem; message: string } {
  let url: URL;
  try {
    url = new URL(config.server.trim());
  } catch {
    return { ok: false, problem: 'bad-url', message: 'The server address is not a web address (https://…).' };
  }
  if (url.username || url.password)
    return {
      ok: false,
      problem: 'bad-url',
      message: 'Put the user and password in their own boxes, not in the address.',
    };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return {
      ok: false,
      problem: 'insecure',
      message: 'The server must use https (plain http only for a server on this computer: 127.0.0.1 or localhost).',
    };
  if (!DATABASE_NAME.test(config.database))
    return {
      ok: false,
      problem: 'bad-database',
      message: 'A database name starts with a lowercase letter and has only lowercase letters, digits and _$()+-/.',
    };
  const base = url.href.replace(/\/+$/, '');
  return { ok: true, origin: url.origin, url: `${base}/${encodeURIComponent(config.database)}` };
}

export function basicAuth(user: string, password: string): string | null {
  if (!user) return null;
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Tries the server and the database with the account; says exactly what failed. */
export async function testConnection(config: SyncConfig, fetchFn: typeof fetch = fetch): Promise<ConnectionResult> {
  const address = checkAddress(config);
  if (!address.ok) return address;
  const auth = basicAuth(config.user, config.password);
  const headers: Record<string, string> = { accept: 'application/json', ...(auth ? { authorization: auth } : {}) };
  const get = (url: string) => fetchFn(url, { headers, credentials: 'omit', redirect: 'error', cache: 'no-store' });
  let root: Response;
  try {
    root = await get(`${address.url.slice(0, address.url.lastIndexOf('/'))}/`);
  } catch {
    return {
      ok: false,
      problem: 'unreachable',
      message: address.url.startsWith('https:')
        ? 'The server could not be reached: check the address and your connection. If the address is right, its TLS certificate may not be trusted by this browser.'
        : 'The server could not be reached: check the address, the port and that it is running.',
    };
  }
  const rootBody = (await root.json().catch(() => null)) as { couchdb?: unknown; 'express-pouchdb'?: unknown } | null;
  if (root.status === 401) return unauthorized();
  if (!rootBody || (rootBody.couchdb === undefined && rootBody['express-pouchdb'] === undefined))
    return {
      ok: false,
      problem: 'not-couchdb',
      message: 'Something answered at this address, but it is not a CouchDB server.',
    };
  let db: Response;
  try {
    db = await get(address.url);
  } catch {
    return {
      ok: false,
      problem: 'unreachable',
      message: 'The server stopped answering while the database was checked.',
    };
  }
  const body = (await db.json().catch(() => null)) as { error?: string; reason?: string } | null;
  if (db.status === 401) return unauthorized();
  if (db.status === 403)
    return {
      ok: false,
      problem: 'forbidden',
      message: `The account “${config.user}” has no rights on the database “${config.database}”: an admin must add it to the database’s members.`,
    };
  if (db.status === 404)
    return {
      ok: false,
      problem: 'no-database',
      message: `There is no database “${config.database}” on this server: create it first (see the README).`,
    };
  if (!db.ok)
    return {
      ok: false,
      problem: 'server-error',
      message: `The server answered ${db.status}${body?.reason ? `: ${body.reason}` : ''}.`,
    };
  return { ok: true, origin: address.origin, url: address.url };
}

function unauthorized(): ConnectionResult {
  return { ok: false, problem: 'unauthorized', message: 'The server refused the user name or password (401).' };
}

/**
 * The only fetch PouchDB gets: requests to the database's own URL, with the account, no
 * cookies, no redirects. A server cannot make the extension call another origin or path.
 */
export function guardedFetch(
  databaseUrl: string,
  user: string,
  password: string,
  fetchFn: typeof fetch = fetch,
): typeof fetch {
  const auth = basicAuth(user, password);
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url !== databaseUrl && !url.startsWith(`${databaseUrl}/`) && !url.startsWith(`${databaseUrl}?`))
      return Promise.reject(new TypeError(`Sync refused a request outside its database: ${url.slice(0, 100)}`));
    const headers = new Headers(init?.headers);
    if (auth) headers.set('authorization', auth);
    return fetchFn(url, { ...init, headers, credentials: 'omit', redirect: 'error' });
  };
}
