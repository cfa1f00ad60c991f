// Unit-test setup: an in-memory IndexedDB for Dexie (fake-indexeddb) in every environment.
import 'fake-indexeddb/auto';
