import type { Talk } from '../lib/model';
import { useTalkEditing } from './talk-editing';

export interface EditTalkButtonProps {
  talk: Pick<Talk, 'id' | 'title'>;
  /** Names this button, so focus comes back to it when the editor closes. */
  opener: string;
}

/** "Edit" on a talk's header or card: opens the side panel's talk editor; nothing outside the panel. */
export function EditTalkButton({ talk, opener }: EditTalkButtonProps) {
  const editing = useTalkEditing();
  if (!editing) return null;
  return (
    <button
      type="button"
      class="link-button"
      data-opener={opener}
      aria-label={`Edit talk: ${talk.title}`}
      onClick={() => editing.edit(talk.id, opener)}
    >
      Edit
    </button>
  );
}
