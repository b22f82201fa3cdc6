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

/** Clipped talks as a day-by-day agenda, newest day first, with overlapping talks marked. */
export function TalkList({ talks, viewerZone, noteCounts, onOpen }: TalkListProps) {
  if (!talks.length) {
    return <p class="muted">No talks clipped yet. Open a talk on a schedule page (Sched, for one) and press “Clip”.</p>;
  }
  const titles = new Map(talks.map((t) => [t.id, t.title]));
  return (
    <div>
      {groupByDay(talks).map((group) => {
        const heading = dayLabel(group.day);
        const overlaps = new Map<string, string[]>();
        for (const [a, b] of findConflicts(group.talks).pairs) {
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
    </div>
  );
}
