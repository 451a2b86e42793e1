import { type ReadonlySignal, type Signal, signal } from '@preact/signals-core';
import type * as z from 'zod/mini';
import type { Timers } from '../outbox/timers.js';
import { redactStrings } from '../privacy/redact-strings.js';
import type { KeyValueStore } from '../storage/types.js';

const DRAFT_PREFIX = 'draft:';
const SAVE_DELAY_MS = 400;

export interface Drafts<T> {
  get(key: string): ReadonlySignal<T>;
  set(key: string, value: T): void;
  /** Restores drafts saved by an earlier page load (read-only, allowed before interaction). */
  load(): Promise<void>;
  /** Writes pending saves now (shutdown). */
  flush(): Promise<void>;
  reset(): void;
}

/**
 * Drafts kept in signals for the UI and saved to storage shortly after the last keystroke, so
 * a reload or a crash does not lose what the user typed.
 */
export function createDrafts<S extends z.ZodMiniType>(options: {
  namespace: string;
  schema: S;
  empty: () => z.infer<S>;
  store: KeyValueStore;
  timers: Timers;
  redact: (text: string) => string;
  onError: (error: unknown) => void;
}): Drafts<z.infer<S>> {
  type T = z.infer<S>;
  const drafts = new Map<string, Signal<T>>();
  const timers = new Map<string, unknown>();
  /** Keys typed into during this page load: their text is newer than any saved copy. */
  const edited = new Set<string>();
  const prefix = `${DRAFT_PREFIX}${options.namespace}:`;

  const slot = (key: string): Signal<T> => {
    let draft = drafts.get(key);
    if (draft === undefined) drafts.set(key, (draft = signal(options.empty())));
    return draft;
  };
  const save = async (key: string) => {
    timers.delete(key);
    // Stored as it would be sent: a card number typed into the box does not sit in storage.
    const value = redactStrings(slot(key).value, options.redact);
    try {
      const empty = JSON.stringify(value) === JSON.stringify(options.empty());
      if (empty) await options.store.del(prefix + key);
      else await options.store.set(prefix + key, value);
    } catch (error) {
      options.onError(error);
    }
  };

  return {
    get: slot,
    set(key, value) {
      if (JSON.stringify(slot(key).value) === JSON.stringify(value)) return;
      slot(key).value = value;
      edited.add(key);
      const pending = timers.get(key);
      if (pending !== undefined) options.timers.clearTimeout(pending);
      timers.set(
        key,
        options.timers.setTimeout(() => void save(key), SAVE_DELAY_MS),
      );
    },
    async load() {
      try {
        for (const storeKey of await options.store.keys()) {
          if (!storeKey.startsWith(prefix)) continue;
          const parsed = options.schema.safeParse(await options.store.get(storeKey));
          const key = storeKey.slice(prefix.length);
          if (parsed.success && !edited.has(key)) slot(key).value = parsed.data;
        }
      } catch (error) {
        options.onError(error);
      }
    },
    async flush() {
      const keys = [...timers.keys()];
      for (const key of keys) options.timers.clearTimeout(timers.get(key));
      await Promise.all(keys.map(save));
    },
    reset() {
      for (const pending of timers.values()) options.timers.clearTimeout(pending);
      timers.clear();
      edited.clear();
      for (const draft of drafts.values()) draft.value = options.empty();
    },
  };
}
