/**
 * Preview renders in a Web Worker (render-worker.ts): the main thread only posts the options and
 * shows the answer, so typing is never blocked by a render. Where no worker can start (tests in
 * jsdom, a worker that failed), renders run on the calling thread, as before.
 */
import type { RecapInput, RecapOptions, RecapResult } from '../recap';
import { renderExport } from './export-choices';
import type { RenderRequest } from './render-worker';
// Vite bundles the worker on its own (one file, liquidjs included) and gives its constructor.
import RenderWorker from './render-worker?worker';

type Reply = { seq: number; result: RecapResult };

export class RecapRenderer {
  private worker: Worker | null;
  private inputIds = new WeakMap<RecapInput, number>();
  private sentInput: RecapInput | null = null;
  private nextId = 1;
  private waiting = new Map<number, { resolve: (r: RecapResult) => void; input: RecapInput; options: RecapOptions }>();

  constructor(worker: Worker | null) {
    this.worker = worker;
    worker?.addEventListener('message', (e: MessageEvent<Reply>) => {
      const w = this.waiting.get(e.data.seq);
      this.waiting.delete(e.data.seq);
      w?.resolve(e.data.result);
    });
    // A worker that cannot run (blocked, crashed) hands its renders back to this thread.
    worker?.addEventListener('error', () => this.fallBack());
  }

  /** Resolves with the recap; renders arrive in the order asked. */
  render(input: RecapInput, options: RecapOptions): Promise<RecapResult> {
    if (!this.worker) return Promise.resolve(renderExport(input, options));
    let inputId = this.inputIds.get(input);
    if (inputId === undefined || this.sentInput !== input) {
      inputId ??= this.nextId++;
      this.inputIds.set(input, inputId);
      this.sentInput = input;
      this.post({ type: 'input', inputId, input });
    }
    const seq = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(seq, { resolve, input, options });
      this.post({ type: 'render', seq, inputId, options });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private post(msg: RenderRequest): void {
    try {
      this.worker!.postMessage(msg);
    } catch {
      // Data that cannot be cloned: render here.
      this.fallBack();
    }
  }

  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of pending) w.resolve(renderExport(w.input, w.options));
  }
}

/** Whether this page can start the render worker (not in jsdom tests). */
export const canUseRenderWorker = (): boolean => typeof Worker !== 'undefined';

/** A renderer backed by a new worker; the caller disposes it. */
export function startRecapRenderer(): RecapRenderer {
  let worker: Worker | null = null;
  try {
    worker = new RenderWorker();
  } catch {
    worker = null;
  }
  return new RecapRenderer(worker);
}
