import { useEffect, useRef, useState } from 'preact/hooks';
import { useDb } from './services';
import { ImageViewer } from './ImageViewer';
import { useImageUrl } from './useImageUrl';
import './note-image.css';

export interface NoteImageThumbProps {
  imageId: string;
  /** What the picture is (the note's text): the thumbnail's and the full view's alt text. */
  alt: string;
  /** A slide capture's talk: its full view offers to crop the talk's next captures. */
  cropTalkId?: string;
}

/**
 * A note's picture in the list: an empty fixed-size box until it nears the viewport, then the
 * thumbnail (so the panel's first render reads no image at all). A click opens the full view.
 */
export function NoteImageThumb({ imageId, alt, cropTalkId }: NoteImageThumbProps) {
  const db = useDb();
  const button = useRef<HTMLButtonElement>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const el = button.current;
    if (near || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  const thumb = useImageUrl(db, imageId, 'thumb', near);
  if (thumb.state === 'missing')
    return <p class="note-thumb-missing">Image missing (not in this browser’s storage).</p>;
  return (
    <>
      <button
        ref={button}
        type="button"
        class="note-thumb"
        aria-label={`Show the picture full size: ${alt}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {thumb.state === 'ready' && <img src={thumb.url} alt={alt} width={thumb.width} height={thumb.height} />}
      </button>
      {open && (
        <ImageViewer
          imageId={imageId}
          alt={alt}
          cropTalkId={cropTalkId}
          onClose={() => {
            setOpen(false);
            button.current?.focus(); // back where the viewer was opened from
          }}
        />
      )}
    </>
  );
}
