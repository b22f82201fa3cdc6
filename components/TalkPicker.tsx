import type { Talk } from '../lib/model';
import { groupByDay } from '../lib/talks/agenda';
import { formatTime } from '../lib/time/zones';
import { venueZone } from '../lib/time/display';

export interface TalkPickerProps {
  talks: readonly Talk[];
  /** The talk picked by hand, or null when following the schedule. */
  pickedId: string | null;
  onPick: (id: string | null) => void;
}

/** Choose which talk notes go to: follow the schedule, or any clipped talk. */
export function TalkPicker({ talks, pickedId, onPick }: TalkPickerProps) {
  return (
    <label class="picker">
      <span class="muted">Notes go to</span>
      <select aria-label="Talk to take notes for" value={pickedId ?? ''} onChange={(e) => onPick((e.target as HTMLSelectElement).value || null)}>
        <option value="">The talk happening now</option>
        {groupByDay(talks).map((g) => (
          <optgroup key={g.day} label={g.day || 'No time'}>
            {g.talks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.startAt !== null ? `${formatTime(t.startAt, venueZone(t))} ` : ''}
                {t.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
