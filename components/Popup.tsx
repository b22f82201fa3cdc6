import { useEffect, useState } from 'preact/hooks';
import type { ClipResponse } from '../lib/messages';

export interface PopupProps {
  /** The page the popup acts on, or null when there is none (a browser page, say). */
  target: { tabId: number; url: string; title: string } | null;
  clip: (tabId: number) => Promise<ClipResponse>;
  openSidePanel: () => Promise<void>;
}

function summary(res: ClipResponse): string {
  if (!res.ok) return res.message ?? 'No talk found on this page.';
  const parts = [
    res.added && `${res.added} added`,
    res.updated && `${res.updated} updated`,
    res.skipped && `${res.skipped} already clipped`,
  ].filter(Boolean);
  return `Clipped: ${parts.join(', ')}.`;
}

/** The toolbar popup: clip the current page, open the panel. */
export function Popup({ target, clip, openSidePanel }: PopupProps) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ClipResponse | null>(null);
  const [panelError, setPanelError] = useState<string | null>(null);
  useEffect(() => setResult(null), [target?.tabId]);

  const onClip = async () => {
    if (!target) return;
    setBusy(true);
    try {
      setResult(await clip(target.tabId));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ padding: '.75rem', width: '320px' }}>
      <h1>Talkmark</h1>
      {target ? (
        <p class="meta muted" title={target.url}>
          {target.title || target.url}
        </p>
      ) : (
        <p class="meta muted">Open a talk’s schedule page to clip it.</p>
      )}
      <p style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap' }}>
        <button type="button" onClick={onClip} disabled={!target || busy}>
          {busy ? 'Clipping…' : 'Clip this talk'}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => openSidePanel().catch((e: unknown) => setPanelError(e instanceof Error ? e.message : String(e)))}
        >
          Open side panel
        </button>
      </p>
      <p role="status" class={result && !result.ok ? 'error' : 'ok'}>
        {result ? summary(result) : ''}
      </p>
      {panelError && <p class="error">{panelError}</p>}
    </main>
  );
}
