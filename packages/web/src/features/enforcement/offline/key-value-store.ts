/**
 * The few operations the offline queue needs from on-device storage. The browser uses IndexedDB
 * (indexed-db-store.ts), which keeps photos as Blobs; tests and browsers without IndexedDB use the
 * in-memory store, which keeps the same contract but not across reloads.
 */
export interface KeyValueStore<V> {
  get(key: string): Promise<V | undefined>;
  put(key: string, value: V): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every value, in key order. */
  values(): Promise<V[]>;
}

/** Values are copied in and out with structuredClone, as IndexedDB does, so no caller shares state. */
export function createMemoryStore<V>(): KeyValueStore<V> {
  const entries = new Map<string, V>();
  return {
    get: async (key) => (entries.has(key) ? structuredClone(entries.get(key)) : undefined),
    put: async (key, value) => {
      entries.set(key, structuredClone(value));
    },
    delete: async (key) => {
      entries.delete(key);
    },
    values: async () => [...entries.keys()].sort().map((key) => structuredClone(entries.get(key)) as V),
  };
}
