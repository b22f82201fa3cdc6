// IndexedDB for Dexie under Node; each test file gets a fresh in-memory factory.
import 'fake-indexeddb/auto';
