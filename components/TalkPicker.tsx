import type { Talk } from '../lib/model';
import { TalkOptions } from './TalkOptions';

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
        <TalkOptions talks={talks} />
      </select>
    </label>
  );
}
