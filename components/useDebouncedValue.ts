import { useEffect, useState } from 'preact/hooks';

/** `value`, once it has stopped changing for `delayMs` (expensive work follows typing, not every key). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
