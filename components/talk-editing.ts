import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * Opening the talk editor from anywhere in the side panel (the talk header, an Agenda card, the
 * talk picker) without threading callbacks through every view. The side panel provides it; a
 * component rendered without it (the popup, a test) simply shows no edit buttons.
 */
export interface TalkEditing {
  /** Edit a stored talk. `opener` names the button that asked, so focus can go back to it. */
  edit: (talkId: string, opener?: string) => void;
  /** Add a talk by hand (a hallway talk, an unconference slot). */
  add: (opener?: string) => void;
}

export const TalkEditingContext = createContext<TalkEditing | null>(null);

export const useTalkEditing = (): TalkEditing | null => useContext(TalkEditingContext);
