import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sameData } from '../lib/db/same-data';
import { syncPulling } from '../lib/sync/activity';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/**
 * While sync pulls records in, a live query's changes are drawn at most this often: a pull
 * writes a batch at a time, and a list re-drawn per batch competes with the user's keystrokes
 * (bench row 12b). A replicated note still shows within this plus one read.
 */
export const PULL_REFRESH_MS = 250;

/**
 * A Dexie live query as Preact state: re-renders whenever the rows it read change, in any page.
 * `first`: a value already read (the panel's first read, components/firstRead.ts) to show from
 * the first render; the query's first answer replaces it only when the rows differ.
 * While a sync pull runs in this page, changes after the first value are coalesced: the newest
 * is shown `PULL_REFRESH_MS` after the first of them (one render for all the batches between).
 * Only the rendering waits; the query runs as Dexie asks, never more often.
 */
export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: unknown[] = [],
  first?: { value: T },
): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>(() =>
    first ? { status: 'ready', value: first.value } : { status: 'loading' },
  );
  const pending = useRef(first);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shown = pending.current !== undefined;
    let latest: T;
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        const known = pending.current;
        pending.current = undefined;
        if (known && sameData(known.value, value)) return;
        latest = value;
        if (!shown || !syncPulling()) {
          if (timer !== null) clearTimeout(timer);
          timer = null;
          shown = true;
          setResult({ status: 'ready', value });
          return;
        }
        timer ??= setTimeout(() => {
          timer = null;
          setResult({ status: 'ready', value: latest });
        }, PULL_REFRESH_MS);
      },
      error: (error: unknown) =>
        setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      subscription.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
