// PouchDB, built from its parts (docs/sync-design.md): core, the IndexedDB adapter, the HTTP
// adapter and the replicator. Never `pouchdb-browser`: it adds map/reduce, whose string views
// are code taken from documents. Imported only by the sync runner, which pages load on demand.
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(idb).plugin(http).plugin(replication);

export { PouchDB };
