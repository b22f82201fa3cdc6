import { useLayoutEffect, useRef } from 'preact/hooks';
import { useDb } from './services';
import { useImageUrl } from './useImageUrl';
import './note-image.css';

export interface ImageViewerProps {
  imageId: string;
  alt: string;
  onClose: () => void;
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A note's picture at full size over the panel, as a modal: Tab and Shift+Tab go round its own
 * controls, the page under it does not scroll (wheel, keys), Escape or Close closes it and the
 * opener gives the focus back to the thumbnail.
 */
export function ImageViewer({ imageId, alt, onClose }: ImageViewerProps) {
  const db = useDb();
  const full = useImageUrl(db, imageId, 'full', true);
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    close.current?.focus();
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden'; // the panel scrolls on the document: lock it while the picture is shown
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
        return;
      }
      if (e.key !== 'Tab' || !dialog.current) return;
      const inside = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = inside[0];
      const last = inside.at(-1);
      const at = document.activeElement;
      const outside = !(at instanceof Node && dialog.current.contains(at));
      if (!first || !last) e.preventDefault();
      else if (e.shiftKey && (at === first || outside)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === last || outside)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      root.style.overflow = overflow;
    };
  }, []);
  return (
    <div ref={dialog} class="image-viewer" role="dialog" aria-modal="true" aria-label={`Picture: ${alt}`}>
      <div class="image-viewer-bar">
        <p>
          {alt}
          {full.state === 'ready' && <span class="muted"> · {`${full.width}×${full.height}`}</span>}
        </p>
        <button ref={close} type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <div class="image-viewer-frame">
        {full.state === 'ready' && <img src={full.url} alt={alt} width={full.width} height={full.height} />}
        {full.state === 'missing' && <p class="muted">This picture is no longer stored.</p>}
      </div>
    </div>
  );
}
