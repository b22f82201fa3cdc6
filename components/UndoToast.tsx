import { useEffect } from 'preact/hooks';

export interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  /** How long the offer stands. */
  timeoutMs?: number;
}

/** "Note deleted — Undo": a deletion is reversible for a few seconds. */
export function UndoToast({ message, onUndo, onDismiss, timeoutMs = 8000 }: UndoToastProps) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, timeoutMs);
    return () => clearTimeout(timer);
  }, [message]);
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
