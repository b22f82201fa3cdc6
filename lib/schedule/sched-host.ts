/** Sched's own hosts (`<site>.sched.com`). Kept apart so the worker imports no extractor code. */
export function isSchedHost(host: string): boolean {
  return /(^|\.)sched\.com$/i.test(host);
}
