// Injected on demand (context menu, shortcut, popup), or registered for sites the user allowed:
// paints this page's highlights and turns selections into new ones. No `matches`: WXT would
// turn them into standing host permissions.
import { announceStart } from '../lib/extension/forged-restarts';
import { startHighlighter } from '../lib/extension/highlighter/controller';

const refuseForgedRestarts = announceStart('highlight');

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    refuseForgedRestarts(ctx);
    void startHighlighter(ctx);
  },
});
