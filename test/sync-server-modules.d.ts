// Test-only server modules, untyped.
declare module 'pouchdb-adapter-memory';
declare module 'express-pouchdb';
declare module 'express';
