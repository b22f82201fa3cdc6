import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { syncPulling } from '../lib/sync/activity';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/**
 * While sync pulls records in, a live query re-reads at most this often: a pull writes a batch
 * every few hundred milliseconds, and a list re-read and re-drawn per batch starved the user's
 * keystrokes (bench row 12b). A replicated note still shows within this plus one read.
 */
export const PULL_REFRESH_MS = 250;

/**
 * A Dexie live query as Preact state: re-renders whenever the rows it read change, in any page.
 * While a sync pull runs in this page, a query that has just delivered a change stops listening
 * and reads afresh `PULL_REFRESH_MS` later (one read for all the batches in between); queries the
 * pull does not touch never deliver, so they never pause.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[] = []): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    let subscription: { unsubscribe(): void } | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shown = false;
    const pause = () => {
      subscription?.unsubscribe();
      subscription = null;
      timer = setTimeout(() => {
        timer = null;
        listen();
      }, PULL_REFRESH_MS);
    };
    const listen = () => {
      subscription = liveQuery(query).subscribe({
        next: (value) => {
          setResult({ status: 'ready', value });
          // The first value is never held back, nor is any while no pull runs.
          if (shown && syncPulling() && timer === null) queueMicrotask(() => subscription && timer === null && pause());
          shown = true;
        },
        error: (error: unknown) =>
          setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
      });
    };
    listen();
    return () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      subscription?.unsubscribe();
      subscription = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
