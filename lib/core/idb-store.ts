/**
 * The background's persistent KeyValueStore: an IndexedDB database of the extension's own origin.
 * Content scripts run in the page's origin, so unlike `storage.local` (which every content
 * script of the extension can read and write) they cannot open it: settings, action switches,
 * pending and result records, the audit log, sealed secrets and links are out of their reach.
 * Extension pages reach it only through the background's messages.
 */
import type { KeyValueStore } from './kv-store';

export const STATE_DB = 'gladly-bigcommerce-state';
const STORE = 'kv';

export interface IndexedDbStore extends KeyValueStore {
  keys(): Promise<string[]>;
}

export function indexedDbStore(factory: IDBFactory, dbName: string = STATE_DB): IndexedDbStore {
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= open(factory, dbName).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
    const database = await db();
    const transaction = database.transaction(STORE, mode);
    const result = await request<T>(work(transaction.objectStore(STORE)));
    // A write counts once it is committed, not merely queued.
    if (mode === 'readwrite') await done(transaction);
    return result;
  }
  return {
    get: <T>(key: string) => run<T | undefined>('readonly', (store) => store.get(key)),
    async set(key, value) {
      await run('readwrite', (store) => store.put(value, key));
    },
    async remove(key) {
      await run('readwrite', (store) => store.delete(key));
    },
    async keys() {
      return (await run<IDBValidKey[]>('readonly', (store) => store.getAllKeys())).map(String);
    },
  };
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      const database = req.result;
      // Another context upgrading the database: let it, and open again on the next call.
      database.onversionchange = () => database.close();
      resolve(database);
    };
    req.onerror = () => reject(new Error('The extension could not open its storage in this browser profile.'));
    req.onblocked = () => reject(new Error('The extension storage is busy in another window. Try again.'));
  });
}

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}
