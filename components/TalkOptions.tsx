import type { Talk } from '../lib/model';
import { dayLabel, groupByDay } from '../lib/talks/agenda';
import { venueZone } from '../lib/time/display';
import { formatTime } from '../lib/time/zones';

export interface TalkOptionsProps {
  talks: readonly Talk[];
}

/** `<option>`s for choosing a talk: grouped by day, newest first, each with its venue time. */
export function TalkOptions({ talks }: TalkOptionsProps) {
  return (
    <>
      {groupByDay(talks).map((g) => (
        <optgroup key={g.day} label={dayLabel(g.day, 'short')}>
          {g.talks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.startAt !== null ? `${formatTime(t.startAt, venueZone(t))} ` : ''}
              {t.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
