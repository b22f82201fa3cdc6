import { useMemo, useState } from 'preact/hooks';
import type { Talk } from '../lib/model';
import { useTalkEditing } from './talk-editing';
import { EAGER_OPTIONS, TalkOptions } from './TalkOptions';
import './talk-editor.css';

export interface TalkPickerProps {
  talks: readonly Talk[];
  /**
   * The talks around now (and the pick): the only options drawn until the user reaches for the
   * list (focus, pointer), so the panel never builds thousands of options nobody opened.
   */
  nearby?: readonly Talk[];
  /** The talk picked by hand, or null when following the schedule. */
  pickedId: string | null;
  onPick: (id: string | null) => void;
  /** Set while `talks` is only the talks around now: called when the user reaches for the list. */
  onWantAll?: () => void;
}

/** Choose which talk notes go to: follow the schedule, or any clipped talk — or add one by hand. */
export function TalkPicker({ talks, nearby, pickedId, onPick, onWantAll }: TalkPickerProps) {
  const editing = useTalkEditing();
  const [reached, setReached] = useState(false);
  const shown = reached || !nearby || talks.length <= EAGER_OPTIONS ? talks : nearby;
  // Thousands of options cost a long diff: built again only when the talks change, not on every tick.
  const options = useMemo(() => <TalkOptions talks={shown} />, [shown]);
  const reach = () => {
    setReached(true);
    onWantAll?.();
  };
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
        onFocus={reach}
        onPointerEnter={reach}
      >
        <option value="">The talk happening now</option>
        {options}
      </select>
    </div>
  );
}
