import type { KeyValueStore } from './key-value-store.ts';

/*
 * A small promise wrapper around IndexedDB: one database, several object stores with out-of-line
 * string keys. Each call is its own transaction, so a value is durable once its promise resolves
 * (the transaction's `complete` event, not the request's `success`).
 */

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Opens (creating or upgrading) the database with these object stores. */
export function openDatabase(
  factory: IDBFactory,
  name: string,
  version: number,
  storeNames: readonly string[],
): Promise<IDBDatabase> {
  const request = factory.open(name, version);
  request.onupgradeneeded = () => {
    for (const store of storeNames) {
      if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
    }
  };
  return requestResult(request);
}

export function createIndexedDbStore<V>(database: IDBDatabase, storeName: string): KeyValueStore<V> {
  async function write(action: (store: IDBObjectStore) => void): Promise<void> {
    const transaction = database.transaction(storeName, 'readwrite');
    action(transaction.objectStore(storeName));
    await transactionDone(transaction);
  }
  function read<T>(action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return requestResult(action(database.transaction(storeName, 'readonly').objectStore(storeName)));
  }
  return {
    get: (key) => read((store) => store.get(key) as IDBRequest<V | undefined>),
    put: (key, value) => write((store) => store.put(value, key)),
    delete: (key) => write((store) => store.delete(key)),
    values: () => read((store) => store.getAll() as IDBRequest<V[]>),
  };
}
