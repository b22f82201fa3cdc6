import { render } from 'preact';
import '../../components/theme.css';
import { OptionsPage } from '../../components/OptionsPage';
import { ServicesContext, type PageServices } from '../../components/services';
import { getDb } from '../../lib/db/schema';
import { createExtensionIo } from '../../lib/extension/page-io';

// The page's I/O, given to every component through the context (components/services.ts).
const db = getDb();
const services: PageServices = { db, extension: createExtensionIo(db) };
render(
  <ServicesContext.Provider value={services}>
    <OptionsPage />
  </ServicesContext.Provider>,
  document.getElementById('app')!,
);

// Sync runs in this page while it is open when no side panel runs it (lib/extension/sync-host.ts).
void import('../../lib/extension/sync-host').then((m) => m.hostSync(db));
