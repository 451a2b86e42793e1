import type { ReadonlySignal } from '@helpline/core';
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';

/**
 * A signal's value for this render, and a re-render whenever it changes. Components ask for what they
 * read: the @preact/signals integration, which tracks every render of every component, would cost
 * each first open ~1.3 KB gzip more.
 */
export function useValue<T>(source: ReadonlySignal<T>): T {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const value = source.value;
  const rendered = useRef(value);
  rendered.current = value;
  // Subscribing calls back at once: a change between this render and the subscription is not missed.
  useLayoutEffect(
    () =>
      source.subscribe((next) => {
        if (!Object.is(next, rendered.current)) rerender(0);
      }),
    [source],
  );
  return value;
}
