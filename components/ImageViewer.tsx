import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { captureCropOf, composeCrop, cropPlace, cropWithin, setCaptureCrop, WHOLE_CROP } from '../lib/images';
import type { CaptureCrop } from '../lib/model';
import { CropEditor } from './CropEditor';
import { useDb } from './services';
import { useImageUrl } from './useImageUrl';
import { useLiveQuery } from './useLiveQuery';
import './note-image.css';

export interface ImageViewerProps {
  imageId: string;
  alt: string;
  onClose: () => void;
  /** A slide capture's talk: the viewer offers to set the crop of its next captures. */
  cropTalkId?: string;
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** A crop's place for the running text: "10 %" never split at the line's end. */
const cropText = (c: CaptureCrop) => cropPlace(c).replaceAll(' %', '\u00a0%');
/** Where a new crop starts when the talk has none: inset, so the rectangle shows. */
const FIRST_CROP: CaptureCrop = { x: 0.1, y: 0.1, width: 0.8, height: 0.8 };

/**
 * A note's picture at full size over the panel, as a modal: Tab and Shift+Tab go round its own
 * controls, the page under it does not scroll (wheel, keys), Escape or Close closes it and the
 * opener gives the focus back to the thumbnail. On a slide capture, a line says whether the talk's
 * captures are cropped (and whether this picture is), so a cut-off slide is explained where it is
 * seen; "Crop next captures…" (or "Change crop…") sets the area of the tab the talk's later
 * captures keep (`CropEditor`); Escape there leaves the crop.
 */
export function ImageViewer({ imageId, alt, onClose, cropTalkId }: ImageViewerProps) {
  const db = useDb();
  const full = useImageUrl(db, imageId, 'full', true);
  const close = useRef<HTMLButtonElement>(null);
  const cropButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  /** The talk's crop as the editor opened (undefined: none), or null while not cropping. */
  const [editing, setEditing] = useState<{ talkCrop: CaptureCrop | undefined } | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Live: the line follows a crop set here, in another panel, or by sync.
  const talkCrop = useLiveQuery<CaptureCrop | undefined>(
    () => (cropTalkId ? captureCropOf(db, cropTalkId).catch(() => undefined) : undefined),
    [db, cropTalkId],
  );
  const currentCrop = talkCrop.status === 'ready' ? talkCrop.value : undefined;
  const leaveCrop = useRef<(() => void) | null>(null);
  leaveCrop.current = editing
    ? () => {
        setEditing(null);
        requestAnimationFrame(() => cropButton.current?.focus());
      }
    : null;
  useLayoutEffect(() => {
    close.current?.focus();
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden'; // the panel scrolls on the document: lock it while the picture is shown
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        if (leaveCrop.current) leaveCrop.current();
        else onClose();
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

  const startCrop = async () => {
    if (!cropTalkId) return;
    setStatus(null);
    setEditing({ talkCrop: await captureCropOf(db, cropTalkId).catch(() => undefined) });
  };
  const saveCrop = async (crop: CaptureCrop | null) => {
    if (!cropTalkId || full.state !== 'ready') return;
    // The rectangle is drawn on this picture, which may itself be a crop of its capture.
    const whole = crop && composeCrop(full.crop ?? WHOLE_CROP, crop);
    const result = await setCaptureCrop(db, cropTalkId, whole);
    setStatus(
      !result.ok
        ? { ok: false, text: result.error.message }
        : result.value
          ? { ok: true, text: 'This talk’s next captures keep this area of the tab.' }
          : { ok: true, text: 'This talk’s next captures keep the whole tab.' },
    );
    leaveCrop.current?.();
  };

  const cropping = editing && full.state === 'ready';
  const pictureCrop = full.state === 'ready' ? (full.crop ?? WHOLE_CROP) : WHOLE_CROP;
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
      {cropping ? (
        <CropEditor
          url={full.url}
          width={full.width}
          height={full.height}
          alt={alt}
          initial={editing.talkCrop ? cropWithin(pictureCrop, editing.talkCrop) : FIRST_CROP}
          hasCrop={!!editing.talkCrop}
          onUse={(crop) => void saveCrop(crop)}
          onClear={() => void saveCrop(null)}
          onCancel={() => leaveCrop.current?.()}
        />
      ) : (
        <>
          <div class="image-viewer-frame">
            {full.state === 'ready' && <img src={full.url} alt={alt} width={full.width} height={full.height} />}
            {full.state === 'missing' && <p class="muted">This picture is no longer stored.</p>}
          </div>
          {cropTalkId && full.state === 'ready' && (
            <div class="image-viewer-foot">
              {talkCrop.status === 'ready' && (
                <p class="muted image-viewer-crop">
                  {currentCrop
                    ? `This talk’s captures are cropped (${cropText(currentCrop)}).`
                    : 'This talk’s captures keep the whole tab.'}
                  {full.crop
                    ? ` This picture was cropped (${cropText(full.crop)}).`
                    : currentCrop && ' This picture shows the whole tab.'}
                </p>
              )}
              <button ref={cropButton} type="button" class="secondary" onClick={() => void startCrop()}>
                {currentCrop ? 'Change crop…' : 'Crop next captures…'}
              </button>
              {status && (
                <p role="status" class={status.ok ? 'muted' : 'error'}>
                  {status.text}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
