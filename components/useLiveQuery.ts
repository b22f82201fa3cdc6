import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sameData } from '../lib/db/same-data';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/**
 * A Dexie live query as Preact state: re-renders whenever the rows it read change, in any page.
 * `first`: a value already read (the panel's first read, components/firstRead.ts) to show from
 * the first render; the query's first answer replaces it only when the rows differ.
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
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        const known = pending.current;
        pending.current = undefined;
        if (known && sameData(known.value, value)) return;
        setResult({ status: 'ready', value });
      },
      error: (error: unknown) =>
        setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
