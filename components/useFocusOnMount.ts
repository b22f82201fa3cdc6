import { useLayoutEffect } from 'preact/hooks';

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Put the caret in a field the moment it appears. `autoFocus` does nothing for an element
 * inserted after the page loaded (Chromium honours it only while the document is parsed), so an
 * editor opened by a click would leave the focus on the button that opened it.
 * `caret`: 'end' puts it after the text (editing a note), 'all' selects the text (a time to retype).
 * A layout effect, not an effect: it runs in the same task as the click that opened the editor,
 * so keys typed right after the click land in the field even when the machine is busy (an
 * effect waits for the next frame, and under load the first keys went to the page).
 */
export function useFocusOnMount(ref: { readonly current: Field | null }, caret: 'end' | 'all' = 'end'): void {
  useLayoutEffect(() => {
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
