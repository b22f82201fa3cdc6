import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Talk } from '../lib/model';
import { findConflicts } from '../lib/notes';
import { dayLabel, groupByDay } from '../lib/talks/agenda';
import { noteCountsOf } from '../lib/talks/note-counts';
import { useDb } from './services';
import { TalkCard } from './TalkCard';
import { useLiveQuery } from './useLiveQuery';

export interface TalkListProps {
  talks: readonly Talk[];
  viewerZone: string;
  /** Each card shows its talk's note count (read for the cards drawn). */
  showNoteCounts?: boolean;
  onOpen?: (talk: Talk) => void;
  /** False while `talks` holds only the newest days of the library (the Agenda reads it in pages). */
  complete?: boolean;
  /** Asked when `shown` cards are wanted and fewer are settled (only while not `complete`). */
  onWantMore?: (shown: number) => void;
  /**
   * Cards from the top that are final (lib/talks/agenda-pages.ts); the talks past them only give
   * the overlaps of those. Every talk when absent.
   */
  settled?: number;
}

/** Cards added each time the end of the list comes near the viewport. */
export const AGENDA_PAGE = 40;

/**
 * Cards drawn in the first paint: a 700 px panel shows about five. The first page follows
 * right after that paint, so the click paints after reading and drawing one screen only.
 */
export const FIRST_SCREEN = 12;

/**
 * Clipped talks as a day-by-day agenda, newest day first, with overlapping talks marked. Drawn a
 * page at a time: a library of 5,000 talks first paints 40 cards, and more are added before
 * scrolling (wheel, keys or Tab) reaches the end of what is drawn.
 */
export function TalkList({
  talks,
  viewerZone,
  showNoteCounts,
  onOpen,
  complete = true,
  onWantMore,
  settled = talks.length,
}: TalkListProps) {
  const db = useDb();
  const [shown, setShown] = useState(FIRST_SCREEN);
  // The rest of the first page once the first screen is painted: effects run after that paint,
  // and one frame more lets the browser show it before the page's cards are drawn and read.
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown((n) => Math.max(n, AGENDA_PAGE)));
    });
    return () => (cancelAnimationFrame(frame), clearTimeout(timer));
  }, []);
  const groups = useMemo(() => groupByDay(talks), [talks]);
  const titles = useMemo(() => new Map(talks.map((t) => [t.id, t.title])), [talks]);
  // A day's overlaps, found once per list of talks (a 1,500-talk day is a sweep, not per page drawn).
  const overlapsOfDay = useMemo(() => {
    const cache = new Map<string, Map<string, string[]>>();
    return (day: string) => {
      let overlaps = cache.get(day);
      if (!overlaps) {
        overlaps = new Map<string, string[]>();
        const add = (id: string, other: string) => {
          const list = overlaps!.get(id);
          if (list) list.push(titles.get(other)!);
          else overlaps!.set(id, [titles.get(other)!]);
        };
        for (const [a, b] of findConflicts(groups.find((g) => g.day === day)!.talks).pairs) {
          add(a, b);
          add(b, a);
        }
        cache.set(day, overlaps);
      }
      return overlaps;
    };
  }, [groups, titles]);
  const more = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel) return;
    // Well before the end (a screen ahead), so a scroll never meets a blank.
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setShown((n) => Math.min(n, settled) + AGENDA_PAGE),
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [shown, talks.length, settled]);
  // Ask for two pages ahead: the next cards are read before the scroll reaches them.
  // (Not while only the first screen is drawn: its paint comes first, see above.)
  useEffect(() => {
    if (!complete && shown > FIRST_SCREEN && shown + 2 * AGENDA_PAGE > settled) onWantMore?.(shown + 2 * AGENDA_PAGE);
  }, [shown, settled, complete]);
  if (!talks.length && complete) {
    return <p class="muted">No talks clipped yet. Open a talk on a schedule page (Sched, for one) and press “Clip”.</p>;
  }
  return (
    <AgendaPage
      groups={groups}
      shown={Math.min(shown, settled)}
      more={more}
      total={complete ? talks.length : Infinity}
      overlapsOfDay={overlapsOfDay}
      viewerZone={viewerZone}
      counts={showNoteCounts ? db : null}
      onOpen={onOpen}
    />
  );
}

interface AgendaPageProps {
  groups: ReturnType<typeof groupByDay>;
  shown: number;
  more: { current: HTMLDivElement | null };
  total: number;
  overlapsOfDay: (day: string) => Map<string, string[]>;
  viewerZone: string;
  /** The database to count notes in, or null for no counts. */
  counts: ReturnType<typeof useDb> | null;
  onOpen?: (talk: Talk) => void;
}

/** The first `shown` cards of the agenda, with their note counts. */
function AgendaPage({ groups, shown, more, total, overlapsOfDay, viewerZone, counts, onOpen }: AgendaPageProps) {
  let left = shown;
  const visible = [];
  for (const g of groups) {
    if (left <= 0) break;
    visible.push(left >= g.talks.length ? g : { ...g, talks: g.talks.slice(0, left) });
    left -= g.talks.length;
  }
  const ids = visible.flatMap((g) => g.talks.map((t) => t.id));
  const noteCounts = useLiveQuery<Map<string, number> | null>(
    () => (counts ? noteCountsOf(counts, ids) : null),
    [counts, ids.length, ids[0], ids[ids.length - 1]],
  );
  // Undefined (no count drawn) until this card's count is read: never a "0 notes" that is not so.
  const countOf = (id: string) =>
    counts && noteCounts.status === 'ready' && noteCounts.value ? noteCounts.value.get(id) : undefined;
  return (
    <div>
      {visible.map((group) => {
        const heading = dayLabel(group.day);
        const overlaps = overlapsOfDay(group.day);
        return (
          <section key={group.day} aria-label={heading}>
            <h2>{heading}</h2>
            <ul class="plain" aria-label={`Talks on ${heading}`}>
              {group.talks.map((t) => (
                <li key={t.id}>
                  <TalkCard
                    talk={t}
                    viewerZone={viewerZone}
                    noteCount={countOf(t.id)}
                    conflictsWith={overlaps.get(t.id)}
                    onOpen={onOpen}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {shown < total && (
        <div ref={more} class="muted" aria-hidden="true">
          More talks…
        </div>
      )}
    </div>
  );
}
