/**
 * Whether this page is pulling replicated records into Dexie right now (the runner says so).
 * Views read it to coalesce their live queries meanwhile (components/useLiveQuery.ts): a pull
 * writes a batch every few hundred milliseconds, and re-reading and re-drawing a list of
 * thousands of notes per batch is what kept the panel's main thread from the user's keys.
 * A plain module flag: the runner runs in the page whose views it slows (the side panel).
 */
const active = new Set<string>();

export function setPulling(source: string, on: boolean): void {
  if (on) active.add(source);
  else active.delete(source);
}

export function syncPulling(): boolean {
  return active.size > 0;
}
