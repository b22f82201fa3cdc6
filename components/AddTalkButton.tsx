import { useTalkEditing } from './talk-editing';

/** "Add a talk": a hallway talk or an unconference slot, by hand. Shown only where the editor lives. */
export function AddTalkButton() {
  const editing = useTalkEditing();
  if (!editing) return null;
  return (
    <p class="add-talk">
      <button type="button" class="secondary" data-opener="add-talk" onClick={() => editing.add('add-talk')}>
        Add a talk
      </button>
    </p>
  );
}
