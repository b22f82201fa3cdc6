import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TalkmarkDB } from '../lib/db/schema';
import type { ExtensionIo } from '../lib/extension/page-io';

/**
 * The I/O of an extension page's components: its database and the extension calls. Each page's
 * `main.tsx` creates them and provides them here, so components never reach for `getDb()` or
 * `browser` themselves, and a test renders any of them over a fake-indexeddb database and fake
 * extension calls. (The popup takes its I/O as props instead: it is one component.)
 */
export interface PageServices {
  db: TalkmarkDB;
  extension: ExtensionIo;
}

export const ServicesContext = createContext<PageServices | null>(null);

/** The page's services; a component rendered without a provider is a wiring mistake, said at once. */
export function useServices(): PageServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('No PageServices: render the page inside <ServicesContext.Provider>.');
  return services;
}

export const useDb = (): TalkmarkDB => useServices().db;
export const useExtensionIo = (): ExtensionIo => useServices().extension;
