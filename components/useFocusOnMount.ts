import { useEffect } from 'preact/hooks';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Put the caret in a field the moment it appears. `autoFocus` does nothing for an element
 * inserted after the page loaded (Chromium honours it only while the document is parsed), so an
 * editor opened by a click would leave the focus on the button that opened it.
 * `caret`: 'end' puts it after the text (editing a note), 'all' selects the text (a time to retype).
 */
export function useFocusOnMount(ref: { readonly current: Field | null }, caret: 'end' | 'all' = 'end'): void {
  useEffect(() => {
    focusField(ref.current, caret);
  }, []);
}

export function focusField(field: Field | null, caret: 'end' | 'all' = 'end'): void {
  if (!field) return;
  field.focus();
  if (caret === 'all') field.select();
  else {
    const end = field.value.length;
    field.setSelectionRange(end, end);
  }
}
