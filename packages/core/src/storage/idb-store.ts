import { clear, del, get, keys, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { createMemoryStore } from './memory-store.js';
import type { KeyValueStore } from './types.js';

export interface IdbStoreDeps {
  indexedDB?: IDBFactory;
  /** Called once, when IndexedDB fails and the store falls back to memory. */
  onError?: (error: unknown) => void;
}

const STORE_NAME = 'kv';

function openStore(factory: IDBFactory, dbName: string): UseStore {
  const request = factory.open(dbName);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
  const db = promisifyRequest(request);
  return (mode, callback) => db.then((d) => callback(d.transaction(STORE_NAME, mode).objectStore(STORE_NAME)));
}

/**
 * IndexedDB-backed store (idb-keyval layout: database `dbName`, object store `kv`). Opens lazily, and
 * reads never create the database, so a page that only looks leaves no storage behind. Any IndexedDB
 * failure (private mode, quota, blocked) switches the store to memory for the rest of the page's life.
 */
export function createIdbStore(dbName = 'helpline', deps: IdbStoreDeps = {}): KeyValueStore {
  const factory = deps.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  const memory = createMemoryStore();
  let failed = factory === undefined;
  let store: UseStore | undefined;

  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    deps.onError?.(error);
  };
  const open = (): UseStore => {
    store ??= openStore(factory as IDBFactory, dbName);
    return store;
  };
  const exists = async (): Promise<boolean> => {
    if (store || typeof factory?.databases !== 'function') return true;
    const list = await factory.databases();
    return list.some((info) => info.name === dbName);
  };
  async function read<T>(op: (s: UseStore) => Promise<T>, fallback: () => Promise<T>, empty: T): Promise<T> {
    if (failed) return fallback();
    try {
      if (!(await exists())) return empty;
      return await op(open());
    } catch (error) {
      fail(error);
      return fallback();
    }
  }
  async function write(op: (s: UseStore) => Promise<void>, fallback: () => Promise<void>): Promise<void> {
    if (!failed) {
      try {
        return await op(open());
      } catch (error) {
        fail(error);
      }
    }
    return fallback();
  }

  return {
    get: <T>(key: string) =>
      read<T | undefined>(
        (s) => get<T>(key, s),
        () => memory.get<T>(key),
        undefined,
      ),
    keys: () =>
      read<string[]>(
        async (s) => (await keys(s)).map(String),
        () => memory.keys(),
        [],
      ),
    set: (key, value) =>
      write(
        (s) => set(key, value, s),
        () => memory.set(key, value),
      ),
    del: (key) =>
      write(
        (s) => del(key, s),
        () => memory.del(key),
      ),
    clear: () =>
      write(
        (s) => clear(s),
        () => memory.clear(),
      ),
  };
}
