import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StorageFailure, StorageResult } from '../lib/notes';

/** A keystroke is written at most this long after it is typed, even while typing goes on. */
export const WRITE_DEBOUNCE_MS = 200;

export interface DurableWriter {
  /** Queue `value` to be written (debounced). */
  schedule(value: string): void;
  /** Write what is queued now; resolves when it is stored (true) or failed (false, and still queued). */
  flush(): Promise<boolean>;
  /** The last write's failure, shown next to the text; cleared by the next success. */
  error: StorageFailure | null;
}

/**
 * Text that must survive the page closing: changes are written through `save` at most
 * `delayMs` after the first unwritten keystroke — the timer is not restarted by later keys, so
 * continuous typing is written every `delayMs`, not only when the typist pauses. Whatever is
 * pending is written at once when the page is hidden or unloaded (`visibilitychange`,
 * `pagehide`), or the component goes away. The write happens in this page, straight to
 * IndexedDB — never through the service worker, which may be dead. Each write is measured
 * (`talkmark:keystroke-to-durable`) for the benchmark.
 */
export function useDurableWriter(
  save: (value: string) => Promise<StorageResult<unknown>>,
  delayMs = WRITE_DEBOUNCE_MS,
): DurableWriter {
  const [error, setError] = useState<StorageFailure | null>(null);
  const pending = useRef<string | null>(null);
  /** When the oldest unwritten change was typed. */
  const pendingSince = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  /** The write under way, so a flush waits for it (and reports it) instead of saying "done" early. */
  const inFlight = useRef<Promise<boolean> | null>(null);
  /** The newest value a flush took: a failed older write must not be queued again over it. */
  const newestTaken = useRef<string | null>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    const since = pendingSince.current;
    if (value === null) return inFlight.current ?? true;
    pending.current = null;
    pendingSince.current = null;
    newestTaken.current = value;
    const write = (async () => {
      const previous = inFlight.current;
      if (previous) await previous; // writes land in the order they were typed
      const result = await saveRef.current(value);
      if (result.ok) {
        setError(null);
        if (since !== null)
          performance.measure('talkmark:keystroke-to-durable', { start: since, end: performance.now() });
        return true;
      }
      setError(result.error);
      // Keep it queued, unless newer text was taken since: the next change or flush tries again.
      if (newestTaken.current === value) {
        pending.current ??= value;
        pendingSince.current ??= since;
      }
      return false;
    })();
    inFlight.current = write;
    const ok = await write;
    if (inFlight.current === write) inFlight.current = null;
    return ok;
  }, []);

  const schedule = useCallback(
    (value: string) => {
      pending.current = value;
      pendingSince.current ??= performance.now();
      timer.current ??= setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void flush();
    addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { schedule, flush, error };
}
