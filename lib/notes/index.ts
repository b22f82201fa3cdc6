// Timing and note logic for the side panel. Pure functions plus Dexie helpers taking a TalkmarkDB.
export * from './composer';
export * from './offsets';
export * from './spans';
export * from './now-next';
export * from './current-talk';
export * from './conflicts';
export * from '../db/storage-errors';
export * from './notes-store';
export * from './drafts';
export * from './draft-mirror';
export * from './edit-mirror';
export * from './fold';
export * from './snippet';
export * from './search';
