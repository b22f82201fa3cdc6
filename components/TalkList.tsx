import type { Talk } from '../lib/model';
import { groupByDay } from '../lib/talks/agenda';
import { formatDay, wallTimeToInstant } from '../lib/time/zones';
import { TalkCard } from './TalkCard';

export interface TalkListProps {
  talks: readonly Talk[];
  viewerZone: string;
}

function dayHeading(day: string): string {
  if (!day) return 'No time given';
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return formatDay(wallTimeToInstant({ year, month, day: date, hour: 12, minute: 0 }, 'UTC'), 'UTC');
}

/** Clipped talks by day, newest day first. */
export function TalkList({ talks, viewerZone }: TalkListProps) {
  if (!talks.length) {
    return <p class="muted">No talks clipped yet. Open a talk on a schedule page (Sched, for one) and press “Clip”.</p>;
  }
  return (
    <div>
      {groupByDay(talks).map((group) => {
        const heading = dayHeading(group.day);
        return (
          <section key={group.day} aria-label={heading}>
            <h2>{heading}</h2>
            <ul class="plain" aria-label={`Talks on ${heading}`}>
              {group.talks.map((t) => (
                <li key={t.id}>
                  <TalkCard talk={t} viewerZone={viewerZone} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
