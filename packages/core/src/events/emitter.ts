export type Listener<P> = (payload: P) => void;

export interface Emitter<Events extends object> {
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void;
  once<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void;
  off<E extends keyof Events>(event: E, listener: Listener<Events[E]>): void;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  clear(): void;
}

/**
 * A typed event emitter whose listeners are isolated: one that throws is reported through
 * `onListenerError` and neither stops the others nor reaches the code that emitted.
 */
export function createEmitter<Events extends object>(
  onListenerError: (error: unknown, event: keyof Events) => void,
): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();

  const off = <E extends keyof Events>(event: E, listener: Listener<Events[E]>): void => {
    listeners.get(event)?.delete(listener as Listener<never>);
  };
  const on = <E extends keyof Events>(event: E, listener: Listener<Events[E]>): (() => void) => {
    let set = listeners.get(event);
    if (set === undefined) listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => off(event, listener);
  };

  return {
    on,
    off,
    once(event, listener) {
      const wrapped: typeof listener = (payload) => {
        off(event, wrapped);
        listener(payload);
      };
      return on(event, wrapped);
    },
    emit(event, payload) {
      // Copy first: a listener may unsubscribe itself (once) while we iterate.
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as Listener<Events[typeof event]>)(payload);
        } catch (error) {
          onListenerError(error, event);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
