/**
 * Worker side of the preview render (render-client.ts): renders recaps off the page's main thread,
 * so a keystroke in the template editor or the Export view never waits for a 2,000-note render.
 * The day's data comes once per change (`input`); each render sends only its options.
 */
import type { RecapInput, RecapOptions } from '../recap';
import { renderExport } from './export-choices';
import { reviveRecapOptions } from './render-revive';

export type RenderRequest =
  | { type: 'input'; inputId: number; input: RecapInput }
  | { type: 'render'; seq: number; inputId: number; options: RecapOptions };

const inputs = new Map<number, RecapInput>();

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'input') {
    // The client keeps one input at a time: older ones are never rendered again.
    inputs.clear();
    inputs.set(msg.inputId, msg.input);
    return;
  }
  const input = inputs.get(msg.inputId);
  scope.postMessage({
    seq: msg.seq,
    result: input
      ? renderExport(input, reviveRecapOptions(msg.options))
      : { ok: false, error: { line: 1, message: 'The preview lost its data: reopen the view.' } },
  });
};
