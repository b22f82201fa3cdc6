import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import { keepEarlyKeys } from '../../components/earlyKeys';
import { ServicesContext, type PageServices } from '../../components/services';
import { SidePanel } from '../../components/SidePanel';
import { setPanelFirstRead } from '../../components/firstRead';
import { getDb } from '../../lib/db/schema';
import { readPanelFirst } from '../../lib/talks/panel-first-read';
import { createExtensionIo } from '../../lib/extension/page-io';
import { OPEN_PANEL_COMMAND, parseMessage } from '../../lib/messages';

// The panel places its own scroll (the newest note above the note box, components/NoteList.tsx):
// a reload must not put back an old position over it a moment later.
history.scrollRestoration = 'manual';
// First of all: keys typed while the panel is still reading its talks go to the note box.
keepEarlyKeys();
const root = document.getElementById('app')!;
// The panel's I/O, given to every component through the context (components/services.ts).
const db = getDb();
// What the first frame shows, in one read started now (lib/talks/panel-first-read.ts); a failed
// read is no error here: the components then read for themselves, and say what failed.
const firstRead = readPanelFirst(db, Date.now()).then(setPanelFirstRead, () => {});
const services: PageServices = { db, extension: createExtensionIo(db) };
let focusSignal = 0;
let shortcut: string | null = null;
const openSettings = () => void browser.runtime.openOptionsPage();
let drawn = false;
const draw = () => {
  drawn = true;
  render(
    <ServicesContext.Provider value={services}>
      <SidePanel shortcut={shortcut} focusSignal={focusSignal} onOpenSettings={openSettings} />
    </ServicesContext.Provider>,
    root,
  );
};

// The shortcut fired while the panel is open: jump to the note box.
browser.runtime.onMessage.addListener((raw, sender) => {
  if (sender.id !== browser.runtime.id || parseMessage(raw)?.type !== 'focus-composer') return undefined;
  focusSignal++;
  if (drawn) draw(); // else the first render puts the caret in the box anyway
  return undefined;
});

// The first render waits for that read (a blank panel for those milliseconds instead of a frame
// of "Loading…" and a second render), but not for long: a database held up by an upgrade in
// another page renders now, and the components' own reads wait for it.
void Promise.race([firstRead, new Promise((r) => setTimeout(r, 500))]).then(draw);
browser.commands
  .getAll()
  .then((commands) => {
    shortcut = commands.find((c) => c.name === OPEN_PANEL_COMMAND)?.shortcut ?? '';
    if (drawn) draw();
  })
  .catch(() => {});

// Sync (when the user turned it on) runs in this page while it is open, loaded once the panel
// has drawn: PouchDB never weighs on the first render (lib/extension/sync-host.ts).
setTimeout(() => void import('../../lib/extension/sync-host').then((m) => m.hostSync(db)), 1_500);
