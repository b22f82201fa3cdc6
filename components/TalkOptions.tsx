import type { Talk } from '../lib/model';
import { dayLabel, groupByDay } from '../lib/talks/agenda';
import { venueZone } from '../lib/time/display';
import { formatTime } from '../lib/time/zones';

/**
 * Up to this many talk options cost a few ms to draw: lists (the picker, "move highlight to
 * talk") draw them at once; longer ones wait until the user reaches for the list.
 */
export const EAGER_OPTIONS = 300;

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
