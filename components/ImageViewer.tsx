import { useEffect, useRef } from 'preact/hooks';
import { useDb } from './services';
import { useImageUrl } from './useImageUrl';
import './note-image.css';

export interface ImageViewerProps {
  imageId: string;
  alt: string;
  onClose: () => void;
}

/** A note's picture at full size over the panel; Escape or the Close button closes it. */
export function ImageViewer({ imageId, alt, onClose }: ImageViewerProps) {
  const db = useDb();
  const full = useImageUrl(db, imageId, 'full', true);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class="image-viewer" role="dialog" aria-modal="true" aria-label={`Picture: ${alt}`}>
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
