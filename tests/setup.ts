// Dexie runs on fake-indexeddb in Node.
import 'fake-indexeddb/auto';
