import { type ReadonlySignal, type Signal, signal } from '@preact/signals-core';
import type { Timers } from '../outbox/timers.js';

/** Agents stop "typing" on their own if no update arrives for this long (a lost typing-off). */
export const TYPING_TIMEOUT_MS = 6_000;

export interface TypingTracker {
  get(conversationId: string): ReadonlySignal<string[]>;
  update(conversationId: string, name: string, typing: boolean): void;
  reset(): void;
}

export function createTypingTracker(timers: Timers): TypingTracker {
  const typing = new Map<string, Signal<string[]>>();
  const expiries = new Map<string, unknown>();
  const slot = (id: string) => {
    let names = typing.get(id);
    if (names === undefined) typing.set(id, (names = signal<string[]>([])));
    return names;
  };
  const stop = (id: string, name: string) => {
    const key = `${id}\u0000${name}`;
    const expiry = expiries.get(key);
    if (expiry !== undefined) timers.clearTimeout(expiry);
    expiries.delete(key);
    slot(id).value = slot(id).value.filter((other) => other !== name);
  };
  return {
    get: slot,
    update(id, name, isTyping) {
      stop(id, name);
      if (!isTyping) return;
      slot(id).value = [...slot(id).value, name];
      expiries.set(
        `${id}\u0000${name}`,
        timers.setTimeout(() => stop(id, name), TYPING_TIMEOUT_MS),
      );
    },
    reset() {
      for (const expiry of expiries.values()) timers.clearTimeout(expiry);
      expiries.clear();
      for (const names of typing.values()) names.value = [];
    },
  };
}
