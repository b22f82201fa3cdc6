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
type Pending = { resolve: (r: RecapResult) => void; input: RecapInput; options: RecapOptions };

export class RecapRenderer {
  private worker: Worker | null;
  private inputIds = new WeakMap<RecapInput, number>();
  private sentInput: RecapInput | null = null;
  private nextId = 1;
  private waiting = new Map<number, Pending>();
  private queued: Pending | null = null;

  constructor(worker: Worker | null) {
    this.worker = worker;
    worker?.addEventListener('message', (e: MessageEvent<Reply>) => {
      const w = this.waiting.get(e.data.seq);
      this.waiting.delete(e.data.seq);
      w?.resolve(e.data.result);
      this.sendQueued();
    });
    // A worker that cannot run (blocked, crashed) hands its renders back to this thread.
    worker?.addEventListener('error', () => this.fallBack());
  }

  /**
   * Resolves with the recap. While the worker renders, only the newest request waits its turn:
   * one it replaces never resolves (nobody shows it), so typing never queues up stale renders.
   */
  render(input: RecapInput, options: RecapOptions): Promise<RecapResult> {
    if (!this.worker) return Promise.resolve(renderExport(input, options));
    return new Promise((resolve) => {
      this.queued = { resolve, input, options };
      if (this.waiting.size === 0) this.sendQueued();
    });
  }

  private sendQueued(): void {
    const next = this.queued;
    this.queued = null;
    if (!next || !this.worker) return;
    let inputId = this.inputIds.get(next.input);
    if (inputId === undefined || this.sentInput !== next.input) {
      inputId ??= this.nextId++;
      this.inputIds.set(next.input, inputId);
      this.sentInput = next.input;
      this.post({ type: 'input', inputId, input: next.input });
    }
    const seq = this.nextId++;
    this.waiting.set(seq, next);
    this.post({ type: 'render', seq, inputId, options: next.options });
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
    const pending = [...this.waiting.values(), ...(this.queued ? [this.queued] : [])];
    this.waiting.clear();
    this.queued = null;
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
