import type { KeyValueStore } from './types.js';

const DELETED = Symbol('deleted');

/**
 * Holds writes in memory until `gate` opens (the user interacted), so nothing touches persistent storage
 * before then. Reads see the held writes on top of the inner store.
 */
export function createGatedStore(
  inner: KeyValueStore,
  gate: { isOpen(): boolean },
): KeyValueStore & { flush(): Promise<void> } {
  const pending = new Map<string, unknown>();
  let cleared = false;

  async function flush(): Promise<void> {
    if (!gate.isOpen()) return;
    if (cleared) {
      cleared = false;
      await inner.clear();
    }
    const entries = [...pending];
    pending.clear();
    for (const [key, value] of entries) {
      if (value === DELETED) await inner.del(key);
      else await inner.set(key, value);
    }
  }

  return {
    flush,
    async get<T>(key: string) {
      if (pending.has(key)) {
        const value = pending.get(key);
        return value === DELETED ? undefined : (value as T);
      }
      return cleared ? undefined : inner.get<T>(key);
    },
    async keys() {
      const base = cleared ? [] : await inner.keys();
      const all = new Set(base);
      for (const [key, value] of pending) {
        if (value === DELETED) all.delete(key);
        else all.add(key);
      }
      return [...all];
    },
    async set(key, value) {
      pending.set(key, value);
      await flush();
    },
    async del(key) {
      pending.set(key, DELETED);
      await flush();
    },
    async clear() {
      pending.clear();
      cleared = true;
      await flush();
    },
  };
}
