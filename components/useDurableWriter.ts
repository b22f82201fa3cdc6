import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { StorageFailure, StorageResult } from '../lib/notes';

/** Writes land at most this long after the last keystroke. */
export const WRITE_DEBOUNCE_MS = 200;

export interface DurableWriter {
  /** Queue `value` to be written (debounced). */
  schedule(value: string): void;
  /** Write what is queued now; resolves when it is stored (or failed). */
  flush(): Promise<void>;
  /** Drop what is queued (the text was sent as a note; saving it as a draft would resurrect it). */
  discard(): void;
  /** The last write's failure, shown next to the text; cleared by the next success. */
  error: StorageFailure | null;
}

/**
 * Text that must survive the page closing: every change is written through `save` after a
 * short debounce, and whatever is pending is written at once when the page is hidden or
 * unloaded (`visibilitychange`, `pagehide`), or the component goes away. The write happens in
 * this page, straight to IndexedDB — never through the service worker, which may be dead.
 */
export function useDurableWriter(save: (value: string) => Promise<StorageResult<unknown>>, delayMs = WRITE_DEBOUNCE_MS): DurableWriter {
  const [error, setError] = useState<StorageFailure | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    const result = await saveRef.current(value);
    if (result.ok) setError(null);
    else {
      setError(result.error);
      // Keep it queued: the next change or flush tries again.
      pending.current ??= value;
    }
  }, []);

  const schedule = useCallback(
    (value: string) => {
      pending.current = value;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

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

  return { schedule, flush, discard, error };
}
