// On Sched pages: an in-page "Clip" control beside each session. Kept tiny: no extractor here —
// the worker injects the extraction script only when the user clicks.
import { announceStart } from '../lib/extension/forged-restarts';
import { mountClipButtons } from '../lib/extension/inpage-clip';

const refuseForgedRestarts = announceStart('sched');

export default defineContentScript({
  matches: ['https://*.sched.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    refuseForgedRestarts(ctx);
    mountClipButtons(ctx, document);
  },
});
