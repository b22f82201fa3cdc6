/**
 * Which talks an export covers: one talk, one day, several days or everything. Days are the
 * venue's calendar days, as the Agenda groups them.
 */
import type { Talk } from '../model';
import { groupByDay } from '../talks/agenda';
import type { ExportScope } from './export-choices';

export interface ExportDay {
  /** `YYYY-MM-DD`, or '' for talks without a time. */
  key: string;
  /** `Tue, Sep 9, 2025`, or `Talks without a time`. */
  label: string;
  talkIds: string[];
}

export interface ScopeSelection {
  scope: ExportScope;
  talkId: string | null;
  days: readonly string[];
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** A day key as people read it; the key is already in the venue's clock, so format it as UTC. */
export function dayKeyLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return 'Talks without a time';
  return DAY_FORMAT.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Days with clipped talks, newest first (as the Agenda lists them). */
export function exportDays(talks: readonly Talk[]): ExportDay[] {
  return groupByDay(talks).map((g) => ({ key: g.day, label: dayKeyLabel(g.day), talkIds: g.talks.map((t) => t.id) }));
}

/** The talks a selection covers; a talk or day that no longer exists covers nothing. */
export function talksInScope(talks: readonly Talk[], selection: ScopeSelection): Talk[] {
  switch (selection.scope) {
    case 'all':
      return [...talks];
    case 'talk':
      return talks.filter((t) => t.id === selection.talkId);
    case 'day':
    case 'days': {
      const wanted = new Set(selection.scope === 'day' ? selection.days.slice(0, 1) : selection.days);
      const ids = new Set(exportDays(talks).filter((d) => wanted.has(d.key)).flatMap((d) => d.talkIds));
      return talks.filter((t) => ids.has(t.id));
    }
  }
}

/** A valid selection for these talks: the wanted talk or else the newest day's first, known days or else the newest. */
export function settleSelection(talks: readonly Talk[], selection: ScopeSelection): ScopeSelection {
  const days = exportDays(talks);
  const known = selection.days.filter((k) => days.some((d) => d.key === k));
  const talkId = talks.some((t) => t.id === selection.talkId) ? selection.talkId : days[0]?.talkIds[0] ?? null;
  return { scope: selection.scope, talkId, days: known.length > 0 || selection.scope === 'days' ? known : days.slice(0, 1).map((d) => d.key) };
}
