import { useEffect, useState } from 'preact/hooks';

/** The current instant, refreshed every `everyMs` (elapsed time, the Now talk). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
