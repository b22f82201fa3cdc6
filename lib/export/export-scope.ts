/**
 * Which talks an export covers: one talk, one day, several days or everything. Days are the
 * venue's calendar days, as the Agenda groups them.
 */
import type { Talk } from '../model';
import { dayLabel, groupByDay } from '../talks/agenda';
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

/** A day key as people read it (short form). */
export const dayKeyLabel = (key: string): string => dayLabel(key, 'short');

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
      const ids = new Set(
        exportDays(talks)
          .filter((d) => wanted.has(d.key))
          .flatMap((d) => d.talkIds),
      );
      return talks.filter((t) => ids.has(t.id));
    }
  }
}

/** A valid selection for these talks: the wanted talk or else the newest day's first, known days or else the newest. */
export function settleSelection(talks: readonly Talk[], selection: ScopeSelection): ScopeSelection {
  const days = exportDays(talks);
  const known = selection.days.filter((k) => days.some((d) => d.key === k));
  const talkId = talks.some((t) => t.id === selection.talkId) ? selection.talkId : (days[0]?.talkIds[0] ?? null);
  return {
    scope: selection.scope,
    talkId,
    days: known.length > 0 || selection.scope === 'days' ? known : days.slice(0, 1).map((d) => d.key),
  };
}
