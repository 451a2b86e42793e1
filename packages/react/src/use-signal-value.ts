import type { ReadonlySignal } from '@helpline/core';
import { useCallback, useSyncExternalStore } from 'react';

/** Reads a core signal in React, re-rendering on change (signals' `subscribe` runs once immediately). */
export function useSignalValue<T>(signal: ReadonlySignal<T> | undefined, fallback: T): T {
  const subscribe = useCallback(
    (onChange: () => void) => (signal ? signal.subscribe(() => onChange()) : () => {}),
    [signal],
  );
  return useSyncExternalStore(
    subscribe,
    () => (signal ? signal.value : fallback),
    () => fallback,
  );
}
