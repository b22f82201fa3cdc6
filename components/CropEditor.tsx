import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  CROP_BIG_STEP,
  CROP_STEP,
  cropFromDrag,
  cropPlace,
  moveCrop,
  type Point,
  resizeCrop,
} from '../lib/images/crop';
import type { CaptureCrop } from '../lib/model';

export interface CropEditorProps {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** Where the rectangle starts, as fractions of this picture. */
  initial: CaptureCrop;
  /** The talk already has a crop: offer to clear it. */
  hasCrop: boolean;
  onUse: (crop: CaptureCrop) => void;
  onClear: () => void;
  onCancel: () => void;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Choosing the area of the tab a talk's slide captures keep, on one of its pictures: drag a
 * rectangle over it with the mouse (or a finger, or a pen), or with the keyboard on the
 * rectangle, arrow keys move it and Shift with arrow keys resizes it (Ctrl or ⌘: ten times
 * further). The maths is lib/images/crop.ts.
 */
export function CropEditor({ url, width, height, alt, initial, hasCrop, onUse, onClear, onCancel }: CropEditorProps) {
  const [crop, setCrop] = useState(initial);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<{ from: Point; pointer: number } | null>(null);
  const rect = useRef<HTMLButtonElement>(null);
  // The keys work at once: the focus lands on the rectangle, in the click's own task.
  useLayoutEffect(() => rect.current?.focus(), []);

  const pointAt = (e: PointerEvent): Point => {
    const box = frame.current!.getBoundingClientRect();
    return { x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height };
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 || !frame.current) return;
    e.preventDefault(); // no image drag, no text selection
    frame.current.setPointerCapture(e.pointerId);
    drag.current = { from: pointAt(e), pointer: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current?.pointer !== e.pointerId) return;
    setCrop(cropFromDrag(drag.current.from, pointAt(e)));
  };
  const onPointerUp = (e: PointerEvent) => {
    if (drag.current?.pointer !== e.pointerId) return;
    setCrop(cropFromDrag(drag.current.from, pointAt(e)));
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const arrow = ARROWS[e.key];
    if (!arrow || e.altKey) return;
    e.preventDefault();
    const step = e.ctrlKey || e.metaKey ? CROP_BIG_STEP : CROP_STEP;
    const [dx, dy] = [arrow[0] * step, arrow[1] * step];
    setCrop((c) => (e.shiftKey ? resizeCrop(c, dx, dy) : moveCrop(c, dx, dy)));
  };

  const where = cropPlace(crop);
  return (
    <div class="crop-editor">
      <p id="crop-help" class="crop-help">
        Drag over the slide area. On the rectangle: arrow keys move it, Shift + arrow keys resize it.
      </p>
      <div class="crop-stage">
        <div
          ref={frame}
          class="crop-frame"
          style={{ aspectRatio: `${width} / ${height}`, '--crop-ratio': `${width / height}` }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => (drag.current = null)}
        >
          <img src={url} alt={alt} width={width} height={height} draggable={false} />
          <button
            ref={rect}
            type="button"
            class="crop-rect"
            aria-label={`Crop area: ${where}`}
            aria-describedby="crop-help"
            onKeyDown={onKeyDown}
            style={{
              left: `${crop.x * 100}%`,
              top: `${crop.y * 100}%`,
              width: `${crop.width * 100}%`,
              height: `${crop.height * 100}%`,
            }}
          />
        </div>
      </div>
      <p class="crop-size muted" aria-live="polite">
        {where}
      </p>
      <div class="crop-actions">
        <button type="button" onClick={() => onUse(crop)}>
          Use this crop for this talk’s next captures
        </button>
        {hasCrop && (
          <button type="button" class="secondary" onClick={onClear}>
            Clear crop
          </button>
        )}
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
