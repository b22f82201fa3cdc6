export type AuthorScope = 'everyone' | 'mine';

export interface AuthorFilterProps {
  scope: AuthorScope;
  /** How many notes each choice shows. */
  everyone: number;
  mine: number;
  onScope: (scope: AuthorScope) => void;
}

/**
 * "Everyone · Only mine": which of a talk's notes the list shows. A named group of toggle buttons
 * (`aria-pressed`), one Tab stop each, as the kind chips: see Composer. The note list renders it only
 * when someone else wrote a note for the talk; alone, the user never sees it.
 */
export function AuthorFilter({ scope, everyone, mine, onScope }: AuthorFilterProps) {
  const choice = (value: AuthorScope, label: string, count: number) => (
    <button type="button" class="chip" aria-pressed={scope === value} onClick={() => onScope(value)}>
      {label} ({count})
    </button>
  );
  return (
    <fieldset class="kinds author-filter">
      <legend class="visually-hidden">Whose notes</legend>
      {choice('everyone', 'Everyone', everyone)}
      {choice('mine', 'Only mine', mine)}
    </fieldset>
  );
}
