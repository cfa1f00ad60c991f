// lib/store: the clip store (Dexie) and its Chinese full-text search.
// Usage: `const store = createStore(openClipDB())` (or `getStore()` for the extension's database),
// then `store.saveClips(...)`, `store.search(...)`, … Every method is async and typed; write
// failures reject with a StoreError whose `code` is 'quota' | 'closed' | 'invalid' | 'unknown'.
export { ClipDB, openClipDB, defaultClipDB, DB_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from './db';
export type { StoredClip } from './db';
export { createStore, getStore, toClip, TRASH_DAYS, DEFAULT_LIMIT } from './store';
export type { Store, StoreOptions } from './store';
export { StoreError, toStoreError } from './errors';
export type { StoreErrorCode } from './errors';
export { clipKeyOf, clipKeysOf } from './key';
export { parseQuery } from './query';
export { highlightQuery } from './snippet';
export { fold } from './fold';
export { EXPORT_FORMAT, EXPORT_VERSION } from './transfer';
export type * from './types';
