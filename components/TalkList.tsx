import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Talk } from '../lib/model';
import { findConflicts } from '../lib/notes';
import { dayLabel, groupByDay } from '../lib/talks/agenda';
import { TalkCard } from './TalkCard';

export interface TalkListProps {
  talks: readonly Talk[];
  viewerZone: string;
  /** Notes per talk id; when given, each card shows its count. */
  noteCounts?: ReadonlyMap<string, number>;
  onOpen?: (talk: Talk) => void;
}

/** Cards drawn at first, and added each time the end of the list comes near the viewport. */
export const AGENDA_PAGE = 40;

/**
 * Clipped talks as a day-by-day agenda, newest day first, with overlapping talks marked. Drawn a
 * page at a time: a library of 5,000 talks first paints 40 cards, and more are added before
 * scrolling (wheel, keys or Tab) reaches the end of what is drawn.
 */
export function TalkList({ talks, viewerZone, noteCounts, onOpen }: TalkListProps) {
  const [shown, setShown] = useState(AGENDA_PAGE);
  const groups = useMemo(() => groupByDay(talks), [talks]);
  const titles = useMemo(() => new Map(talks.map((t) => [t.id, t.title])), [talks]);
  const more = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = more.current;
    if (!sentinel) return;
    // Well before the end (a screen ahead), so a scroll never meets a blank.
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setShown((n) => n + AGENDA_PAGE),
      { rootMargin: '0px 0px 100% 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [shown, talks.length]);
  if (!talks.length) {
    return <p class="muted">No talks clipped yet. Open a talk on a schedule page (Sched, for one) and press “Clip”.</p>;
  }
  let left = shown;
  const visible = [];
  for (const g of groups) {
    if (left <= 0) break;
    visible.push(left >= g.talks.length ? g : { ...g, talks: g.talks.slice(0, left) });
    left -= g.talks.length;
  }
  return (
    <div>
      {visible.map((group) => {
        const heading = dayLabel(group.day);
        const overlaps = new Map<string, string[]>();
        for (const [a, b] of findConflicts(groups.find((g) => g.day === group.day)!.talks).pairs) {
          overlaps.set(a, [...(overlaps.get(a) ?? []), titles.get(b)!]);
          overlaps.set(b, [...(overlaps.get(b) ?? []), titles.get(a)!]);
        }
        return (
          <section key={group.day} aria-label={heading}>
            <h2>{heading}</h2>
            <ul class="plain" aria-label={`Talks on ${heading}`}>
              {group.talks.map((t) => (
                <li key={t.id}>
                  <TalkCard
                    talk={t}
                    viewerZone={viewerZone}
                    noteCount={noteCounts ? (noteCounts.get(t.id) ?? 0) : undefined}
                    conflictsWith={overlaps.get(t.id)}
                    onOpen={onOpen}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {shown < talks.length && (
        <div ref={more} class="muted" aria-hidden="true">
          More talks…
        </div>
      )}
    </div>
  );
}
