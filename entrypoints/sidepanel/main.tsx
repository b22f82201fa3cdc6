import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { keepEarlyKeys } from '../../components/earlyKeys';
import { ServicesContext, type PageServices } from '../../components/services';
import { SidePanel } from '../../components/SidePanel';
import { getDb } from '../../lib/db/schema';
import { createExtensionIo } from '../../lib/extension/page-io';
import { OPEN_PANEL_COMMAND, parseMessage } from '../../lib/messages';

// First of all: keys typed while the panel is still reading its talks go to the note box.
keepEarlyKeys();
const root = document.getElementById('app')!;
// The panel's I/O, given to every component through the context (components/services.ts).
const db = getDb();
const services: PageServices = { db, extension: createExtensionIo(db) };
let focusSignal = 0;
let shortcut: string | null = null;
const openSettings = () => void browser.runtime.openOptionsPage();
const draw = () =>
  render(
    <ServicesContext.Provider value={services}>
      <SidePanel shortcut={shortcut} focusSignal={focusSignal} onOpenSettings={openSettings} />
    </ServicesContext.Provider>,
    root,
  );

// The shortcut fired while the panel is open: jump to the note box.
browser.runtime.onMessage.addListener((raw, sender) => {
  if (sender.id !== browser.runtime.id || parseMessage(raw)?.type !== 'focus-composer') return undefined;
  focusSignal++;
  draw();
  return undefined;
});

draw();
browser.commands
  .getAll()
  .then((commands) => {
    shortcut = commands.find((c) => c.name === OPEN_PANEL_COMMAND)?.shortcut ?? '';
    draw();
  })
  .catch(() => {});

// Sync (when the user turned it on) runs in this page while it is open, loaded once the panel
// has drawn: PouchDB never weighs on the first render (lib/extension/sync-host.ts).
setTimeout(() => void import('../../lib/extension/sync-host').then((m) => m.hostSync(db)), 1_500);
