import type { HelplineClient } from '@helpline/core';

/**
 * The provider's widget of the moment. React's strict mode mounts, shuts down and mounts again: a
 * command must reach the instance alive when it runs, and one issued while none is waits for the next.
 */
export interface LiveClient {
  get(): Promise<HelplineClient>;
  set(instance: HelplineClient): void;
  clear(): void;
}

export function createLiveClient(): LiveClient {
  let current: HelplineClient | undefined;
  let waiting: Array<(instance: HelplineClient) => void> = [];
  return {
    get: () => (current ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve))),
    set(instance) {
      current = instance;
      const woken = waiting;
      waiting = [];
      for (const resolve of woken) resolve(instance);
    },
    clear() {
      current = undefined;
    },
  };
}
