/**
 * Why a write to IndexedDB failed, in terms the UI can act on. Dexie wraps the browser's error
 * (a quota failure usually arrives as an AbortError whose `inner` is the QuotaExceededError),
 * so classification looks through `inner`, `cause` and bulk `failures`.
 */

export type StorageErrorKind =
  /** The disk or the origin's quota is full. */
  | 'quota'
  /** The database connection is closed (extension updated/reloaded, deleted by the user). */
  | 'closed'
  /** The record to change no longer exists (deleted in another panel). */
  | 'missing'
  /** The caller passed something that cannot be stored (empty note, bad time). */
  | 'invalid'
  | 'unknown';

export interface StorageFailure {
  kind: StorageErrorKind;
  /** One sentence for the user. */
  message: string;
  /** The original error, for logs. */
  cause?: unknown;
}

export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageFailure };

/** Thrown inside write helpers for failures that are not the browser's (missing, invalid). */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const MESSAGES: Record<Exclude<StorageErrorKind, 'missing' | 'invalid'>, string> = {
  quota: 'Browser storage is full, so this was not saved. Free some disk space, then try again.',
  closed: 'The Talkmark database was closed (the extension was probably updated). Reload this panel, then try again.',
  unknown: 'Could not save to browser storage',
};

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const CLOSED_NAMES = new Set(['DatabaseClosedError']);
/** Legacy DOMException code for quota errors (older Safari reports only the code). */
const QUOTA_CODE = 22;

/** The error and everything it wraps, breadth-first, bounded against cyclic `inner` chains. */
function errorChain(err: unknown): object[] {
  const found: object[] = [];
  const queue: unknown[] = [err];
  while (queue.length && found.length < 20) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || found.includes(e)) continue;
    found.push(e);
    const r = e as { inner?: unknown; cause?: unknown; failures?: unknown };
    queue.push(r.inner, r.cause);
    if (Array.isArray(r.failures)) queue.push(...r.failures);
    else if (r.failures && typeof r.failures === 'object') queue.push(...Object.values(r.failures));
  }
  return found;
}

const nameOf = (e: object) => (e as { name?: unknown }).name;

export function isQuotaError(err: unknown): boolean {
  return errorChain(err).some(
    (e) => QUOTA_NAMES.has(String(nameOf(e))) || (e as { code?: unknown }).code === QUOTA_CODE,
  );
}

export function isDatabaseClosedError(err: unknown): boolean {
  return errorChain(err).some((e) => CLOSED_NAMES.has(String(nameOf(e))));
}

export function classifyStorageError(err: unknown): StorageFailure {
  if (err instanceof StorageError) return { kind: err.kind, message: err.message, cause: err };
  if (isQuotaError(err)) return { kind: 'quota', message: MESSAGES.quota, cause: err };
  if (isDatabaseClosedError(err)) return { kind: 'closed', message: MESSAGES.closed, cause: err };
  const detail = err instanceof Error && err.message ? `: ${err.message.split('\n')[0]}` : '.';
  return { kind: 'unknown', message: `${MESSAGES.unknown}${detail}`, cause: err };
}

/** Runs a write and turns any failure into a result the UI can show; never throws. */
export async function attemptWrite<T>(write: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (err) {
    return { ok: false, error: classifyStorageError(err) };
  }
}
