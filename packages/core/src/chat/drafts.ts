import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals-core';
import type * as z from 'zod/mini';
import type { Timers } from '../outbox/timers.js';
import { redactStrings } from '../privacy/redact-strings.js';
import type { KeyValueStore } from '../storage/types.js';

const DRAFT_PREFIX = 'draft:';
const SAVE_DELAY_MS = 400;

export interface Drafts<T> {
  /** The draft the box shows to whom the page names now. */
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
 *
 * A draft is the writer's, as an outbox item is: typed while the page named a user, it shows only
 * while the page names them again. A host that signs its user out without logout leaves their drafts
 * here; the next person sees an empty box, and what they type is kept apart from them. An anonymous
 * visitor's draft shows to anyone (as their outbox items do), until a user the page names edits it:
 * then it is theirs.
 */
export function createDrafts<S extends z.ZodMiniType>(options: {
  namespace: string;
  schema: S;
  empty: () => z.infer<S>;
  store: KeyValueStore;
  timers: Timers;
  redact: (text: string) => string;
  onError: (error: unknown) => void;
  /** The user the page names (undefined: nobody). */
  owner: () => string | undefined;
}): Drafts<z.infer<S>> {
  type T = z.infer<S>;
  /** By storage key, which names whose draft it is. */
  const drafts = new Map<string, Signal<T>>();
  const views = new Map<string, ReadonlySignal<T>>();
  const timers = new Map<string, unknown>();
  /** Drafts typed into during this page load: their text is newer than any saved copy. */
  const edited = new Set<string>();
  const prefix = `${DRAFT_PREFIX}${options.namespace}`;
  // An anonymous visitor's draft keeps the key drafts had before they had owners.
  const storeKey = (owner: string | undefined, key: string) =>
    owner === undefined ? `${prefix}:${key}` : `${prefix}@${encodeURIComponent(owner)}:${key}`;
  const isEmpty = (value: T) => JSON.stringify(value) === JSON.stringify(options.empty());

  const slot = (id: string): Signal<T> => {
    let draft = drafts.get(id);
    if (draft === undefined) drafts.set(id, (draft = signal(options.empty())));
    return draft;
  };
  const save = async (id: string) => {
    timers.delete(id);
    // Stored as it would be sent: a card number typed into the box does not sit in storage.
    const value = redactStrings(slot(id).value, options.redact);
    try {
      if (isEmpty(value)) await options.store.del(id);
      else await options.store.set(id, value);
    } catch (error) {
      options.onError(error);
    }
  };
  const write = (id: string, value: T) => {
    if (JSON.stringify(slot(id).peek()) === JSON.stringify(value)) return;
    slot(id).value = value;
    edited.add(id);
    const pending = timers.get(id);
    if (pending !== undefined) options.timers.clearTimeout(pending);
    timers.set(
      id,
      options.timers.setTimeout(() => void save(id), SAVE_DELAY_MS),
    );
  };

  return {
    get(key) {
      let view = views.get(key);
      if (view === undefined) {
        view = computed(() => {
          const own = slot(storeKey(options.owner(), key)).value;
          return isEmpty(own) ? slot(storeKey(undefined, key)).value : own;
        });
        views.set(key, view);
      }
      return view;
    },
    set(key, value) {
      const own = storeKey(options.owner(), key);
      const anonymous = storeKey(undefined, key);
      // The box showed the anonymous visitor's draft: what the user the page names makes of it is theirs.
      if (own !== anonymous && isEmpty(slot(own).peek())) write(anonymous, options.empty());
      write(own, value);
    },
    async load() {
      try {
        for (const id of await options.store.keys()) {
          if (!id.startsWith(`${prefix}:`) && !id.startsWith(`${prefix}@`)) continue;
          const parsed = options.schema.safeParse(await options.store.get(id));
          if (parsed.success && !edited.has(id)) slot(id).value = parsed.data;
        }
      } catch (error) {
        options.onError(error);
      }
    },
    async flush() {
      const ids = [...timers.keys()];
      for (const id of ids) options.timers.clearTimeout(timers.get(id));
      await Promise.all(ids.map(save));
    },
    reset() {
      for (const pending of timers.values()) options.timers.clearTimeout(pending);
      timers.clear();
      edited.clear();
      for (const draft of drafts.values()) draft.value = options.empty();
    },
  };
}
