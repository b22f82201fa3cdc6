// PouchDB ships no types; the mirror uses its own typed slice (pouch-types.ts).
declare module 'pouchdb-core' {
  // biome-ignore lint/suspicious/noExplicitAny: untyped library, narrowed at the call sites
  const PouchDB: any;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
