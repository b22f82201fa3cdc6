import type { Talk } from '../lib/model';
import { useTalkEditing } from './talk-editing';
import { TalkOptions } from './TalkOptions';
import './talk-editor.css';

export interface TalkPickerProps {
  talks: readonly Talk[];
  /** The talk picked by hand, or null when following the schedule. */
  pickedId: string | null;
  onPick: (id: string | null) => void;
}

/** Choose which talk notes go to: follow the schedule, or any clipped talk — or add one by hand. */
export function TalkPicker({ talks, pickedId, onPick }: TalkPickerProps) {
  const editing = useTalkEditing();
  return (
    <div class="picker">
      <span class="picker-label">
        <label class="muted" for="talkmark-talk-picker">
          Notes go to
        </label>
        {editing && (
          <button
            type="button"
            class="link-button"
            data-opener="picker-add-talk"
            onClick={() => editing.add('picker-add-talk')}
          >
            Add a talk
          </button>
        )}
      </span>
      <select
        id="talkmark-talk-picker"
        aria-label="Talk to take notes for"
        value={pickedId ?? ''}
        onChange={(e) => onPick((e.target as HTMLSelectElement).value || null)}
      >
        <option value="">The talk happening now</option>
        <TalkOptions talks={talks} />
      </select>
    </div>
  );
}
