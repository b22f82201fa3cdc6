import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RecapInput, RecapOptions, RecapResult } from '../lib/recap';
import { renderExport } from '../lib/export/export-choices';
import { canUseRenderWorker, startRecapRenderer, type RecapRenderer } from '../lib/export/render-client';

export interface RecapRequest {
  input: RecapInput;
  options: RecapOptions;
}

export interface RenderedRecap {
  /** The request this result answers (the latest one once the render is in). */
  request: RecapRequest;
  result: RecapResult;
}

/**
 * The recap for `request` (memoize it: a new object is a new render), rendered in a worker so
 * keystrokes never wait for it. Until the first answer, null; after that the previous recap stays
 * shown until the next one is in. Without workers (jsdom), rendered right here, as before.
 */
export function useRecapRender(request: RecapRequest | null): RenderedRecap | null {
  const [worker] = useState(canUseRenderWorker);
  const renderer = useRef<RecapRenderer | null>(null);
  const [done, setDone] = useState<RenderedRecap | null>(null);
  const here = useMemo(
    () => (worker || !request ? null : { request, result: renderExport(request.input, request.options) }),
    [worker, request],
  );
  useEffect(() => {
    if (!worker) return;
    renderer.current = startRecapRenderer();
    return () => {
      renderer.current?.dispose();
      renderer.current = null;
    };
  }, [worker]);
  useEffect(() => {
    if (!worker || !request || !renderer.current) return;
    let live = true;
    void renderer.current.render(request.input, request.options).then((result) => {
      if (live) setDone({ request, result });
    });
    return () => {
      live = false;
    };
  }, [worker, request]);
  if (!worker) return here;
  return request ? done : null;
}
