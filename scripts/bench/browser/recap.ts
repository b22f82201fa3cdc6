/** Browser side of the recap benchmark: one day's export rendered with one preset. */
import { renderRecap, type PresetName } from '../../../lib/recap';
import { recapDay } from '../fixtures';

let input: ReturnType<typeof recapDay> | null = null;

/** Generates the day (not timed). */
export function prepare() {
  input = recapDay();
  return { talks: input.talks.length, notes: input.notes.length, highlights: input.highlights.length };
}

/** The timed, cold call: the first render in this page. */
export function run(preset: PresetName) {
  const t0 = performance.now();
  const result = renderRecap(input!, { preset });
  const ms = performance.now() - t0;
  return { ms, ok: result.ok, chars: result.ok ? result.markdown.length : 0 };
}

/** Best of three more renders in the same page (JIT-compiled, caches warm), for the small print. */
export function warm(preset: PresetName) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    renderRecap(input!, { preset });
    best = Math.min(best, performance.now() - s);
  }
  return best;
}
