export type AuthorScope = 'everyone' | 'mine';

export interface AuthorFilterProps {
  scope: AuthorScope;
  /** How many notes each choice shows. */
  everyone: number;
  mine: number;
  onScope: (scope: AuthorScope) => void;
}

/**
 * "Everyone · Only mine": which of a talk's notes the list shows. The note list renders it only
 * when someone else wrote a note for the talk; alone, the user never sees it.
 */
export function AuthorFilter({ scope, everyone, mine, onScope }: AuthorFilterProps) {
  const choice = (value: AuthorScope, label: string, count: number) => (
    <button type="button" class="chip" role="radio" aria-checked={scope === value} onClick={() => onScope(value)}>
      {label} ({count})
    </button>
  );
  return (
    <div class="kinds author-filter" role="radiogroup" aria-label="Whose notes">
      {choice('everyone', 'Everyone', everyone)}
      {choice('mine', 'Only mine', mine)}
    </div>
  );
}
